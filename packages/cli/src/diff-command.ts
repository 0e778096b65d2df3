/**
 * `cpom diff OLD NEW`: the semantic diff of two versions of a contract. Each version is loaded in its own
 * workspace (with what it imports), exported to JSON, and compared by identity (see @cpom/diff).
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { CpomJson } from '@cpom/generator';
import { diffContractVersions, formatDiffMarkdown, formatDiffText, type SemanticDiff } from '@cpom/diff';
import type { CommandIO } from './check.js';
import { reportFailure, UsageError } from './errors.js';
import { loadVersion } from './file-diff.js';
import { checkOutputTarget, writeFileAtomic } from './output.js';
import { visibleStrings } from './terminal-text.js';
import { createServices, diskSource } from './workspace.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffOptions {
    readonly format: DiffFormat;
    readonly exitCode?: boolean;
    readonly output?: string;
    readonly color?: boolean;
    /** Name of the contract to compare when a file declares several. */
    readonly contract?: string;
}

/**
 * Loads one version of a contract file from the disk and exports the contracts it declares (with their avenants),
 * or the one named `contractName`, to JSON. The services are left empty for the next version.
 */
export async function exportVersion(file: string, contractName?: string, label = file, services = createServices()): Promise<CpomJson[]> {
    const { contracts } = await loadVersion(services, file, diskSource, label);
    return contracts.filter(c => !contractName || c.contract.id === contractName);
}

/** The diffs as text: JSON escapes what it holds; in text and Markdown, user strings show their control characters. */
export function renderDiffs(diffs: SemanticDiff[], format: DiffFormat, color: boolean): string {
    switch (format) {
        case 'json': return JSON.stringify(diffs.length === 1 ? diffs[0] : { formatVersion: 1, diffs }, null, 2) + '\n';
        case 'markdown': return visibleStrings(diffs, '').map(formatDiffMarkdown).join('\n');
        case 'text': return visibleStrings(diffs, '').map(d => formatDiffText(d, { color })).join('\n');
    }
}

export async function runDiff(oldFile: string, newFile: string, options: DiffOptions, io: CommandIO): Promise<number> {
    try {
        const resolve = (file: string) => path.resolve(io.cwd, file);
        if (options.output) checkOutputTarget(resolve(options.output), [resolve(oldFile), resolve(newFile)], options.output);
        const services = createServices(); // one parser for both versions, loaded one after the other
        const before = await exportVersion(resolve(oldFile), options.contract, oldFile, services);
        const after = await exportVersion(resolve(newFile), options.contract, newFile, services);
        if (before.length === 0 && after.length === 0) {
            throw new UsageError({ fr: `aucun contrat dans « ${oldFile} » ni dans « ${newFile} »`, en: `no contract in '${oldFile}' nor in '${newFile}'` });
        }
        const diffs = diffContractVersions(before, after, { oldLabel: oldFile, newLabel: newFile });
        const text = renderDiffs(diffs, options.format, options.color ?? false);
        if (options.output) writeFileAtomic(resolve(options.output), text, options.output);
        else io.stdout(text);
        const changed = diffs.some(d => d.changes.length > 0);
        return options.exitCode && changed ? 1 : 0;
    } catch (error) {
        return reportFailure(error, io, io.locale ?? 'fr');
    }
}

/** A contract present on one side only is compared with an empty contract of the same name. */
function isFile(file: string): boolean {
    try {
        return statSync(file).isFile();
    } catch {
        return false;
    }
}

/**
 * `cpom diff` with its operands: two contract files (`cpom diff OLD NEW`), or git revisions and paths
 * (`cpom diff [REV [REV2]] [-- PATHS…]`, see git.ts). `paths` are the operands after `--` (undefined: no `--`).
 */
export async function runDiffCommand(operands: readonly string[], paths: readonly string[] | undefined, options: DiffOptions, io: CommandIO): Promise<number> {
    const files = operands.length === 2 && paths === undefined
        && (operands.every(o => isFile(path.resolve(io.cwd, o))) || operands.every(o => o.endsWith('.cpom')));
    if (files) return runDiff(operands[0], operands[1], options, io);
    if (options.contract) {
        io.stderr(io.locale === 'en'
            ? 'cpom: --contract applies to the diff of two files (cpom diff OLD.cpom NEW.cpom)\n'
            : 'cpom: --contract s\'applique au diff de deux fichiers (cpom diff ANCIEN.cpom NOUVEAU.cpom)\n');
        return 2;
    }
    const { runRevisionDiff } = await import('./git-revision-diff.js');
    return runRevisionDiff(operands, paths, options, io);
}
