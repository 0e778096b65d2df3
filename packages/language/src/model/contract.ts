/**
 * Lookups over the AST of a contract that the model's views do not hold (legal frames, follow-up items, authority
 * kinds), and the public entry points of the model's parts, re-exported so that `model/contract.js` stays the one
 * import for rules and generators. The model itself is contract-model.ts.
 */
import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { clausesOf, firstProp, propsOf } from './clauses.js';
import { plain } from './french.js';

export { clausesOf, firstClause, firstProp, propsOf } from './clauses.js';
export { type ContractPeriod, contractPeriod, contractYears, type PeriodView, periodOf } from './period.js';
export { gestionnaireOf, type GestionnaireView, partiesOf, type PartiesView, signatoriesOf, type SignatoryView, signingParties } from './parties.js';
export {
    type ActiveFileView, type CapacityView, catalogueOf, type EstablishmentFacts, establishmentFacts, establishmentView, type EstablishmentView,
    normalisedDepartment, perimeterOf, perimeterViews,
} from './perimeter.js';
export { indicatorChain, indicatorView, type IndicatorView, inheritedIndicatorProp } from './indicators.js';
export { type ContractModel, contractModel, indicatorsOf, objectivesOf, type ObjectiveView } from './contract-model.js';
export { invalidateModel } from './model-cache.js';

export type LegalFrameKey = 'L313-11' | 'L313-11-1' | 'L313-11-2' | 'L313-12-IVter' | 'L313-12-2';

export function legalFrames(contract: ast.Contrat): Set<LegalFrameKey> {
    return new Set(clausesOf(contract, ast.isCadre).flatMap(c => c.frames as LegalFrameKey[]));
}

export function isIvTer(contract: ast.Contrat): boolean {
    // Asked once per establishment by the rules: no set built.
    return clausesOf(contract, ast.isCadre).some(c => c.frames.includes('L313-12-IVter'));
}

export function fundingsOf(container: { clauses: readonly AstNode[] }): ast.Financement[] {
    return clausesOf(container, ast.isMoyens).flatMap(m => m.items.filter(ast.isFinancement));
}

export function suiviItems(contract: ast.Contrat): ast.SuiviItem[] {
    return clausesOf(contract, ast.isSuivi).flatMap(s => s.items);
}

export type AuthorityKindKey = 'ars' | 'departement' | 'metropole' | 'prefet' | 'organisme';

export function authorityKind(authority: ast.Autorite): AuthorityKindKey {
    return plain(authority.kind ?? "") as AuthorityKindKey;
}

/** Whether the authority plays the role of a département (conseil départemental or métropole). */
export function isDepartmentalAuthority(authority: ast.Autorite): boolean {
    const kind = authorityKind(authority);
    return kind === 'departement' || kind === 'metropole';
}

export function fundingNature(f: ast.Financement): string | undefined {
    const nature = firstProp(f, ast.isNature)?.value;
    return nature === undefined ? undefined : plain(nature);
}

export function fundedEstablishments(f: ast.Financement): ast.Etablissement[] {
    return propsOf(f, ast.isConcernes).flatMap(c => c.establishments.map(r => r.ref).filter((e): e is ast.Etablissement => e !== undefined));
}
