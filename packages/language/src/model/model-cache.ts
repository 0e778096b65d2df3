/**
 * Where the semantic model's views are kept: one cache per document, keyed by the root of its AST. A new parse
 * gives a new root, so a new version of a file gets new views; a document relinked without being parsed again
 * (a file it imports changed) keeps its AST but not its links, so the document builder drops its views
 * (`invalidateModel`) when it resets the document before linking. Views are built on demand from a possibly broken
 * AST, and never throw.
 *
 * A view read before its document is linked (the outline is served once a document is parsed, and the server
 * indexes the folder in the background) is computed for that reader and not kept: it may hold the half-linked
 * state of a rebuild (an inherited title missing while the catalogue is parsed again), which would otherwise
 * outlive the linking. An AST outside any document (a test's parse) has no links to wait for and is cached.
 */
import { type AstNode, AstUtils, DocumentState, type ReferenceInfo } from 'langium';
import { descendantsOf } from '../workspace/ast-nodes.js';

type ViewCache = WeakMap<AstNode, unknown>;

const documents = new WeakMap<AstNode, Map<string, ViewCache>>();

/**
 * The views kept across versions (issue 15): a keystroke reparses one block in place and relinks the document, so
 * the per-version views above are dropped, but the view of a node the reparse kept, whose subtree did not change
 * (the reparse forgets the replaced block's ancestors, `forgetKeptViews`) and whose references resolve to the same
 * nodes, is the same view. Only for views made of their node's subtree and of the identity of the nodes its
 * references resolve to, never of what those nodes say (`keep` of `cachedView`).
 */
interface KeptView {
    readonly view: unknown;
    readonly references: readonly ReferenceInfo[];
    readonly targets: readonly (AstNode | undefined)[];
}

const kept = new WeakMap<AstNode, Map<string, KeptView>>();

/**
 * The view `kind` of a node, computed once per document version and links; with `keep`, once for as long as the
 * node's subtree and the targets of its references stay the same (see `KeptView`).
 */
export function cachedView<N extends AstNode, T>(kind: string, node: N, compute: (node: N) => T, keep = false): T {
    const root = AstUtils.findRootNode(node);
    const state = root.$document?.state;
    if (state !== undefined && state < DocumentState.Linked) return compute(node);
    let views = documents.get(root);
    if (!views) {
        views = new Map();
        documents.set(root, views);
    }
    let cache = views.get(kind);
    if (!cache) {
        cache = new WeakMap();
        views.set(kind, cache);
    }
    if (cache.has(node)) return cache.get(node) as T;
    const view = keep && state !== undefined ? keptView(kind, node, compute) : compute(node);
    cache.set(node, view);
    return view;
}

function keptView<N extends AstNode, T>(kind: string, node: N, compute: (node: N) => T): T {
    let byKind = kept.get(node);
    const entry = byKind?.get(kind);
    if (entry && entry.references.every((info, i) => targetOf(info) === entry.targets[i])) return entry.view as T;
    const view = compute(node);
    const references = entry?.references ?? descendantsOf(node).references;
    if (!byKind) {
        byKind = new Map();
        kept.set(node, byKind);
    }
    byKind.set(kind, { view, references, targets: references.map(targetOf) });
    return view;
}

function targetOf(info: ReferenceInfo): AstNode | undefined {
    return 'ref' in info.reference ? info.reference.ref : undefined;
}

/** Forgets the views of a document (its links are about to change). */
export function invalidateModel(root: AstNode): void {
    documents.delete(root);
}

/** Forgets the kept views of a node whose subtree changed in place (workspace/incremental-reparse.ts). */
export function forgetKeptViews(node: AstNode): void {
    kept.delete(node);
}
