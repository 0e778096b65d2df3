/** `importe "chemin"`: paths are relative to the importing file. */
import { type LangiumDocument, UriUtils } from 'langium';
import type { URI } from 'vscode-uri';
import * as ast from '../generated/ast.js';

export function resolveImportUri(document: LangiumDocument, path: string): URI {
    return UriUtils.resolvePath(UriUtils.dirname(document.uri), path);
}

export function importedUris(document: LangiumDocument): URI[] {
    const root = document.parseResult.value;
    if (!ast.isCpomFile(root)) {
        return [];
    }
    return root.imports.filter(i => i.path).map(i => resolveImportUri(document, i.path));
}
