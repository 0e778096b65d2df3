/** The outline of the shown file (`textDocument/documentSymbol`): a nested list of buttons going to each symbol. */
import type { LSPClient } from '@codemirror/lsp-client';
import type * as lsp from 'vscode-languageserver-protocol';
import { byId, el } from '../dom.js';

export async function renderOutline(client: LSPClient, uri: string, goTo: (uri: string, range: lsp.Range) => void): Promise<void> {
    let symbols: lsp.DocumentSymbol[] = [];
    try {
        symbols = (await client.request<lsp.DocumentSymbolParams, lsp.DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } })) ?? [];
    } catch {
        return; // the previous outline stays until the next analysis
    }
    const build = (items: readonly lsp.DocumentSymbol[], depth: number): HTMLUListElement => el('ul', {}, ...items.map(symbol => {
        const button = el('button', { type: 'button', text: symbol.name, title: symbol.detail ?? '' });
        button.addEventListener('click', () => goTo(uri, symbol.selectionRange));
        const item = el('li', {}, button);
        if (symbol.children?.length && depth < 3) item.append(build(symbol.children, depth + 1));
        return item;
    }));
    byId('outline-tree').replaceChildren(build(symbols, 0));
}
