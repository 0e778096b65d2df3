/** Avenants of a contract: order, and what was in force before each one. */
import * as ast from '../generated/ast.js';
import { parseNumber } from './numbers.js';
import { clausesOf } from './clauses.js';
import { signingParties } from './parties.js';
import { perimeterOf } from './perimeter.js';

export function avenantNumber(avenant: ast.Avenant): number {
    return parseNumber(avenant.number) ?? Number.NaN;
}

/** Where to find the avenants of a contract (the workspace index, in practice). */
export interface AvenantLookup {
    avenantsOf(contract: ast.Contrat): ast.Avenant[];
}

/** The avenants of the same contract with a smaller number: what was in force before this one. */
export function earlierAvenants(avenant: ast.Avenant, lookup: AvenantLookup): ast.Avenant[] {
    const contract = avenant.contract?.ref;
    if (!contract) return [];
    const number = avenantNumber(avenant);
    return lookup.avenantsOf(contract).filter(a => a !== avenant && avenantNumber(a) < number);
}

/** Establishments an avenant may refer to: the contract's perimeter as amended by the earlier avenants, plus its own additions. */
export function perimeterForAvenant(avenant: ast.Avenant, lookup: AvenantLookup): Set<ast.Etablissement> {
    const contract = avenant.contract?.ref;
    const perimeter = new Set<ast.Etablissement>(contract ? perimeterOf(contract) : []);
    for (const earlier of earlierAvenants(avenant, lookup)) {
        addedBy(earlier).forEach(e => perimeter.add(e));
        retiredBy(earlier).forEach(e => perimeter.delete(e));
    }
    addedBy(avenant).forEach(e => perimeter.add(e));
    return perimeter;
}

/** Parties bound before this avenant: the contract's signatories and those of the earlier avenants. */
export function partiesBeforeAvenant(avenant: ast.Avenant, lookup: AvenantLookup): Set<ast.Partie> {
    const contract = avenant.contract?.ref;
    const parties = new Set<ast.Partie>(contract ? signingParties(contract) : []);
    for (const earlier of earlierAvenants(avenant, lookup)) {
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
