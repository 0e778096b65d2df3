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
import { type AstNode, AstUtils, DocumentState } from 'langium';

type ViewCache = WeakMap<AstNode, unknown>;

const documents = new WeakMap<AstNode, Map<string, ViewCache>>();

/** The view `kind` of a node, computed once per document version and links. */
export function cachedView<N extends AstNode, T>(kind: string, node: N, compute: (node: N) => T): T {
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
    const view = compute(node);
    cache.set(node, view);
    return view;
}

/** Forgets the views of a document (its links are about to change). */
export function invalidateModel(root: AstNode): void {
    documents.delete(root);
}
