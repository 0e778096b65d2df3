/**
 * Git integration, the plumbing: running git, listing changed contract files, reading versions of files. The
 * commands are `git-revision-diff.ts` (`cpom diff REV [REV2] [-- PATHS…]`), `git-setup.ts` (`cpom git-setup`), and
 * the two commands git calls once set up — `git-diff-driver.ts` (the external diff driver, for `git diff`,
 * `git log -p --ext-diff`) and `git-textconv.ts` (the text conversion, for `git diff --no-ext-diff`, `git log -p`,
 * blame…).
 *
 * Git runs as a child process (`execFile`, no shell). Versions of files are read from git's object database
 * (`ls-tree` + one `cat-file --batch`), never checked out: nothing is written to the working tree or to a
 * temporary folder.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { type FileChange, type TreeVersion, toPosix } from './file-diff.js';
import { type Bilingual, UsageError } from './errors.js';
import { type ContractSource, diskSource } from './workspace.js';

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
        source: {
            read: file => files.get(relative(file)),
            list: folder => [...files.keys()].filter(f => f.endsWith('.cpom') && path.posix.dirname(f) === relative(folder)).map(f => path.join(root, ...f.split('/'))).sort(),
        },
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
        list: folder => {
            const added = [...overrides].filter(([f, bytes]) => bytes && path.posix.dirname(f) === relative(folder)).map(([f]) => path.join(root, ...f.split('/')));
            return [...new Set([...diskSource.list!(folder), ...added])].filter(f => source.read(f) !== undefined).sort();
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
