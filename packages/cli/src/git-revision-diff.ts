/** `cpom diff [REV [REV2]] [-- PATHS…]`: the semantic diff of the changed .cpom files between two versions of a repository. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { CommandIO } from './check.js';
import { diffFile, type FileDiff, renderFileDiffs } from './file-diff.js';
import { reportFailure, UsageError } from './errors.js';
import { checkOutputTarget, writeFileAtomic } from './output.js';
import { createServices } from './workspace.js';
import { changedContractFiles, commitVersion, readCommitContracts, repositoryRoot, resolveCommit, workingTreeVersion } from './git.js';

export interface RevisionDiffOptions {
    readonly format: 'text' | 'markdown' | 'json';
    readonly exitCode?: boolean;
    readonly output?: string;
    readonly color?: boolean;
}

/**
 * `cpom diff [REV [REV2]] [-- PATHS…]`: the semantic diff of every changed .cpom file between two versions. Without
 * `--` (`paths` undefined), as git does: the leading operands that name commits are revisions, the others paths.
 * No revision: HEAD.
 */
export async function runRevisionDiff(operands: readonly string[], paths: readonly string[] | undefined, options: RevisionDiffOptions, io: CommandIO): Promise<number> {
    try {
        if (options.output) checkOutputTarget(path.resolve(io.cwd, options.output), [], options.output);
        const root = await repositoryRoot(io.cwd);
        const names: string[] = [];
        const commits: string[] = [];
        const operandPaths: string[] = [];
        for (const operand of operands) {
            const commit = operandPaths.length === 0 ? await resolveCommit(io.cwd, operand) : undefined;
            if (commit && names.length === 2) {
                throw new UsageError({
                    fr: `trop de révisions : ${operands.join(' ')} (cpom diff [REV [REV2]] [-- CHEMINS…], ou cpom diff ANCIEN.cpom NOUVEAU.cpom)`,
                    en: `too many revisions: ${operands.join(' ')} (cpom diff [REV [REV2]] [-- PATHS…], or cpom diff OLD.cpom NEW.cpom)`,
                });
            }
            if (commit) {
                names.push(operand);
                commits.push(commit);
            } else if (paths === undefined && existsSync(path.resolve(io.cwd, operand))) {
                operandPaths.push(operand);
            } else if (paths === undefined && operandPaths.length === 0) {
                throw new UsageError({
                    fr: `révision inconnue ou chemin absent de la copie de travail : « ${operand} » (dépôt ${root})`,
                    en: `unknown revision or path not in the working tree: '${operand}' (repository ${root})`,
                });
            } else if (paths === undefined) {
                throw new UsageError({
                    fr: `chemin absent de la copie de travail : « ${operand} » (séparez les chemins des révisions par --)`,
                    en: `no such path in the working tree: '${operand}' (use -- to separate paths from revisions)`,
                });
            } else {
                throw new UsageError({ fr: `révision inconnue : « ${operand} » (pas un commit du dépôt ${root})`, en: `unknown revision '${operand}' (not a commit of the repository at ${root})` });
            }
        }
        if (names.length === 0) {
            const head = await resolveCommit(io.cwd, 'HEAD');
            if (!head) throw new UsageError({ fr: `révision inconnue : « HEAD » (le dépôt ${root} n'a encore aucun commit)`, en: `unknown revision 'HEAD': the repository at ${root} has no commit yet` });
            names.push('HEAD');
            commits.push(head);
        }
        const pathspecs = [...operandPaths, ...(paths ?? [])];
        const changes = await changedContractFiles(io.cwd, root, commits, pathspecs);
        const before = commitVersion(root, await readCommitContracts(root, commits[0]), names[0]);
        const after = commits.length > 1 ? commitVersion(root, await readCommitContracts(root, commits[1]), names[1]) : workingTreeVersion(root);
        const changed = new Set(changes.flatMap(c => [c.path, c.oldPath ?? c.path]));
        const files: FileDiff[] = [];
        const services = createServices(); // one parser for every version of every file, loaded one after the other
        for (const change of changes) files.push(await diffFile(change, before, after, changed, services));
        const text = renderFileDiffs({ old: names[0], new: names[1], files }, options.format, options.color ?? false);
        if (options.output) writeFileAtomic(path.resolve(io.cwd, options.output), text, options.output);
        else io.stdout(text);
        const failed = files.filter(f => f.error);
        for (const file of failed) io.stderr(`cpom: ${file.error}\n`);
        if (failed.length > 0) return 2;
        return options.exitCode && files.some(f => f.diffs.some(d => d.changes.length > 0)) ? 1 : 0;
    } catch (error) {
        return reportFailure(error, io, io.locale ?? 'fr');
    }
}
