/**
 * Loads contracts into one Langium workspace so that cross-file references resolve: the files given,
 * and the files they import (transitively), then builds and validates them all. The Node side of the loading API
 * of @cpom/language: contracts read from the disk or another `ContractSource`, bytes decoded.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { type LangiumDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCpomServices, type CpomServicesBundle, type DocumentSource, loadDocuments } from '@cpom/language';
import type { Diagnostic } from 'vscode-languageserver-types';
import { type Bilingual, fileError, isSystemError } from './errors.js';
import { strictUtf8, withoutUtf8Bom } from './utf8-bom.js';

export interface LoadedFile {
    readonly path: string;
    readonly uri: URI;
    readonly text: string;
    readonly document: LangiumDocument;
    /** Whether the user named this file (imported-only files are validated but not reported). */
    readonly requested: boolean;
}

export interface Workspace {
    readonly services: CpomServicesBundle;
    readonly files: LoadedFile[];
}

/** Services whose parser a startup snapshot built ahead (snapshot-entry.ts): handed to the first caller only. */
let prepared: CpomServicesBundle | undefined;

/**
 * Builds a set of services and its parser now (Chevrotain's grammar recording and lookahead, the costly part of a
 * cold start), for the next `createServices()`. Called while a startup snapshot is built, so that the snapshot holds it.
 */
export function prepareServices(): void {
    const services = newServices();
    services.Cpom.parser.LangiumParser.parse('contrat X "x" {}');
    prepared = services;
}

export function createServices(): CpomServicesBundle {
    const services = prepared ?? newServices();
    prepared = undefined;
    return services;
}

function newServices(): CpomServicesBundle {
    const services = createCpomServices(NodeFileSystem);
    // Langium picks a language by file extension; the CLI reads every file it is given as a contract
    // (`cpom check notes.txt`, `--stdin-filename contract.txt`) instead of failing on it.
    const registry = services.shared.ServiceRegistry;
    registry.getServices = () => services.Cpom;
    registry.hasServices = () => true;
    return services;
}

/** Windows-1252 differs from Latin-1 in 0x80–0x9F (€, –, ’, œ…); Node's TextDecoder reads that range as Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
    let text = '';
    for (const byte of bytes) {
        text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    }
    return text;
}

/**
 * Where the loader reads contracts: the disk by default; a git revision, or the disk with some files replaced,
 * for `cpom diff REV` and the git diff driver. Paths are absolute.
 */
export interface ContractSource {
    /** The file's bytes, or undefined when it does not exist in this source. */
    read(file: string): Uint8Array | undefined;
    /** The .cpom files of a folder (absolute paths), when this source can list one. */
    list?(folder: string): string[];
}

/** The .cpom files of a folder on the disk; none when it cannot be read (the files asked for report that). */
function listCpomFiles(folder: string): string[] {
    try {
        return readdirSync(folder).filter(name => name.endsWith('.cpom')).map(name => path.join(folder, name)).sort();
    } catch {
        return [];
    }
}

/**
 * The disk: a path that names no file is absent (an import of a missing file, reported as CPOM004); a file that
 * exists but cannot be read is an error naming it.
 */
export const diskSource: ContractSource = {
    list: listCpomFiles,
    read: file => {
        try {
            if (!statSync(file).isFile()) return undefined;
        } catch {
            return undefined;
        }
        try {
            return readFileSync(file);
        } catch (error) {
            throw isSystemError(error) ? fileError('read', file, error) : error;
        }
    },
};

/** The disk, with some files' content replaced (absolute paths → text) and, optionally, the standard input in place. */
export function diskWith(texts: ReadonlyMap<string, string>, stdin?: { readonly path: string; readonly bytes: Uint8Array }): ContractSource {
    return {
        list: listCpomFiles,
        read: file => {
            const text = texts.get(file);
            if (text !== undefined) return Buffer.from(text, 'utf8');
            if (file === stdin?.path) return stdin.bytes;
            try {
                return statSync(file).isFile() ? readFileSync(file) : undefined;
            } catch {
                return undefined;
            }
        },
    };
}


/**
 * Contract bytes as text, without a byte order mark: UTF-8; UTF-16 when a UTF-16 byte order mark says so (Windows
 * Notepad's "Unicode"); Windows-1252 when the bytes are not valid UTF-8 (a file saved by an old Windows editor).
 * `warn` gets a note for each guess that is not plain UTF-8.
 */
export function decodeContract(bytes: Uint8Array, file: string, warn: (message: Bilingual) => void = () => {}): string {
    const bom = bytes.length >= 2 ? (bytes[0] === 0xff && bytes[1] === 0xfe ? 'le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'be' : undefined) : undefined;
    if (bom) {
        warn({ fr: `« ${file} » est encodé en UTF-16 (${bom.toUpperCase()}) : lu comme tel`, en: `'${file}' is encoded in UTF-16 (${bom.toUpperCase()}): read as such` });
        return new TextDecoder(bom === 'le' ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    }
    const body = withoutUtf8Bom(bytes);
    try {
        return strictUtf8().decode(body);
    } catch {
        warn({ fr: `« ${file} » n'est pas en UTF-8 valide : lu comme Windows-1252`, en: `'${file}' is not valid UTF-8: read as Windows-1252` });
        return decodeWindows1252(body);
    }
}

/**
 * Loads `paths` and, transitively, the files they import (see `loadDocuments` of @cpom/language), read from
 * `source` (a file it does not have does not exist) and decoded as contracts are.
 */
export async function loadWorkspace(services: CpomServicesBundle, paths: readonly string[], warn: (message: Bilingual) => void = () => {}, source: ContractSource = diskSource, options: { validation?: boolean; referenceIndex?: boolean; companions?: readonly string[] } = {}): Promise<Workspace> {
    const texts: DocumentSource = {
        read: uri => {
            const bytes = source.read(uri.fsPath);
            return bytes === undefined ? undefined : decodeContract(bytes, uri.fsPath, warn);
        },
    };
    // Requested files keep the path they were given (URI.file(p).fsPath may differ: drive letter case on Windows).
    const given = new Map(paths.map(p => [URI.file(p).toString(), p]));
    const loaded = await loadDocuments(services.shared, paths.map(p => URI.file(p)), texts, { validation: options.validation, referenceIndex: options.referenceIndex, companions: options.companions?.map(p => URI.file(p)) });
    const missing = loaded.missing[0];
    if (missing) throw fileError('read', missing.fsPath, Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));
    const files = loaded.documents.map(({ document, text, requested }) => ({ path: given.get(document.uri.toString()) ?? document.uri.fsPath, uri: document.uri, text, document, requested }));
    return { services, files };
}

export function diagnosticsOf(file: LoadedFile): Diagnostic[] {
    return file.document.diagnostics ?? [];
}

