/**
 * Which names are visible where.
 * - Names declared anywhere inside a contract, a catalogue or an avenant are visible throughout it
 *   (an establishment of the perimeter is referenced from the funding section).
 * - Contracts and catalogues are exported by name; catalogue entries as `CATALOGUE.ENTRY`.
 */
import {
    type AstNode, type AstNodeDescription, type AstNodeLocator, type Cancellation, CstUtils, DefaultScopeComputation, type LangiumCoreServices,
    type LangiumDocument, type LocalSymbols, MultiMap,
} from 'langium';
import * as ast from '../generated/ast.js';
import { allNodes } from '../workspace/ast-nodes.js';

export class CpomScopeComputation extends DefaultScopeComputation {
    private readonly locator: AstNodeLocator;
    /**
     * The description of each named node, kept across a keystroke (issue 15): a node the block reparse kept has the
     * same name and the same path (a block is replaced by one node at the same index); its segments are read from the
     * CST when asked, as the CST after an edit is shifted in place.
     */
    private readonly described = new WeakMap<AstNode, AstNodeDescription>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

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
            symbols.add(owner ?? root, this.localDescription(node, name, document));
        }
        return symbols;
    }

    /** As Langium's `createDescription`, kept per node while its name and document are the same. */
    private localDescription(node: AstNode, name: string, document: LangiumDocument): AstNodeDescription {
        const kept = this.described.get(node);
        if (kept && kept.name === name && kept.documentUri.toString() === document.uri.toString()) return kept;
        const nameProvider = this.nameProvider;
        const description: AstNodeDescription = {
            node,
            name,
            get nameSegment() {
                return CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode);
            },
            get selectionSegment() {
                return CstUtils.toDocumentSegment(node.$cstNode);
            },
            type: node.$type,
            documentUri: document.uri,
            path: this.locator.getAstNodePath(node),
        };
        this.described.set(node, description);
        return description;
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
