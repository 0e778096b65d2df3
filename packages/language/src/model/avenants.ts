/** The avenants of a contract across the workspace, in the order of their numbers. */
import type { LangiumDocuments } from 'langium';
import * as ast from '../generated/ast.js';
import { parseNumber } from './numbers.js';
import { clausesOf, perimeterOf, signingParties } from './contract.js';

export function avenantNumber(avenant: ast.Avenant): number {
    return parseNumber(avenant.number) ?? Number.NaN;
}

/** Every avenant that amends `contract`, sorted by number, then by document and position. */
export function avenantsOf(contract: ast.Contrat, documents: LangiumDocuments): ast.Avenant[] {
    const result: ast.Avenant[] = [];
    const sorted = [...documents.all].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    for (const document of sorted) {
        const root = document.parseResult.value;
        if (!ast.isCpomFile(root)) continue;
        for (const element of root.elements) {
            if (ast.isAvenant(element) && element.contract?.ref === contract) {
                result.push(element);
            }
        }
    }
    // Stable sort: equal numbers keep the document order.
    return result.sort((a, b) => avenantNumber(a) - avenantNumber(b));
}

/** The avenants of the same contract with a smaller number: what was in force before this one. */
export function earlierAvenants(avenant: ast.Avenant, documents: LangiumDocuments): ast.Avenant[] {
    const contract = avenant.contract?.ref;
    if (!contract) return [];
    const number = avenantNumber(avenant);
    return avenantsOf(contract, documents).filter(a => a !== avenant && avenantNumber(a) < number);
}

/** Establishments an avenant may refer to: the contract's perimeter as amended by the earlier avenants, plus its own additions. */
export function perimeterForAvenant(avenant: ast.Avenant, documents: LangiumDocuments): Set<ast.Etablissement> {
    const contract = avenant.contract?.ref;
    const perimeter = new Set<ast.Etablissement>(contract ? perimeterOf(contract) : []);
    for (const earlier of earlierAvenants(avenant, documents)) {
        addedBy(earlier).forEach(e => perimeter.add(e));
        retiredBy(earlier).forEach(e => perimeter.delete(e));
    }
    addedBy(avenant).forEach(e => perimeter.add(e));
    return perimeter;
}

/** Parties bound before this avenant: the contract's signatories and those of the earlier avenants. */
export function partiesBeforeAvenant(avenant: ast.Avenant, documents: LangiumDocuments): Set<ast.Partie> {
    const contract = avenant.contract?.ref;
    const parties = new Set<ast.Partie>(contract ? signingParties(contract) : []);
    for (const earlier of earlierAvenants(avenant, documents)) {
        signingParties(earlier).forEach(p => parties.add(p));
    }
    return parties;
}

export function addedBy(avenant: ast.Avenant): ast.Etablissement[] {
    return clausesOf(avenant, ast.isAjout).map(a => a.establishment).filter((e): e is ast.Etablissement => e !== undefined);
}

export function retiredBy(avenant: ast.Avenant): ast.Etablissement[] {
    return clausesOf(avenant, ast.isRetrait).flatMap(r => r.establishments.map(x => x.ref)).filter((e): e is ast.Etablissement => e !== undefined);
}
