/**
 * A workspace cache for facts read across documents (scopes, the avenants of each contract, the declarations by
 * name). Langium's `WorkspaceCache` forgets on each update, at the start of a build; but a reader can ask in the
 * middle of the build (the outline is served once a document is parsed), before the changed files are parsed and
 * indexed again, and what it computed then (a scope without the catalogue's exports, the old AST's nodes) would be
 * kept through the linking. This cache also forgets once every document of a build has its scopes, just before
 * linking: what is computed from then on sees the new exports and parse trees. It forgets again once every document
 * is linked: a fact read while linking (the avenants of a contract, before the avenant that amends it linked its
 * `au`) would otherwise reach the validation of a follow-up of the same build.
 */
import { DocumentState, type LangiumSharedCoreServices, WorkspaceCache } from 'langium';

export class BuildCache<K, V> extends WorkspaceCache<K, V> {
    constructor(shared: LangiumSharedCoreServices) {
        super(shared);
        this.toDispose.push(shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.ComputedScopes, () => this.clear()));
        this.toDispose.push(shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Linked, () => this.clear()));
    }
}
