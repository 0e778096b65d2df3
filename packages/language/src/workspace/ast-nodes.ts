/**
 * One walk of a document's AST shared by the phases that visit every node: scope computation, linking, the
 * reference index, validation and the rules' owner index each walked the whole tree again through Langium's stream
 * iterators (10 % of a warm check of a 5,000-line contract, and as much again in garbage). The nodes and their
 * cross-references are listed once per parse (the root is new at each parse; a block reparsed in place replaces
 * its slices, `replaceInWalk`), in `AstUtils.streamAst` / `streamReferences` order; a node's subtree is a slice of
 * the lists.
 */
import { type AstNode, type Cancellation, interruptAndCheck, isAstNode, isReference, type ReferenceInfo } from 'langium';

/** The walk of one tree: nodes in pre-order, references in the order of their nodes. */
export interface WalkedTree {
    /** Every node, the root first, in `AstUtils.streamAst` order. */
    readonly nodes: readonly AstNode[];
    /** Every cross-reference, node by node, each node's in `AstUtils.streamReferences` order. */
    readonly references: readonly ReferenceInfo[];
    /** For node i: the index in `nodes` after its last descendant. */
    readonly subtreeEnd: Int32Array;
    /** For node i: the index in `references` of its first reference (length nodes + 1). */
    readonly firstReference: Int32Array;
}

const walked = new WeakMap<AstNode, WalkedTree>();

/** The walk of the tree under `root` (a parse's root), computed once. */
export function walkedTree(root: AstNode): WalkedTree {
    let tree = walked.get(root);
    if (!tree) {
        tree = walk(root);
        walked.set(root, tree);
    }
    return tree;
}

/** Forgets the walk of a tree patched in place (workspace/incremental-reparse.ts). */
export function forgetWalk(root: AstNode): void {
    walked.delete(root);
}

/**
 * The walk of a tree whose node `old` was replaced in place by `node` (incremental-reparse.ts): the old walk with
 * the subtree's slices replaced by the walk of the new node, the indices after it moved. Nothing if never walked.
 */
export function replaceInWalk(root: AstNode, old: AstNode, node: AstNode): void {
    const tree = walked.get(root);
    if (!tree) return;
    walked.delete(root);
    const i = tree.nodes.indexOf(old);
    if (i < 0) return;
    const end = tree.subtreeEnd[i];
    const sub = walk(node);
    const movedNodes = sub.nodes.length - (end - i);
    const firstReference = tree.firstReference[i];
    const endReference = tree.firstReference[end];
    const movedReferences = sub.references.length - (endReference - firstReference);
    const count = tree.nodes.length + movedNodes;
    const ends = new Int32Array(count);
    const firsts = new Int32Array(count + 1);
    for (let j = 0; j < i; j++) {
        const e = tree.subtreeEnd[j];
        ends[j] = e > i ? e + movedNodes : e;
        firsts[j] = tree.firstReference[j];
    }
    for (let j = 0; j < sub.nodes.length; j++) {
        ends[i + j] = sub.subtreeEnd[j] + i;
        firsts[i + j] = sub.firstReference[j] + firstReference;
    }
    for (let j = end; j < tree.nodes.length; j++) {
        ends[j + movedNodes] = tree.subtreeEnd[j] + movedNodes;
        firsts[j + movedNodes] = tree.firstReference[j] + movedReferences;
    }
    firsts[count] = tree.firstReference[tree.nodes.length] + movedReferences;
    walked.set(root, {
        nodes: tree.nodes.slice(0, i).concat(sub.nodes, tree.nodes.slice(end)),
        references: tree.references.slice(0, firstReference).concat(sub.references, tree.references.slice(endReference)),
        subtreeEnd: ends,
        firstReference: firsts,
    });
}

/** Every node of the tree under `root`, `root` first, in `AstUtils.streamAst` order. */
export function allNodes(root: AstNode): readonly AstNode[] {
    return walkedTree(root).nodes;
}

/** Every cross-reference of the tree under `root`, in the order of `allNodes`. */
export function allReferences(root: AstNode): readonly ReferenceInfo[] {
    return walkedTree(root).references;
}

/** The strict descendants of `node` and their references (the node's own excluded), as slices of its root's walk. */
export function descendantsOf(node: AstNode): { nodes: readonly AstNode[]; references: readonly ReferenceInfo[] } {
    let root = node;
    while (root.$container) root = root.$container;
    const tree = walkedTree(root);
    // Owners are near the top of the tree, so near the start of the list.
    const i = tree.nodes.indexOf(node);
    if (i < 0) return { nodes: [], references: [] };
    const end = tree.subtreeEnd[i];
    return {
        nodes: tree.nodes.slice(i + 1, end),
        references: tree.references.slice(tree.firstReference[i + 1], tree.firstReference[end]),
    };
}

function walk(root: AstNode): WalkedTree {
    const nodes: AstNode[] = [];
    const references: ReferenceInfo[] = [];
    const firstReferences: number[] = [];
    const ends: number[] = [];
    // Iterative pre-order (no recursion limit); the stack holds each node's children in reverse.
    const stack: Array<AstNode | number> = [root];
    while (stack.length > 0) {
        const item = stack.pop()!;
        if (typeof item === 'number') {
            ends[item] = nodes.length;
            continue;
        }
        const index = nodes.length;
        nodes.push(item);
        firstReferences.push(references.length);
        stack.push(index);
        const children: AstNode[] = [];
        for (const property of Object.keys(item)) {
            if (property.startsWith('$')) continue;
            const value = (item as unknown as Record<string, unknown>)[property];
            if (isAstNode(value)) {
                children.push(value);
            } else if (isReference(value)) {
                references.push({ reference: value, container: item, property });
            } else if (Array.isArray(value)) {
                for (let k = 0; k < value.length; k++) {
                    const element: unknown = value[k];
                    if (isAstNode(element)) children.push(element);
                    else if (isReference(element)) references.push({ reference: element, container: item, property, index: k });
                }
            }
        }
        for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
    }
    firstReferences.push(references.length);
    return { nodes, references, subtreeEnd: Int32Array.from(ends), firstReference: Int32Array.from(firstReferences) };
}

/** Items of a shared list handled between two cancellation checks (see `everyFewItems`). */
export const ITEMS_PER_CHECK = 64;

/**
 * Langium's loops await `interruptAndCheck` for every node: with a real token (always, in the server) that is one
 * promise and one clock read per node and phase, a large share of a keystroke's garbage. Checking every
 * ITEMS_PER_CHECK items keeps a build cancellable and yielding within Langium's interruption period.
 */
export async function checkEveryFewItems(index: number, cancelToken: Cancellation.CancellationToken): Promise<void> {
    if (index % ITEMS_PER_CHECK === 0) await interruptAndCheck(cancelToken);
}
