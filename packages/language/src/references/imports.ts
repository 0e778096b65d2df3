/** `importe "chemin"`: paths are relative to the importing file. */
import { type LangiumDocument, UriUtils } from 'langium';
import type { URI } from 'vscode-uri';
import * as ast from '../generated/ast.js';

/** A UTF-16 surrogate without its pair: an editor may send one while a character is being typed. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The URI of an imported path. A lone surrogate cannot be encoded in a URI (`toString()` throws "URI malformed"),
 * and no file name contains one: it is read as U+FFFD, so that the path names no file and CPOM004 reports it.
 */
export function resolveImportUri(document: LangiumDocument, path: string): URI {
    return UriUtils.resolvePath(UriUtils.dirname(document.uri), path.replace(LONE_SURROGATE, '\uFFFD'));
}

export function importedUris(document: LangiumDocument): URI[] {
    const root = document.parseResult.value;
    if (!ast.isCpomFile(root)) {
        return [];
    }
    return root.imports.filter(i => i.path).map(i => resolveImportUri(document, i.path));
}
