/**
 * The shape of a parse, for comparing two parses of one text: the AST (values, containers, references as typed, the
 * CST range of each node) and the CST (kinds, offsets, ranges, grammar elements, comments in place), and the errors.
 */
import { type AstNode, type CstNode, isCompositeCstNode, type ParseResult } from 'langium';

const grammarElement = (element: AstNode | undefined) => {
    const e = element as { $type?: string; value?: string; feature?: string; rule?: { $refText?: string } } | undefined;
    return e ? `${e.$type}:${e.value ?? e.feature ?? e.rule?.$refText ?? ''}` : '-';
};

export function astShape(node: AstNode): unknown {
    const shape: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
        if (key === '$document') continue;
        if (key === '$cstNode') shape[key] = value ? `${(value as CstNode).offset}+${(value as CstNode).length}` : value;
        else if (key === '$container') shape[key] = (value as AstNode | undefined)?.$type;
        else if (Array.isArray(value)) shape[key] = value.map(valueShape);
        else shape[key] = valueShape(value);
    }
    return shape;
}

function valueShape(value: unknown): unknown {
    if (value && typeof value === 'object' && typeof (value as AstNode).$type === 'string') return astShape(value as AstNode);
    if (value && typeof value === 'object' && '$refText' in value) {
        const reference = value as { $refText: string; $refNode?: CstNode };
        return `reference ${reference.$refText} at ${reference.$refNode?.offset}`;
    }
    return value;
}

export function cstShape(node: CstNode): unknown {
    const leaf = !isCompositeCstNode(node);
    return [
        leaf ? 'leaf' : 'composite', node.offset, node.length, node.hidden, leaf ? (node as { tokenType?: { name: string } }).tokenType?.name : undefined,
        grammarElement(node.grammarSource), node.container?.offset, node.range,
        ...(isCompositeCstNode(node) ? [(node as { _astNode?: AstNode })._astNode?.$type, node.content.map(cstShape)] : []),
    ];
}

export function shape(result: ParseResult<AstNode>): unknown {
    return {
        ast: astShape(result.value),
        cst: cstShape(result.value.$cstNode!),
        lexerErrors: result.lexerErrors.map(e => [e.offset, e.length, e.message]),
        parserErrors: result.parserErrors.map(e => [e.token.startOffset, e.message]),
    };
}
