/**
 * The outline (LSP `textDocument/documentSymbol`) and the kinds of things (`NodeKindProvider`, shared by the
 * outline, workspace symbols and completion): a contract or catalogue with its parties, perimeter, axes,
 * objectives, actions, indicators and means; each symbol named by its identifier with its title as `detail`.
 * Langium's default shows raw names only and flattens what has no name (avenants, perimeter, means).
 */
import { type AstNode, type AstNodeDescription, AstUtils, CstUtils, DocumentState, GrammarUtils, type LangiumDocument } from 'langium';
import { type DocumentSymbolProvider, type NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, type DocumentSymbol, type Range, SymbolKind } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { indicatorTitle } from './cpom-facts.js';

const SYMBOL_KINDS: Readonly<Record<string, SymbolKind>> = {
    Contrat: SymbolKind.Namespace,
    Catalogue: SymbolKind.Package,
    Avenant: SymbolKind.Event,
    Gestionnaire: SymbolKind.Object,
    Autorite: SymbolKind.Interface,
    Perimetre: SymbolKind.Module,
    Etablissement: SymbolKind.Class,
    Axe: SymbolKind.Module,
    Objectif: SymbolKind.Struct,
    Action: SymbolKind.Function,
    Indicateur: SymbolKind.Property,
    Moyens: SymbolKind.Module,
    Financement: SymbolKind.Field,
    Cnr: SymbolKind.Field,
};

const COMPLETION_KINDS: Readonly<Record<string, CompletionItemKind>> = {
    Contrat: CompletionItemKind.Module,
    Catalogue: CompletionItemKind.Module,
    Gestionnaire: CompletionItemKind.Interface,
    Autorite: CompletionItemKind.Interface,
    Etablissement: CompletionItemKind.Class,
    Axe: CompletionItemKind.Folder,
    Objectif: CompletionItemKind.Struct,
    Action: CompletionItemKind.Function,
    Indicateur: CompletionItemKind.Property,
    Financement: CompletionItemKind.Field,
};

export class CpomNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}

export class CpomDocumentSymbolProvider implements DocumentSymbolProvider {
    constructor(private readonly kinds: NodeKindProvider) {}

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        try {
            return this.symbolsOf(document.parseResult.value);
        } catch (error) {
            // An editor keeps the outline of a text version: an empty one stays until the next edit. Say why.
            console.error(`cpom: the outline of ${document.uri.toString()} failed:`, error);
            return [];
        }
    }

    private symbolsOf(node: AstNode): DocumentSymbol[] {
        const own = this.symbolOf(node);
        if (own) return [own];
        return this.childrenOf(node);
    }

    private childrenOf(node: AstNode): DocumentSymbol[] {
        const children: DocumentSymbol[] = [];
        for (const child of AstUtils.streamContents(node)) children.push(...this.symbolsOf(child));
        return children;
    }

    /** A symbol for the node, or undefined when only its children show. */
    private symbolOf(node: AstNode): DocumentSymbol | undefined {
        const cst = node.$cstNode;
        if (!cst) return undefined;
        const named = node as AstNode & { name?: unknown; title?: unknown };
        let name: string | undefined;
        let detail: string | undefined;
        let selection: Range | undefined;
        if (typeof named.name === 'string' && named.name) {
            name = named.name;
            detail = ast.isIndicateur(node) ? inheritedTitle(node) : typeof named.title === 'string' ? named.title : undefined;
            selection = nameRange(node);
        } else if (ast.isAvenant(node)) {
            name = `Avenant n° ${node.number ?? '?'}`;
            detail = node.contract?.$refText ? `au ${node.contract.$refText}` : undefined;
        } else if (ast.isPerimetre(node) || ast.isMoyens(node)) {
            name = ast.isPerimetre(node) ? 'périmètre' : 'moyens';
            const children = this.childrenOf(node);
            if (children.length === 0) return undefined;
            return { name, kind: this.kinds.getSymbolKind(node), range: cst.range, selectionRange: firstToken(node) ?? cst.range, children };
        } else if (ast.isAction(node) && node.title) {
            name = node.title.length > 60 ? `${node.title.slice(0, 59)}…` : node.title;
        } else if (ast.isCnr(node) && node.title) {
            name = `CNR ${node.year ?? ''}`.trim();
            detail = node.title;
        } else {
            return undefined;
        }
        const children = this.childrenOf(node);
        return {
            name,
            detail,
            kind: this.kinds.getSymbolKind(node),
            range: cst.range,
            selectionRange: selection ?? firstToken(node) ?? cst.range,
            children: children.length > 0 ? children : undefined,
        };
    }
}

function nameRange(node: AstNode): Range | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range;
}

/** The first token of a node: where the outline selects a block without a name (`périmètre`, `moyens`). */
function firstToken(node: AstNode): Range | undefined {
    return node.$cstNode ? CstUtils.flattenCst(node.$cstNode).head()?.range : undefined;
}

/**
 * An indicator's title, else that of the indicator it is based on (`selon`), read through references only once the
 * document is linked: the outline is served as soon as a document is parsed, and a document relinked while a file
 * it imports is parsed again has no links yet (its own title, from the parse tree, until then).
 */
function inheritedTitle(node: ast.Indicateur): string | undefined {
    const document = AstUtils.findRootNode(node).$document;
    if (document && document.state < DocumentState.Linked) return node.title;
    return indicatorTitle(node);
}
