/**
 * Resolves names: local declarations first (see CpomScopeComputation), then, inside an avenant, the
 * declarations of the earlier avenants and of the amended contract (inside a follow-up, those of the contract
 * and of all its avenants), then the exports of this file and of
 * the files it imports. Files that are not imported are not visible: cross-file references are explicit.
 *
 * Scopes are maps by name, composed once per (scope owner, reference type) and cached until the workspace
 * changes: resolving R references among N names costs O(N + R), not O(N × R).
 */
import {
    type AstNode, type AstNodeDescription, AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MapScope,
    type ReferenceInfo, type Scope,
} from 'langium';
import * as ast from '../generated/ast.js';
import type { CpomServices } from '../cpom-module.js';
import { earlierAvenants } from '../model/avenants.js';
import { BuildCache } from '../workspace/build-cache.js';
import type { CpomWorkspaceIndex } from '../workspace/cpom-workspace-index.js';
import { scopeOwner } from './cpom-scope-computation.js';
import { importedUris } from './imports.js';

export class CpomScopeProvider extends DefaultScopeProvider {
    private readonly scopes: BuildCache<AstNode, Map<string, Scope>>;
    private readonly workspaceIndex: CpomWorkspaceIndex;

    constructor(services: CpomServices) {
        super(services);
        this.scopes = new BuildCache(services.shared);
        this.workspaceIndex = services.cpom.WorkspaceIndex;
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        // An avenant's own `au CONTRAT` reference is resolved in the file's scope, not in the contract's.
        const owner = (ast.isAvenant(context.container) || ast.isSuiviAnnuel(context.container)) && context.property === 'contract'
            ? AstUtils.findRootNode(context.container)
            : scopeOwner(context.container) ?? AstUtils.findRootNode(context.container);
        let byType = this.scopes.get(owner);
        if (!byType) {
            byType = new Map();
            this.scopes.set(owner, byType);
        }
        let scope = byType.get(referenceType);
        if (!scope) {
            scope = this.composeScope(owner, referenceType);
            byType.set(referenceType, scope);
        }
        return scope;
    }

    /** Owner's names → (avenant: earlier avenants', contract's) → file's names → imported exports. */
    private composeScope(owner: AstNode, referenceType: string): Scope {
        const root = AstUtils.findRootNode(owner);
        const owners: AstNode[] = [owner];
        if (ast.isAvenant(owner)) {
            const amended = owner.contract?.ref;
            if (amended) {
                owners.push(...earlierAvenants(owner, this.workspaceIndex).reverse(), amended);
            }
        } else if (ast.isSuiviAnnuel(owner)) {
            // A follow-up names the indicators, establishments and funding lines of its contract and of all its avenants.
            const contract = owner.contract?.ref;
            if (contract) {
                owners.push(...[...this.workspaceIndex.avenantsOf(contract)].reverse(), contract);
            }
        }
        if (owner !== root) {
            owners.push(root);
        }
        let scope = this.importedScope(root, referenceType);
        for (const layerOwner of owners.reverse()) {
            const symbols = AstUtils.getDocument(layerOwner).localSymbols;
            if (symbols?.has(layerOwner)) {
                const descriptions = symbols.getStream(layerOwner)
                    .filter((d: AstNodeDescription) => this.reflection.isSubtype(d.type, referenceType)).toArray();
                if (descriptions.length > 0) {
                    scope = firstWins(descriptions, scope);
                }
            }
        }
        return scope;
    }

    private importedScope(root: AstNode, referenceType: string): Scope {
        const document = AstUtils.getDocument(root);
        const uris = new Set([document.uri.toString(), ...importedUris(document).map(u => u.toString())]);
        // allElements() streams over a one-shot Map iterator: read it once.
        const elements = this.indexManager.allElements(referenceType, uris).toArray();
        return elements.length === 0 ? EMPTY_SCOPE : firstWins(elements);
    }
}

/** A map scope where, among duplicates (reported by CPOM003), the first declaration wins. */
function firstWins(descriptions: AstNodeDescription[], outer?: Scope): Scope {
    return new MapScope([...descriptions].reverse(), outer);
}
