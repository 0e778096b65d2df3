/**
 * Git integration: `cpom diff REV [REV2] [-- PATHS…]`, `cpom git-setup`, and the two commands git calls once set
 * up — the external diff driver (`cpom git-diff-driver`, for `git diff`, `git log -p --ext-diff`) and the text
 * conversion (`cpom textconv`, for `git diff --no-ext-diff`, `git log -p`, blame…).
 *
 * Git runs as a child process (`execFile`, no shell). Versions of files are read from git's object database
 * (`ls-tree` + one `cat-file --batch`), never checked out: nothing is written to the working tree or to a
 * temporary folder.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { colorWanted } from './color.js';
import type { CommandIO } from './check.js';
import { listContracts } from './contract-listing.js';
import {
    diffFile, type FileChange, type FileDiff, formatFileDiffText, loadFileVersion, renderFileDiffs,
    type TreeVersion, toPosix,
} from './file-diff.js';
import { type Bilingual, fileError, isSystemError, reportFailure, UsageError } from './errors.js';
import { CLI_PACKAGE_DIR } from './install-paths.js';
import { checkOutputTarget, writeFileAtomic } from './output.js';
import { visibleText } from './terminal-text.js';
import { type ContractSource, createServices, decodeContract, diskSource } from './workspace.js';

// ---------------------------------------------------------------------------------------------
// Running git

export class GitError extends UsageError {
    constructor(message: string | Bilingual, readonly exitCode?: number, readonly stdout?: Buffer) {
        super(message);
    }
}

/** Runs git with `args` in `cwd`; resolves with its standard output, rejects with a GitError (stderr's first line). */
export function git(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const child = execFile('git', [...args], { cwd, encoding: 'buffer', maxBuffer: 1 << 30, windowsHide: true }, (error, stdout, stderr) => {
            if (!error) return resolve(stdout);
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
                return reject(new GitError({ fr: 'git n\'est pas installé ou pas dans le PATH', en: 'git is not installed or not on the PATH' }));
            }
            const message = stderr.toString('utf8').trim().split('\n')[0] || error.message;
            reject(new GitError(message, typeof error.code === 'number' ? error.code : undefined, stdout));
        });
        child.stdin?.on('error', () => { /* git exited before reading all its input: reported by the callback */ });
        child.stdin?.end(input ?? '');
    });
}

/** The top level of the work tree containing `cwd`; a UsageError outside a repository. */
export async function repositoryRoot(cwd: string): Promise<string> {
    try {
        const out = (await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
        if (!out) throw new GitError('not inside a work tree');
        return path.resolve(out);
    } catch (error) {
        if (error instanceof GitError && /git is not installed/.test(error.english)) throw error;
        throw new UsageError({ fr: `pas un dépôt git (ou hors de sa copie de travail) : ${cwd}`, en: `not a git repository (or not inside its work tree): ${cwd}` });
    }
}

/** The commit a revision names, or undefined when it names none. */
export async function resolveCommit(cwd: string, revision: string): Promise<string | undefined> {
    if (revision.startsWith('-')) return undefined;
    try {
        return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd)).toString('utf8').trim() || undefined;
    } catch (error) {
        if (error instanceof GitError && /git is not installed/.test(error.english)) throw error;
        return undefined;
    }
}

const STATUS: Record<string, FileChange['status']> = { A: 'added', D: 'deleted', M: 'modified', T: 'modified', R: 'renamed', C: 'added' };

/**
 * The .cpom files that differ between `commits[0]` and `commits[1]` (or the working tree), with renames.
 * `pathspecs` (relative to `cwd`) limit the files; by default every .cpom file of the repository.
 */
export async function changedContractFiles(cwd: string, root: string, commits: readonly string[], pathspecs: readonly string[]): Promise<FileChange[]> {
    const args = ['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', ...commits, '--'];
    const out = pathspecs.length > 0 ? await git([...args, ...pathspecs], cwd) : await git([...args, '*.cpom'], root);
    const fields = out.toString('utf8').split('\0');
    const changes: FileChange[] = [];
    for (let i = 0; i < fields.length - 1;) {
        const code = fields[i++];
        const letter = code[0];
        if (letter === 'R' || letter === 'C') {
            const from = fields[i++];
            const to = fields[i++];
            const fromContract = from.endsWith('.cpom');
            const toContract = to.endsWith('.cpom');
            if (letter === 'R' && fromContract && toContract) changes.push({ status: 'renamed', path: to, oldPath: from });
            else if (letter === 'R' && fromContract) changes.push({ status: 'deleted', path: from });
            else if (toContract) changes.push({ status: 'added', path: to });
            continue;
        }
        const file = fields[i++];
        if (file.endsWith('.cpom') && STATUS[letter]) changes.push({ status: STATUS[letter], path: file });
    }
    return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The .cpom files of a commit: relative path (with `/`) → bytes, read in one `cat-file --batch`. */
export async function readCommitContracts(root: string, commit: string): Promise<Map<string, Buffer>> {
    const listing = (await git(['ls-tree', '-r', '-z', '--full-tree', commit], root)).toString('utf8');
    const entries: Array<{ hash: string; file: string }> = [];
    for (const line of listing.split('\0')) {
        const match = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(line);
        if (match && match[1] !== '120000' && match[3].endsWith('.cpom')) entries.push({ hash: match[2], file: match[3] });
    }
    const files = new Map<string, Buffer>();
    if (entries.length === 0) return files;
    const out = await git(['cat-file', '--batch'], root, entries.map(e => e.hash).join('\n') + '\n');
    let offset = 0;
    for (const entry of entries) {
        const newline = out.indexOf(0x0a, offset);
        const header = out.subarray(offset, newline).toString('utf8').split(' ');
        const size = Number(header[2]);
        if (header[1] !== 'blob' || !Number.isFinite(size)) throw new GitError({ fr: `impossible de lire ${entry.file} à ${commit}`, en: `cannot read ${entry.file} at ${commit}` });
        files.set(entry.file, out.subarray(newline + 1, newline + 1 + size));
        offset = newline + 1 + size + 1;
    }
    return files;
}

/** A commit's tree of contracts. */
export function commitVersion(root: string, files: Map<string, Buffer>, revisionName: string): TreeVersion {
    const relative = (file: string) => toPosix(path.relative(root, file));
    return {
        root,
        source: { read: file => files.get(relative(file)) },
        label: file => `${revisionName}:${file}`,
        listContracts: async () => [...files.keys()],
    };
}

/** The working tree, where some files may be replaced (`overrides`: relative path → bytes, or null for absent). */
export function workingTreeVersion(root: string, label: (file: string) => string = file => file, overrides: ReadonlyMap<string, Uint8Array | null> = new Map()): TreeVersion {
    const relative = (file: string) => toPosix(path.relative(root, file));
    const source: ContractSource = {
        read: file => {
            const override = overrides.get(relative(file));
            return override !== undefined ? override ?? undefined : diskSource.read(file);
        },
    };
    return {
        root,
        source,
        label,
        listContracts: async () => {
            const out = (await git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.cpom'], root)).toString('utf8');
            const files = new Set(out.split('\0').filter(f => f.endsWith('.cpom')));
            for (const [file, bytes] of overrides) {
                if (bytes) files.add(file);
            }
            return [...files].filter(f => source.read(path.join(root, ...f.split('/'))) !== undefined).sort();
        },
    };
}

// ---------------------------------------------------------------------------------------------
// cpom diff REV [REV2] [-- PATHS…]

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

// ---------------------------------------------------------------------------------------------
// cpom git-setup

/** Quotes a word for the POSIX shell git runs diff commands with (also git for Windows' sh). */
function shellQuote(word: string): string {
    return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command line that runs this cpom, whatever the PATH: node and the absolute path of bin/cpom.js. */
export function cpomCommandLine(): string {
    return [process.execPath, path.join(CLI_PACKAGE_DIR, 'bin', 'cpom.js')].map(shellQuote).join(' ');
}

const ATTRIBUTE_LINE = '*.cpom diff=cpom';

/** Whether an attributes text already routes *.cpom files to the cpom diff driver. */
function hasCpomAttribute(text: string): boolean {
    return text.split(/\r?\n/).some(line => {
        const fields = line.trim().split(/\s+/);
        return fields[0] === '*.cpom' && fields.slice(1).includes('diff=cpom');
    });
}

async function globalAttributesFile(cwd: string): Promise<string> {
    let configured = '';
    try {
        configured = (await git(['config', '--global', '--get', 'core.attributesFile'], cwd)).toString('utf8').trim();
    } catch { /* not set */ }
    const home = process.env.HOME || os.homedir();
    if (configured) return configured.startsWith('~/') ? path.join(home, configured.slice(2)) : path.resolve(cwd, configured);
    const xdg = process.env.XDG_CONFIG_HOME || path.join(home, '.config');
    return path.join(xdg, 'git', 'attributes');
}

/** `cpom git-setup`: .gitattributes + the diff driver and textconv in the repository's (or the global) git config. */
export async function runGitSetup(options: { global?: boolean }, io: CommandIO): Promise<number> {
    const en = io.locale === 'en';
    try {
        const bin = path.join(CLI_PACKAGE_DIR, 'bin', 'cpom.js');
        if (!existsSync(bin)) throw new UsageError({ fr: `commande cpom introuvable à ${bin}`, en: `cannot find the cpom command at ${bin}` });
        let attributes: string;
        let scope: string[];
        if (options.global) {
            attributes = await globalAttributesFile(io.cwd);
            scope = ['--global'];
        } else {
            const root = await repositoryRoot(io.cwd);
            attributes = path.join(root, '.gitattributes');
            scope = ['--local'];
        }
        const shown = options.global ? attributes : path.relative(io.cwd, attributes) || attributes;
        const existing = existsSync(attributes) ? readFileSync(attributes, 'utf8') : '';
        if (hasCpomAttribute(existing)) {
            io.stdout(en ? `${shown}: already has '${ATTRIBUTE_LINE}'\n` : `${shown} : contient déjà « ${ATTRIBUTE_LINE} »\n`);
        } else {
            mkdirSync(path.dirname(attributes), { recursive: true });
            appendFileSync(attributes, `${existing.length > 0 && !existing.endsWith('\n') ? '\n' : ''}${ATTRIBUTE_LINE}\n`);
            io.stdout(en ? `${shown}: added '${ATTRIBUTE_LINE}'\n` : `${shown} : « ${ATTRIBUTE_LINE} » ajouté\n`);
        }
        const cpom = cpomCommandLine();
        const settings: Array<[string, string]> = [
            ['diff.cpom.command', `${cpom} git-diff-driver`],
            ['diff.cpom.textconv', `${cpom} textconv`],
        ];
        for (const [key, value] of settings) {
            await git(['config', ...scope, key, value], io.cwd);
            io.stdout(`git config ${scope[0]} ${key} ${shellQuote(value)}\n`);
        }
        io.stdout((en ? [
            '',
            'git diff now shows the semantic diff of .cpom files (git log -p and git show: add --ext-diff);',
            'with --no-ext-diff, and in git log -p, git compares one fact per line (cpom textconv).',
            options.global ? '' : `Commit ${shown} so that everybody's clone uses the driver; each clone runs cpom git-setup once.`,
        ] : [
            '',
            'git diff montre désormais le diff sémantique des fichiers .cpom (git log -p et git show : ajoutez --ext-diff) ;',
            'avec --no-ext-diff, et dans git log -p, git compare un fait par ligne (cpom textconv).',
            options.global ? '' : `Commitez ${shown} pour que chaque clone utilise le pilote ; chaque clone lance une fois cpom git-setup.`,
        ]).filter(Boolean).join('\n') + '\n');
        return 0;
    } catch (error) {
        return reportFailure(error, io, io.locale ?? 'fr');
    }
}

// ---------------------------------------------------------------------------------------------
// The external diff driver: git calls `cpom git-diff-driver path old-file old-hex old-mode new-file new-hex new-mode`
// (and two more arguments, the new path and a message, for a rename).

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

// ---------------------------------------------------------------------------------------------
// textconv: git calls `cpom textconv FILE`, FILE being a working tree file or a temporary copy of a blob

/** Where a file git gives to textconv lives in the work tree: itself, or the tracked file its temporary copy was named after. */
async function workTreePlace(file: string, cwd: string): Promise<{ root: string; relative: string } | undefined> {
    let root: string;
    try {
        root = await repositoryRoot(cwd);
    } catch {
        return undefined;
    }
    const absolute = path.resolve(cwd, file);
    const relative = path.relative(root, absolute);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) return { root, relative: toPosix(relative) };
    // git copies a blob to <tmp>/git-blob-XXXXXX/<base name> (git ≥ 2.x) or <tmp>/XXXXXX_<base name> (older).
    const name = path.basename(file);
    const tracked = (await git(['ls-files', '-z', '--', '*.cpom'], root)).toString('utf8').split('\0');
    for (const base of [name, /^[A-Za-z0-9]{6}_(.+)$/.exec(name)?.[1]]) {
        const matches = tracked.filter(f => base && path.posix.basename(f) === base);
        if (matches.length === 1) return { root, relative: matches[0] };
        if (matches.length > 1) return undefined;
    }
    return undefined;
}

/**
 * Prints a stable rendering of a contract file for line diffs: one fact of the JSON export per line, identified by
 * names. A file that does not parse, or that declares no contract nor avenant, is printed as it is.
 */
export async function runTextconv(file: string, io: CommandIO): Promise<number> {
    let bytes: Buffer;
    try {
        bytes = readFileSync(path.resolve(io.cwd, file));
    } catch (error) {
        return reportFailure(isSystemError(error) ? fileError('read', file, error) : error, io, io.locale ?? 'fr');
    }
    try {
        const place = await workTreePlace(file, io.cwd);
        const root = place?.root ?? path.dirname(path.resolve(io.cwd, file));
        const relative = place?.relative ?? path.basename(file);
        const version = await loadFileVersion(workingTreeVersion(root, f => f, new Map([[relative, bytes]])), relative);
        const contracts = [...version.contracts, ...version.amended];
        io.stdout(contracts.length > 0 ? listContracts(contracts) : loadedText(bytes));
    } catch {
        // Not a contract we can read: the text itself, so that git still shows a line diff.
        io.stdout(loadedText(bytes));
    }
    return 0;
}

/** The text of a file for a line diff: decoded as contracts are, line breaks as LF, control characters made visible. */
function loadedText(bytes: Buffer): string {
    const text = visibleText(decodeContract(bytes, '').replace(/\r\n?/g, '\n'));
    return text.endsWith('\n') || text.length === 0 ? text : text + '\n';
}
