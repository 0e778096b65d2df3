/**
 * A typed view over the AST of a contract: clause lookup, the contract period, the perimeter, the
 * parties. Contracts are lists of clauses in any order; rules and generators read them through here.
 */
import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { type CalendarDate, compareDates, parseIsoDate } from './dates.js';
import { plain } from './french.js';
import { normaliseFiness } from './finess.js';
import { type EsmsCategory, findCategory, findCategoryByCode } from './categories.js';
import { parseNumber } from './numbers.js';
import { findDepartment } from './departments.js';

export function clausesOf<T extends AstNode>(container: { clauses: readonly AstNode[] }, guard: (n: unknown) => n is T): T[] {
    return container.clauses.filter(guard);
}

export function firstClause<T extends AstNode>(container: { clauses: readonly AstNode[] }, guard: (n: unknown) => n is T): T | undefined {
    return container.clauses.find(guard);
}

export function propsOf<T extends AstNode>(container: { props: readonly AstNode[] }, guard: (n: unknown) => n is T): T[] {
    return container.props.filter(guard);
}

export function firstProp<T extends AstNode>(container: { props: readonly AstNode[] }, guard: (n: unknown) => n is T): T | undefined {
    return container.props.find(guard);
}

export type LegalFrameKey = 'L313-11' | 'L313-11-1' | 'L313-11-2' | 'L313-12-IVter' | 'L313-12-2';

export function legalFrames(contract: ast.Contrat): Set<LegalFrameKey> {
    return new Set(clausesOf(contract, ast.isCadre).flatMap(c => c.frames as LegalFrameKey[]));
}

export function isIvTer(contract: ast.Contrat): boolean {
    return legalFrames(contract).has('L313-12-IVter');
}

export interface ContractPeriod {
    readonly effect: CalendarDate;
    readonly end: CalendarDate;
    /** End date after prorogation, when there is one (in the contract or in its avenants). */
    readonly prorogation?: CalendarDate;
    /** Budget years (exercices) covered by the initial term. */
    readonly firstYear: number;
    readonly lastYear: number;
}

/** The period of a contract, when its date of effect and end date are both valid and in order. */
export function contractPeriod(contract: ast.Contrat): ContractPeriod | undefined {
    const effect = parseIsoDate(firstClause(contract, ast.isEffet)?.date);
    const end = parseIsoDate(firstClause(contract, ast.isFin)?.date);
    if (!effect || !end || compareDates(end, effect) < 0) {
        return undefined;
    }
    const prorogation = parseIsoDate(firstClause(contract, ast.isProrogation)?.date);
    return { effect, end, prorogation, firstYear: effect.year, lastYear: end.year };
}

export function contractYears(period: ContractPeriod): number[] {
    const years: number[] = [];
    for (let y = period.firstYear; y <= period.lastYear; y++) {
        years.push(y);
    }
    return years;
}

export function gestionnaireOf(contract: ast.Contrat): ast.Gestionnaire | undefined {
    return firstClause(contract, ast.isGestionnaire);
}

export function signatoriesOf(container: { clauses: readonly AstNode[] }): ast.Signataire[] {
    return clausesOf(container, ast.isSignataires).flatMap(s => s.signatories);
}

export function signingParties(container: { clauses: readonly AstNode[] }): Set<ast.Partie> {
    const parties = new Set<ast.Partie>();
    for (const s of signatoriesOf(container)) {
        const party = s.party?.ref; // a signatory line the parser recovered without its party
        if (party) {
            parties.add(party);
        }
    }
    return parties;
}

/** Establishments of the perimeter: declared in `perimetre` or included from a catalogue. */
export function perimeterOf(contract: ast.Contrat): ast.Etablissement[] {
    const result: ast.Etablissement[] = [];
    for (const perimeter of clausesOf(contract, ast.isPerimetre)) {
        for (const item of perimeter.items) {
            if (ast.isEtablissement(item)) {
                result.push(item);
            } else {
                for (const ref of item.establishments) {
                    if (ref.ref) {
                        result.push(ref.ref);
                    }
                }
            }
        }
    }
    return result;
}

export function objectivesOf(contract: ast.Contrat): ast.Objectif[] {
    return clausesOf(contract, ast.isAxe).flatMap(a => a.objectives);
}

export function indicatorsOf(objective: ast.Objectif): ast.Indicateur[] {
    return objective.items.filter(ast.isIndicateur);
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

export interface EstablishmentFacts {
    readonly finess?: string;
    readonly category?: EsmsCategory;
    readonly department?: string;
    readonly tarification: ast.Autorite[];
    readonly capacities: ast.Capacite[];
    /** Total authorised places over all modalities. */
    readonly authorisedPlaces: number;
}

export function establishmentFacts(e: ast.Etablissement): EstablishmentFacts {
    const finessText = firstProp(e, ast.isFiness)?.value;
    const categoryProp = firstProp(e, ast.isCategorie);
    const category = categoryProp?.category !== undefined
        ? findCategory(categoryProp.category)
        : categoryProp?.code !== undefined ? findCategoryByCode(Number(parseNumber(categoryProp.code))) : undefined;
    const capacities = propsOf(e, ast.isCapacite);
    return {
        finess: finessText !== undefined ? normaliseFiness(finessText).value : undefined,
        category,
        department: normalisedDepartment(firstProp(e, ast.isDepartementEtab)?.code),
        tarification: propsOf(e, ast.isTarification).flatMap(t => t.authorities.map(a => a.ref).filter((a): a is ast.Autorite => a !== undefined)),
        capacities,
        authorisedPlaces: capacities.reduce((sum, c) => sum + (parseNumber(c.authorised) ?? 0), 0),
    };
}

/** A département code in its INSEE form (`9` → `09`, `2a` → `2A`), or as typed (upper case) when unknown. */
export function normalisedDepartment(code: string | undefined): string | undefined {
    return code === undefined || code === '' ? undefined : findDepartment(code)?.code ?? code.toUpperCase();
}

/** The indicator, then the ones it is based on through `selon`, nearest first; a cycle of `selon` stops. */
export function indicatorChain(indicator: ast.Indicateur): ast.Indicateur[] {
    const chain: ast.Indicateur[] = [];
    for (let current: ast.Indicateur | undefined = indicator; current && !chain.includes(current); current = current.base?.ref) {
        chain.push(current);
    }
    return chain;
}

/** A clause of an indicator, or else of the indicators it is based on (label, unit, source, formula, direction). */
export function inheritedIndicatorProp<T extends ast.IndicateurProp>(indicator: ast.Indicateur, guard: (n: unknown) => n is T): T | undefined {
    for (const i of indicatorChain(indicator)) {
        const prop = firstProp(i, guard);
        if (prop) return prop;
    }
    return undefined;
}

export function fundingNature(f: ast.Financement): string | undefined {
    const nature = firstProp(f, ast.isNature)?.value;
    return nature === undefined ? undefined : plain(nature);
}

export function fundedEstablishments(f: ast.Financement): ast.Etablissement[] {
    return propsOf(f, ast.isConcernes).flatMap(c => c.establishments.map(r => r.ref).filter((e): e is ast.Etablissement => e !== undefined));
}
