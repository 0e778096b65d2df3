/**
 * Resolves names: local declarations first (see CpomScopeComputation), then, inside an avenant, the
 * declarations of the earlier avenants and of the amended contract, then the exports of this file and of the files it imports.
 * Files that are not imported are not visible: cross-file references are explicit.
 */
import { type AstNode, type AstNodeDescription, DefaultScopeProvider, AstUtils, EMPTY_SCOPE, MapScope, WorkspaceCache, type LangiumCoreServices, type LangiumDocuments, type ReferenceInfo, type Scope } from 'langium';
import * as ast from '../generated/ast.js';
import { importedUris } from './imports.js';
import { scopeOwner } from './cpom-scope-computation.js';
import { earlierAvenants } from '../model/avenants.js';

export class CpomScopeProvider extends DefaultScopeProvider {
    /** Global scope by document and reference type; cleared whenever any document of the workspace changes. */
    private readonly visibleScopeCache: WorkspaceCache<string, Scope>;

    private readonly documents: LangiumDocuments;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.visibleScopeCache = new WorkspaceCache(services.shared);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const document = AstUtils.getDocument(context.container);
        const localSymbols = document.localSymbols;
        const avenant = enclosingAvenant(context);
        const layers: Array<Iterable<AstNodeDescription>> = [];
        let current: AstNode | undefined = context.container;
        while (current) {
            if (localSymbols?.has(current)) {
                layers.push(localSymbols.getStream(current).filter((d: AstNodeDescription) => this.reflection.isSubtype(d.type, referenceType)));
            }
            if (current === avenant) {
                // Inside an avenant: its own names, then those of the earlier avenants (latest first), then the contract's.
                const amended = avenant.contract.ref;
                const owners: AstNode[] = amended ? [...earlierAvenants(avenant, this.documents).reverse(), amended] : [];
                for (const owner of owners) {
                    const symbols = AstUtils.getDocument(owner).localSymbols;
                    if (symbols?.has(owner)) {
                        layers.push(symbols.getStream(owner).filter((d: AstNodeDescription) => this.reflection.isSubtype(d.type, referenceType)));
                    }
                }
            }
            current = current.$container;
        }
        let result: Scope = this.getGlobalScope(referenceType, context);
        for (let i = layers.length - 1; i >= 0; i--) {
            result = this.createScope(layers[i], result);
        }
        return result;
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        return this.visibleScopeCache.get(`${document.uri.toString()}|${referenceType}`, () => {
            const uris = new Set([document.uri.toString(), ...importedUris(document).map(u => u.toString())]);
            // allElements() streams over a one-shot Map iterator: read it once.
            const elements = this.indexManager.allElements(referenceType, uris).toArray();
            return elements.length === 0 ? EMPTY_SCOPE : new MapScope(elements);
        });
    }
}

/** The avenant a reference sits in, unless it is the avenant's own `au CONTRAT` reference. */
function enclosingAvenant(context: ReferenceInfo): ast.Avenant | undefined {
    if (ast.isAvenant(context.container) && context.property === 'contract') {
        return undefined;
    }
    const owner = ast.isAvenant(context.container) ? context.container : scopeOwner(context.container);
    return ast.isAvenant(owner) ? owner : undefined;
}
