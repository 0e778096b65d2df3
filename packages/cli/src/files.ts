/**
 * Finding contract files from the paths a user gives: files, folders (recursively) and globs. Each real file is
 * listed once, whatever the symbolic links that lead to it, and a link back up the tree is not followed forever:
 * a folder is walked once per real path. An unreadable folder is an error, not an empty one.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { fileError, isSystemError, UsageError } from './errors.js';

export { UsageError } from './errors.js';

/** The part of `node:fs` used here (tests inject failures). */
export type ListingFileSystem = Pick<typeof nodeFs, 'statSync' | 'readdirSync' | 'realpathSync'>;

const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**'];
const IGNORED_NAMES = new Set(['node_modules', '.git']);

class Listing {
    /** Real path → the path under which the file was first found. */
    private readonly files = new Map<string, string>();
    private readonly walked = new Set<string>();

    constructor(private readonly cwd: string, private readonly fs: ListingFileSystem) {}

    private real(file: string): string {
        try {
            return this.fs.realpathSync(file);
        } catch {
            return file;
        }
    }

    private shown(file: string): string {
        return path.relative(this.cwd, file) || '.';
    }

    addFile(file: string): void {
        const real = this.real(file);
        if (!this.files.has(real)) this.files.set(real, path.normalize(file));
    }

    /** The .cpom files under `dir`, except in hidden folders, node_modules and .git; symbolic links followed once. */
    walk(dir: string): void {
        const real = this.real(dir);
        if (this.walked.has(real)) return;
        this.walked.add(real);
        let entries: nodeFs.Dirent[];
        try {
            entries = this.fs.readdirSync(dir, { withFileTypes: true });
        } catch (error) {
            throw isSystemError(error) ? fileError('list', this.shown(dir), error) : error;
        }
        for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
            if (entry.name.startsWith('.') || IGNORED_NAMES.has(entry.name)) continue;
            const full = path.join(dir, entry.name);
            let isDirectory = entry.isDirectory();
            let isFile = entry.isFile();
            if (entry.isSymbolicLink()) {
                try {
                    const target = this.fs.statSync(full);
                    isDirectory = target.isDirectory();
                    isFile = target.isFile();
                } catch {
                    continue; // a dangling link: nothing to check
                }
            }
            if (isDirectory) this.walk(full);
            else if (isFile && entry.name.endsWith('.cpom')) this.addFile(full);
        }
    }

    paths(): string[] {
        return [...this.files.values()].sort();
    }
}

/**
 * Absolute paths of the .cpom files named by `inputs`, sorted, each real file once; throws UsageError for a path
 * that matches nothing or a folder that cannot be read.
 */
export async function expandPaths(inputs: readonly string[], cwd: string, fs: ListingFileSystem = nodeFs): Promise<string[]> {
    const listing = new Listing(cwd, fs);
    for (const input of inputs) {
        const absolute = path.resolve(cwd, input);
        let stat: nodeFs.Stats | undefined;
        try {
            stat = fs.statSync(absolute);
        } catch (error) {
            if (isSystemError(error) && error.code !== 'ENOENT' && error.code !== 'ENOTDIR') throw fileError('read', input, error);
        }
        if (stat?.isDirectory()) {
            listing.walk(absolute);
            continue;
        }
        if (stat) {
            listing.addFile(absolute);
            continue;
        }
        if (/[*?[\]{}]/.test(input)) {
            const matches = await glob(input, { cwd, absolute: true, ignore: IGNORED_DIRS });
            const contracts = matches.filter(m => m.endsWith('.cpom'));
            if (contracts.length === 0) {
                throw new UsageError({ fr: `aucun fichier .cpom ne correspond à « ${input} »`, en: `no .cpom file matches '${input}'` });
            }
            contracts.sort().forEach(m => listing.addFile(m));
            continue;
        }
        throw new UsageError({ fr: `fichier ou dossier introuvable : « ${input} »`, en: `no such file or directory: '${input}'` });
    }
    return listing.paths();
}
