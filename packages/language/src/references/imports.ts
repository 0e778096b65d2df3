/** `importe "chemin"`: paths are relative to the importing file. */
import { type LangiumDocument, UriUtils } from 'langium';
import type { URI } from 'vscode-uri';
import * as ast from '../generated/ast.js';

/** A UTF-16 surrogate without its pair: an editor may send one while a character is being typed. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Longer than any path a file system accepts (PATH_MAX is 4,096 bytes on Linux, 260 characters on Windows). */
const MAX_IMPORT_PATH = 4096;

/**
 * The URI of an imported path. A lone surrogate cannot be encoded in a URI (`toString()` throws "URI malformed"),
 * and no file name contains one: it is read as U+FFFD, so that the path names no file and CPOM004 reports it. A path
 * longer than any file system allows names no file either, and vscode-uri's percent-decoding overflows the stack on
 * megabytes of it: it is cut to U+FFFD alone.
 */
export function resolveImportUri(document: LangiumDocument, path: string): URI {
    const usable = path.length > MAX_IMPORT_PATH ? '\uFFFD' : path.replace(LONE_SURROGATE, '\uFFFD');
    return UriUtils.resolvePath(UriUtils.dirname(document.uri), usable);
}

export function importedUris(document: LangiumDocument): URI[] {
    const root = document.parseResult.value;
    if (!ast.isCpomFile(root)) {
        return [];
    }
    return root.imports.filter(i => i.path).map(i => resolveImportUri(document, i.path));
}
