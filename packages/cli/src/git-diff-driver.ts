/**
 * The external diff driver: git calls `cpom git-diff-driver path old-file old-hex old-mode new-file new-hex new-mode`
 * (and two more arguments, the new path and a message, for a rename).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { colorWanted } from './color.js';
import type { CommandIO } from './check.js';
import { diffFile, type FileChange, formatFileDiffText } from './file-diff.js';
import { visibleText } from './terminal-text.js';
import { git, GitError, repositoryRoot, workingTreeVersion } from './git.js';

const NULL_FILE = '/dev/null';

function readSide(file: string, cwd: string): Uint8Array | null {
    if (file === NULL_FILE || file === 'nul') return null;
    return readFileSync(path.resolve(cwd, file));
}

/**
 * Prints the semantic diff of one file for git. The two versions are placed at their path in the working tree, so
 * that what they import is read from the working tree. Never fails git's command: when the semantic diff cannot be
 * computed (syntax error), prints a note and the line diff.
 */
export async function runGitDiffDriver(args: readonly string[], io: CommandIO): Promise<number> {
    if (args.length === 1) {
        io.stdout(`* Unmerged path ${visibleText(args[0], '')}\n`);
        return 0;
    }
    if (args.length !== 7 && args.length !== 9) {
        io.stderr(io.locale === 'en'
            ? 'cpom: git-diff-driver is called by git with 7 arguments (path old-file old-hex old-mode new-file new-hex new-mode)\n'
            : 'cpom: git-diff-driver est appelé par git avec 7 arguments (path old-file old-hex old-mode new-file new-hex new-mode)\n');
        return 2;
    }
    const [file, oldFile, , , newFile] = args;
    const newPath = args.length === 9 ? args[7] : file;
    // Through git's pager the output is still a terminal's.
    const color = colorWanted(true, process.stdout.isTTY === true || process.env.GIT_PAGER_IN_USE === 'true', process.env);
    let change: FileChange | undefined;
    try {
        const root = await repositoryRoot(io.cwd);
        const oldBytes = readSide(oldFile, io.cwd);
        const newBytes = readSide(newFile, io.cwd);
        const status: FileChange['status'] = oldBytes === null ? 'added' : newBytes === null ? 'deleted' : newPath !== file ? 'renamed' : 'modified';
        change = { status, path: newPath, ...(status === 'renamed' ? { oldPath: file } : {}) };
        const before = workingTreeVersion(root, f => `a/${f}`, new Map([[file, oldBytes]]));
        const after = workingTreeVersion(root, f => `b/${f}`, new Map([[newPath, newBytes]]));
        const result = await diffFile(change, before, after, new Set([file, newPath]));
        io.stdout(formatFileDiffText(result, color));
        // A file that cannot be compared, or a catalogue (its entries may be used by no contract): also the lines.
        if (result.error || result.importers) io.stdout(await lineDiff(oldFile, newFile, io.cwd));
    } catch (error) {
        io.stderr(`cpom: git-diff-driver: ${(error as Error).message}\n`);
        io.stdout(`diff --cpom a/${visibleText(file, '')} b/${visibleText(newPath, '')}\n(cpom : pas de diff sémantique, diff ligne à ligne)\n`);
        io.stdout(await lineDiff(oldFile, newFile, io.cwd));
    }
    return 0;
}

/** The line diff of two files by git itself, without its header (the driver printed one). */
async function lineDiff(oldFile: string, newFile: string, cwd: string): Promise<string> {
    try {
        await git(['diff', '--no-index', '--no-ext-diff', '--no-textconv', '--no-color', '--', oldFile, newFile], cwd);
        return '';
    } catch (error) {
        // `git diff --no-index` exits 1 when the files differ: its output is in the error.
        const stdout = error instanceof GitError ? error.stdout : undefined;
        if (stdout) return visibleText(stdout.toString('utf8').replace(/^[\s\S]*?\n(?=@@)/, ''));
        return '';
    }
}
