/** Semantic tokens: declared names and references, typed by what they name (keywords are the TextMate grammar's). */
import { type AstNode, AstUtils } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';

export class CpomSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (typeof (node as AstNode & { name?: unknown }).name === 'string') {
            acceptor({ node, property: 'name' as never, type: tokenType(node), modifier: SemanticTokenModifiers.declaration });
        }
        for (const ref of AstUtils.streamReferences(node)) {
            const target = 'ref' in ref.reference ? ref.reference.ref : undefined;
            acceptor({ node: ref.container, property: ref.property as never, index: ref.index, type: target ? tokenType(target) : SemanticTokenTypes.variable });
        }
    }
}

function tokenType(node: AstNode): string {
    if (ast.isEtablissement(node)) return SemanticTokenTypes.class;
    if (ast.isAutorite(node) || ast.isGestionnaire(node)) return SemanticTokenTypes.type;
    if (ast.isContrat(node) || ast.isCatalogue(node) || ast.isAvenant(node)) return SemanticTokenTypes.namespace;
    if (ast.isIndicateur(node)) return SemanticTokenTypes.property;
    return SemanticTokenTypes.variable;
}
