/**
 * Document links (LSP `textDocument/documentLink`): the path of each `importe "…"` opens the imported file,
 * resolved against the importing document's URI (any scheme: `file:`, an editor's virtual file system).
 */
import { GrammarUtils, type LangiumDocument } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { resolveImportUri } from '../references/imports.js';

export class CpomDocumentLinkProvider implements DocumentLinkProvider {
    getDocumentLinks(document: LangiumDocument): DocumentLink[] {
        const root = document.parseResult?.value;
        if (!ast.isCpomFile(root)) return [];
        const links: DocumentLink[] = [];
        for (const imported of root.imports ?? []) {
            try {
                const path = GrammarUtils.findNodeForProperty(imported.$cstNode, 'path');
                if (!imported.path || !path || path.length < 2) continue;
                // The link covers the path, not its quotes.
                const start = document.textDocument.positionAt(path.offset + 1);
                const end = document.textDocument.positionAt(path.end - 1);
                links.push({
                    range: { start, end },
                    target: resolveImportUri(document, imported.path).toString(),
                    tooltip: `Ouvrir ${imported.path}`,
                });
            } catch {
                // a path that is no URI path gives no link
            }
        }
        return links;
    }
}
