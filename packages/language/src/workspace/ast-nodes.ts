/**
 * One walk of a document's AST shared by the phases that visit every node: scope computation, linking, the
 * reference index and validation each walked the whole tree again through Langium's stream iterators (10 % of a
 * warm check of a 5,000-line contract). The nodes are listed once per parse (the root is new at each parse, and
 * nothing adds nodes to a parsed tree) and the phases iterate over the list, in `streamAst` order.
 */
import { type AstNode, AstUtils } from 'langium';

const listed = new WeakMap<AstNode, readonly AstNode[]>();

/** Every node of the tree under `root`, `root` first, in `AstUtils.streamAst` order. */
export function allNodes(root: AstNode): readonly AstNode[] {
    let nodes = listed.get(root);
    if (!nodes) {
        nodes = AstUtils.streamAst(root).toArray();
        listed.set(root, nodes);
    }
    return nodes;
}
