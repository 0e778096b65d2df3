/**
 * Errors the user can fix (bad arguments, unreadable or unwritable files): printed as one line in the user's
 * language, exit 2. Anything else reaching `main` is a bug.
 */
import { ConfigError, type Locale } from '@cpom/language';

/** A message in both languages of the CLI. */
export interface Bilingual {
    readonly fr: string;
    readonly en: string;
}

export class UsageError extends Error {
    readonly english: string;

    /** A plain string is used for both languages (messages not translated yet, or quoting another tool). */
    constructor(message: string | Bilingual) {
        super(typeof message === 'string' ? message : message.fr);
        this.english = typeof message === 'string' ? message : message.en;
    }

    in(locale: Locale): string {
        return locale === 'en' ? this.english : this.message;
    }
}

const ERRNO: Record<string, Bilingual> = {
    ENOENT: { fr: 'fichier ou dossier introuvable', en: 'no such file or directory' },
    EACCES: { fr: 'permission refusée', en: 'permission denied' },
    EPERM: { fr: 'opération non permise', en: 'operation not permitted' },
    EROFS: { fr: 'système de fichiers en lecture seule', en: 'read-only file system' },
    EISDIR: { fr: 'c\'est un dossier', en: 'is a directory' },
    ENOTDIR: { fr: 'un élément du chemin n\'est pas un dossier', en: 'a component of the path is not a directory' },
    EEXIST: { fr: 'un fichier de ce nom existe déjà', en: 'a file with this name already exists' },
    ENOSPC: { fr: 'plus de place sur le disque', en: 'no space left on the device' },
    EDQUOT: { fr: 'quota de disque dépassé', en: 'disk quota exceeded' },
    ELOOP: { fr: 'trop de liens symboliques', en: 'too many symbolic links' },
    ENAMETOOLONG: { fr: 'nom trop long', en: 'name too long' },
    EMFILE: { fr: 'trop de fichiers ouverts', en: 'too many open files' },
    EBUSY: { fr: 'ressource occupée', en: 'resource busy' },
    EIO: { fr: 'erreur d\'entrée-sortie', en: 'input/output error' },
};

/** Whether `error` is an error of the file system (it has an errno code such as ENOENT). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
    return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);
}

/** The reason of a file system error in words, with its code (`permission refusée (EACCES)`). */
export function systemReason(error: NodeJS.ErrnoException): Bilingual {
    const code = error.code ?? 'EIO';
    const words = ERRNO[code];
    return words ? { fr: `${words.fr} (${code})`, en: `${words.en} (${code})` } : { fr: code, en: code };
}

/** "cannot read/write PATH: reason" as a UsageError. */
export function fileError(action: 'read' | 'write' | 'list', shownPath: string, error: NodeJS.ErrnoException): UsageError {
    const reason = systemReason(error);
    const verbs = {
        read: { fr: 'impossible de lire', en: 'cannot read' },
        write: { fr: 'impossible d\'écrire', en: 'cannot write' },
        list: { fr: 'impossible de lire le dossier', en: 'cannot list the folder' },
    }[action];
    return new UsageError({ fr: `${verbs.fr} « ${shownPath} » : ${reason.fr}`, en: `${verbs.en} '${shownPath}': ${reason.en}` });
}

/**
 * Prints an error the user can fix as `cpom: message` and returns exit code 2; rethrows anything else (a bug, for
 * `main` to report).
 */
export function reportFailure(error: unknown, io: { readonly stderr: (text: string) => void }, locale: Locale): number {
    let message: string;
    if (error instanceof UsageError) message = error.in(locale);
    else if (error instanceof ConfigError) message = error.in(locale);
    else if (isSystemError(error) && error.path) {
        const reason = systemReason(error);
        message = locale === 'en' ? `'${error.path}': ${reason.en}` : `« ${error.path} » : ${reason.fr}`;
    }
    else throw error;
    io.stderr(`cpom: ${message}\n`);
    return 2;
}
