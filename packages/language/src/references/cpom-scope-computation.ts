/**
 * Which names are visible where.
 * - Names declared anywhere inside a contract, a catalogue or an avenant are visible throughout it
 *   (an establishment of the perimeter is referenced from the funding section).
 * - Contracts and catalogues are exported by name; catalogue entries as `CATALOGUE.ENTRY`.
 */
import { type AstNode, type AstNodeDescription, type Cancellation, DefaultScopeComputation, type LangiumDocument, type LocalSymbols, MultiMap } from 'langium';
import * as ast from '../generated/ast.js';
import { allNodes } from '../workspace/ast-nodes.js';

export class CpomScopeComputation extends DefaultScopeComputation {

    override async collectExportedSymbols(document: LangiumDocument, _cancelToken?: Cancellation.CancellationToken): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value as ast.CpomFile;
        const exports: AstNodeDescription[] = [];
        for (const element of root.elements ?? []) {
            if (ast.isAvenant(element) || ast.isSuiviAnnuel(element) || !element.name) {
                continue;
            }
            exports.push(this.descriptions.createDescription(element, element.name, document));
            if (ast.isCatalogue(element)) {
                for (const entry of element.entries) {
                    if (entry.name) {
                        exports.push(this.descriptions.createDescription(entry, `${element.name}.${entry.name}`, document));
                    }
                }
            }
        }
        return exports;
    }

    override async collectLocalSymbols(document: LangiumDocument, _cancelToken?: Cancellation.CancellationToken): Promise<LocalSymbols> {
        const root = document.parseResult.value;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const node of allNodes(root)) {
            if (node === root) continue;
            const name = this.nameProvider.getName(node);
            if (!name) {
                continue;
            }
            const owner = scopeOwner(node);
            symbols.add(owner ?? root, this.descriptions.createDescription(node, name, document));
        }
        return symbols;
    }
}

/** The types whose nodes own a scope; none of them has a subtype, so that the type name alone tells. */
const SCOPE_OWNERS: ReadonlySet<string> = new Set([ast.Contrat.$type, ast.Catalogue.$type, ast.Avenant.$type, ast.SuiviAnnuel.$type]);

/**
 * The contract, catalogue, avenant or follow-up whose scope a nested declaration or reference belongs to. Asked for
 * every named node and reference: the type names are compared, not asked of the reflection per ancestor and type.
 */
export function scopeOwner(node: AstNode): AstNode | undefined {
    let current = node.$container;
    while (current && current.$type !== ast.CpomFile.$type) {
        if (SCOPE_OWNERS.has(current.$type)) return current;
        current = current.$container;
    }
    return undefined;
}
