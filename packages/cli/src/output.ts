/**
 * Every file the CLI writes goes through here. `checkOutputTarget` refuses a target that would destroy something
 * (a contract, a file the command reads, a folder); `AtomicFile` writes a temporary file in the same folder and
 * renames it over the target at the end, so that a reader never sees half a file and a failed write leaves the old
 * one. File system errors become UsageErrors naming the path.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { fileError, isSystemError, UsageError } from './errors.js';

/** The part of `node:fs` used here (tests inject failures). */
export type OutputFileSystem = Pick<typeof nodeFs, 'statSync' | 'realpathSync' | 'mkdirSync' | 'openSync' | 'writeSync' | 'closeSync' | 'renameSync' | 'rmSync'>;

function realPath(file: string, fs: OutputFileSystem): string {
    try {
        return fs.realpathSync(file);
    } catch {
        // Not there (yet): the real folder and the name.
        const dir = path.dirname(file);
        if (dir === file) return file;
        return path.join(realPath(dir, fs), path.basename(file));
    }
}

function isDirectory(file: string, fs: OutputFileSystem): boolean {
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false;
    }
}

/**
 * Refuses to write `file` (absolute) when it is a contract (`.cpom`), one of `sources` (the files the command read),
 * also through a symbolic link, or a folder. `shown` is the path as the user typed it.
 */
export function checkOutputTarget(file: string, sources: Iterable<string>, shown = file, fs: OutputFileSystem = nodeFs): void {
    if (/\.cpom$/i.test(file)) {
        throw new UsageError({
            fr: `refus d'écrire sur « ${shown} » : c'est un contrat (.cpom) ; choisissez un autre fichier de sortie`,
            en: `refusing to write over '${shown}': it is a contract (.cpom); choose another output file`,
        });
    }
    if (isDirectory(file, fs) || /[\\/]$/.test(shown)) {
        throw new UsageError({
            fr: `refus d'écrire sur « ${shown} » : c'est un dossier ; donnez un nom de fichier`,
            en: `refusing to write over '${shown}': it is a folder; give a file name`,
        });
    }
    const target = realPath(file, fs);
    for (const source of sources) {
        if (path.resolve(source) === path.resolve(file) || realPath(source, fs) === target) {
            throw new UsageError({
                fr: `refus d'écrire sur « ${shown} » : cette commande lit ce fichier`,
                en: `refusing to write over '${shown}': this command reads it`,
            });
        }
    }
}

/** Creates `dir` (and its parents) for outputs; a UsageError when it is a file or cannot be created. */
export function prepareOutputFolder(dir: string, shown = dir, fs: OutputFileSystem = nodeFs): void {
    let stat: nodeFs.Stats | undefined;
    try {
        stat = fs.statSync(dir);
    } catch {
        stat = undefined; // not there yet (or unreachable: mkdir says why)
    }
    if (stat?.isDirectory()) return;
    if (stat) {
        throw new UsageError({ fr: `« ${shown} » n'est pas un dossier : impossible d'y écrire`, en: `'${shown}' is not a folder: cannot write into it` });
    }
    try {
        fs.mkdirSync(dir, { recursive: true });
    } catch (error) {
        throw isSystemError(error) ? fileError('write', shown, error) : error;
    }
}

let counter = 0;

/** A file written piece by piece into a temporary file, renamed over the target by `commit`. */
export class AtomicFile {
    private readonly temporary: string;
    private fd: number | undefined;

    /** Opens the temporary file; `shown` names the target in messages; `mode`: its permissions (rewriting a file keeps them). */
    constructor(private readonly file: string, private readonly shown = file, private readonly fs: OutputFileSystem = nodeFs, mode = 0o666) {
        prepareOutputFolder(path.dirname(file), path.dirname(shown) || '.', fs);
        this.temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${counter++}.tmp`);
        try {
            this.fd = fs.openSync(this.temporary, 'wx', mode);
        } catch (error) {
            throw isSystemError(error) ? fileError('write', shown, error) : error;
        }
    }

    write(content: string | Uint8Array): void {
        this.guard(() => {
            const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
            for (let offset = 0; offset < bytes.length;) {
                offset += this.fs.writeSync(this.fd!, bytes, offset, bytes.length - offset);
            }
        });
    }

    /** Closes the temporary file and puts it in place. */
    commit(): void {
        this.guard(() => {
            const fd = this.fd!;
            this.fd = undefined;
            this.fs.closeSync(fd);
            this.fs.renameSync(this.temporary, this.file);
        });
    }

    /** Drops the temporary file; never throws (it runs while another error is being reported). */
    abort(): void {
        try {
            if (this.fd !== undefined) this.fs.closeSync(this.fd);
        } catch { /* already closed */ }
        this.fd = undefined;
        try {
            this.fs.rmSync(this.temporary, { force: true });
        } catch { /* the write's own error is the one to report */ }
    }

    private guard(step: () => void): void {
        try {
            step();
        } catch (error) {
            this.abort();
            throw isSystemError(error) ? fileError('write', this.shown, error) : error;
        }
    }
}

/** Writes a whole file atomically (see AtomicFile). */
export function writeFileAtomic(file: string, content: string | Uint8Array, shown = file, fs: OutputFileSystem = nodeFs, mode?: number): void {
    const out = new AtomicFile(file, shown, fs, mode);
    out.write(content);
    out.commit();
}
