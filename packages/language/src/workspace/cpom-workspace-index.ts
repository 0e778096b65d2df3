/**
 * Facts about the whole workspace that rules and scoping need often: the avenants of each contract and
 * the files that declare each contract or catalogue name. Computed in one pass over the documents and
 * cached until the workspace changes (build-cache.ts; a batch of 1,000 contracts must not rescan 1,000 files per file).
 */
import type { LangiumDocument, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import * as ast from '../generated/ast.js';
import { avenantNumber, type AvenantLookup } from '../model/avenants.js';
import { BuildCache } from './build-cache.js';

export interface TopLevelDeclaration {
    readonly document: LangiumDocument;
    readonly element: ast.Contrat | ast.Catalogue;
}

interface Declarations {
    readonly byName: Map<string, TopLevelDeclaration[]>;
    readonly namesByUri: Map<string, string[]>;
}

export class CpomWorkspaceIndex implements AvenantLookup {
    private readonly documents: LangiumDocuments;
    private readonly avenants: BuildCache<'avenants', Map<ast.Contrat, ast.Avenant[]>>;
    private readonly declarations: BuildCache<'declarations', Declarations>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.avenants = new BuildCache(shared);
        this.declarations = new BuildCache(shared);
    }

    /** Avenants of a contract, by number; equal numbers keep the order of their files. */
    avenantsOf(contract: ast.Contrat): ast.Avenant[] {
        return this.avenants.get('avenants', () => this.indexAvenants()).get(contract) ?? [];
    }

    /** Contracts and catalogues of the workspace with this name. */
    declarationsOf(name: string): TopLevelDeclaration[] {
        return this.declarations.get('declarations', () => this.indexDeclarations()).byName.get(name) ?? [];
    }

    /** Names of the contracts and catalogues a file declares (by URI string). */
    topLevelNamesOf(uri: string): string[] {
        return this.declarations.get('declarations', () => this.indexDeclarations()).namesByUri.get(uri) ?? [];
    }

    hasDocument(uri: import('langium').URI): boolean {
        return this.documents.hasDocument(uri);
    }

    private sortedRoots(): Array<{ document: LangiumDocument; root: ast.CpomFile }> {
        const result: Array<{ document: LangiumDocument; root: ast.CpomFile }> = [];
        for (const document of this.documents.all) {
            const root = document.parseResult.value;
            if (ast.isCpomFile(root)) {
                result.push({ document, root });
            }
        }
        const key = (d: LangiumDocument) => d.uri.toString();
        return result.sort((a, b) => (key(a.document) < key(b.document) ? -1 : key(a.document) > key(b.document) ? 1 : 0));
    }

    private indexAvenants(): Map<ast.Contrat, ast.Avenant[]> {
        const map = new Map<ast.Contrat, ast.Avenant[]>();
        for (const { root } of this.sortedRoots()) {
            for (const element of root.elements) {
                const contract = ast.isAvenant(element) ? element.contract?.ref : undefined;
                if (contract && ast.isAvenant(element)) {
                    map.set(contract, [...(map.get(contract) ?? []), element]);
                }
            }
        }
        for (const list of map.values()) {
            list.sort((a, b) => avenantNumber(a) - avenantNumber(b));
        }
        return map;
    }

    private indexDeclarations(): Declarations {
        const byName = new Map<string, TopLevelDeclaration[]>();
        const namesByUri = new Map<string, string[]>();
        for (const { document, root } of this.sortedRoots()) {
            const names: string[] = [];
            for (const element of root.elements) {
                if ((ast.isContrat(element) || ast.isCatalogue(element)) && element.name) {
                    byName.set(element.name, [...(byName.get(element.name) ?? []), { document, element }]);
                    names.push(element.name);
                }
            }
            namesByUri.set(document.uri.toString(), names);
        }
        return { byName, namesByUri };
    }
}
