/** Funding lines: years, amounts, distributions, payers, dotation globalisée commune, modulation (R.314-40 ff.). */
import { labelled } from '../message-names.js';
import { keywordLabel } from '../../wording/keywords.js';
import * as ast from '../../generated/ast.js';
import {
    authorityKind, clausesOf, type ContractPeriod, contractPeriod, contractYears, establishmentFacts, fundedEstablishments, fundingNature,
    isDepartmentalAuthority, legalFrames, propsOf, signingParties,
} from '../../model/contract.js';
import { type CalendarDate, compareDates } from '../../model/dates.js';
import { plain } from '../../model/french.js';
import { earlierAvenants } from '../../model/avenants.js';
import { periodOf } from '../../model/period.js';
import { fundingLine } from '../../model/fundings.js';
import { findDepartment, partOfRhone } from '../../model/departments.js';
import { formatEuros, parseCents, parseNumber } from '../../model/numbers.js';
import type { MessageParams } from '../../diagnostics/rules.js';
import type { LawView } from '../../law/law-view.js';
import { lawOf, type RuleContext } from '../rule-context.js';

/**
 * R.314-40: methods under which the amount of every year follows at signature (2° formula, 4° tariff equation,
 * ceiling or algorithm). Under 1° (regional or departmental rate) and 3° (yearly avenants) future amounts are unknown.
 */
const AMOUNTS_KNOWN_AT_SIGNATURE: ReadonlySet<string> = new Set(['formule', 'equation_tarifaire']);

/**
 * CPOM060 by method: an error under 2° and 4° (the amounts follow at signature); a note under 3° (each year's amount is
 * the object of its yearly avenant); a warning under 1° or when the line says no method.
 */
function missingAmountSeverity(method: string | undefined): 'warning' | 'info' | undefined {
    if (method !== undefined && AMOUNTS_KNOWN_AT_SIGNATURE.has(method)) return undefined;
    return method === 'avenant_annuel' ? 'info' : 'warning';
}

/** CPOM009: amounts to the cent. */
export function checkAmount(amount: ast.Montant, ctx: RuleContext): void {
    if (amount.value && parseCents(amount.value) === undefined) {
        ctx.reporter.report('CPOM009', { amount: amount.value }, { node: amount, property: 'value' });
    }
}

/** Rules of one funding line; `period` is that of the contract (or of the avenant's contract, prorogations included). */
export function checkFunding(funding: ast.Financement, period: ContractPeriod | undefined, signers: ReadonlySet<ast.Partie>, ctx: RuleContext,
    law?: LawView): void {
    checkMissingClauses(funding, ctx);
    const { amounts, invalid } = checkAmounts(funding, period, ctx);
    const funded = new Set(fundedEstablishments(funding));
    checkDistributions(funding, amounts, invalid, funded, ctx);
    const nature = fundingNature(funding);
    const financeur = funding.props.find(ast.isFinanceur);
    const payer = financeur?.payer.ref;
    if (financeur && payer) {
        checkPayerKind(funding, nature, payer, financeur, ctx, law);
        if (signers.size > 0 && !signers.has(payer)) {
            ctx.reporter.report('CPOM065', { payer: payer.name, label: labelled(payer), name: funding.title ?? funding.name }, { node: financeur, property: 'payer' });
        }
    }
    if (nature === 'dotation_globalisee_commune') {
        checkCommonDotation(funding, [...funded], ctx);
    }
}

/** CPOM066: the clauses a funding line needs. */
function checkMissingClauses(funding: ast.Financement, ctx: RuleContext): void {
    const missing: Array<MessageParams<'CPOM066'>['missing'][number]> = [];
    if (!funding.props.some(ast.isNature)) missing.push('nature');
    if (!funding.props.some(ast.isFinanceur)) missing.push('financeur');
    if (!funding.props.some(ast.isConcernes)) missing.push('etablissements');
    if (!funding.props.some(ast.isMontants)) missing.push('montants');
    if (!funding.props.some(ast.isActualisation)) missing.push('actualisation');
    if (missing.length > 0) {
        ctx.reporter.report('CPOM066', { name: labelled(funding), missing }, { node: funding, property: 'name' });
    }
}

/** The line's years to fund: those of the contract; for a line added by an avenant, from its first year to the end in force. */
function requiredYearsOf(funding: ast.Financement, period: ContractPeriod | undefined, ctx: RuleContext): number[] {
    // No gap, and no year forgotten at the end (prorogations included).
    const avenant = funding.$container?.$container;
    const firstAmountYear = Math.min(...propsOf(funding, ast.isMontants).flatMap(m => m.amounts.map(a => Number(parseNumber(a.year)))).filter(Number.isFinite));
    if (!period) return [];
    if (!ast.isAvenant(avenant)) return contractYears(period);
    return Number.isFinite(firstAmountYear) ? yearsBetween(firstAmountYear, endInForce(avenant, ctx)) : [];
}

/**
 * CPOM058 (a year twice), CPOM061 (a year outside the contract), CPOM060 (a year missing). Returns the amounts
 * in cents by year, and the years whose amount is not a valid amount (CPOM009): their distribution cannot be compared.
 */
function checkAmounts(funding: ast.Financement, period: ContractPeriod | undefined, ctx: RuleContext): { amounts: Map<number, number>; invalid: Set<number> } {
    const amounts = new Map<number, number>();
    const invalid = new Set<number>();
    const requiredYears = requiredYearsOf(funding, period, ctx);
    for (const montants of propsOf(funding, ast.isMontants)) {
        for (const line of montants.amounts) {
            const year = Number(parseNumber(line.year));
            if (amounts.has(year)) {
                ctx.reporter.report('CPOM058', { year: line.year }, { node: line, property: 'year' });
                continue;
            }
            const cents = parseCents(line.amount?.value);
            amounts.set(year, cents ?? 0);
            if (cents === undefined) invalid.add(year);
            if (period && (year < period.firstYear || year > lastYear(period))) {
                ctx.reporter.report('CPOM061', { year: line.year, first: period.firstYear, last: lastYear(period) }, { node: line, property: 'year' });
            }
        }
        if (period) {
            const absent = requiredYears.filter(y => !amounts.has(y));
            if (absent.length > 0) {
                const method = plain(funding.props.find(ast.isActualisation)?.method);
                ctx.reporter.report('CPOM060', { name: labelled(funding), years: absent }, { node: montants, keyword: 'montants' }, missingAmountSeverity(method));
            }
        }
    }
    return { amounts, invalid };
}

/** CPOM058 (a distribution year twice), CPOM070 (a share to an establishment not funded), CPOM062 (shares ≠ amount). */
function checkDistributions(funding: ast.Financement, amounts: ReadonlyMap<number, number>, invalid: ReadonlySet<number>,
    funded: ReadonlySet<ast.Etablissement>, ctx: RuleContext): void {
    // Daily tariffs (prix de journée) are not split between establishments: a tariff line's distributions are not
    // compared with its amounts (model/fundings.ts says what a line's unit and total are).
    const daily = fundingLine(funding).daily;
    const distributionYears = new Set<number>();
    for (const repartition of propsOf(funding, ast.isRepartition)) {
        const year = Number(parseNumber(repartition.year));
        if (distributionYears.has(year)) {
            ctx.reporter.report('CPOM058', { year: repartition.year }, { node: repartition, property: 'year' });
            continue;
        }
        distributionYears.add(year);
        let sum = 0;
        let comparable = !invalid.has(year) && !daily;
        for (const part of repartition.shares) {
            const cents = parseCents(part.amount?.value);
            if (cents === undefined) comparable = false;
            sum += cents ?? 0;
            const target = part.establishment.ref;
            if (target && funded.size > 0 && !funded.has(target)) {
                ctx.reporter.report('CPOM070', { establishment: labelled(target), name: labelled(funding) }, { node: part, property: 'establishment' });
            }
        }
        const expected = amounts.get(year) ?? 0;
        if (comparable && sum !== expected) {
            ctx.reporter.report('CPOM062', {
                year: repartition.year, name: labelled(funding), sum: formatEuros(sum), amount: formatEuros(expected), gap: formatEuros(sum - expected),
            }, { node: repartition, property: 'year' });
        }
    }
}

/** Last budget year of the contract as amended up to this avenant (its own prorogation included). */
function endInForce(avenant: ast.Avenant, ctx: RuleContext): number {
    const contract = avenant.contract?.ref;
    const term = contract ? contractPeriod(contract) : undefined;
    const prorogations = [avenant, ...earlierAvenants(avenant, ctx.workspace)]
        .map(a => periodOf(a).prorogation?.year ?? 0);
    return Math.max(term?.lastYear ?? 0, term?.prorogation?.year ?? 0, ...prorogations);
}

function yearsBetween(first: number, last: number): number[] {
    return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

function lastYear(period: { lastYear: number; prorogation?: { year: number } }): number {
    return Math.max(period.lastYear, period.prorogation?.year ?? period.lastYear);
}

function checkPayerKind(funding: ast.Financement, nature: string | undefined, payer: ast.Autorite, financeur: ast.Financeur, ctx: RuleContext,
    law: LawView | undefined): void {
    const kind = authorityKind(payer);
    let expected: Array<'ars' | 'departement' | 'prefet'> | undefined;
    let label: MessageParams<'CPOM064'>['nature'] | undefined;
    if (nature === 'forfait_global_soins' || nature === 'forfait_soins') {
        expected = ['ars'];
        label = nature;
    } else if (nature === 'forfait_global_dependance' || nature === 'tarif_hebergement' || nature === 'forfait_autonomie') {
        expected = ['departement'];
        label = nature;
    } else if ((nature === 'dotation_globale' || nature === 'dotation_globalisee_commune')) {
        const categories = fundedEstablishments(funding).map(e => establishmentFacts(e).category?.key);
        if (categories.length > 0 && categories.every(c => c === 'ESAT')) {
            expected = ['ars', 'prefet'];
            label = 'dotation_esat';
        }
    }
    if (!expected || !label) return;
    const ok = expected.some(e => e === 'departement' ? isDepartmentalAuthority(payer) : e === kind);
    const experiment = nature === 'forfait_global_dependance' && kind === 'ars' ? forfaitGlobalUniqueAt(funding, law) : 'outside';
    if (!ok && experiment !== 'inside') {
        ctx.reporter.report('CPOM064', {
            nature: label,
            expected,
            name: labelled(funding), payer: labelled(payer),
        }, { node: financeur, property: 'payer' }, experiment === 'maybe' ? 'warning' : undefined);
    }
}

/**
 * The forfait global unique soins + entretien de l'autonomie (LFSS 2024 art. 79 as amended): in the territories and from
 * the date of the experiment, the ARS fixes the dépendance too. `inside` when every establishment of the line is in a
 * territory of the experiment on the law's date; `maybe` when one is in the Rhône département code 69, which covers
 * both the Métropole de Lyon (in the experiment) and the Rhône (not in it), unless its tarification names the
 * Métropole (69M) or a département (69D); else `outside`.
 */
function forfaitGlobalUniqueAt(funding: ast.Financement, law: LawView | undefined): 'inside' | 'maybe' | 'outside' {
    const territories = law?.inForce('LOI:2023-1250:79')?.territories;
    const departments = fundedEstablishments(funding).map(territoryOf);
    if (!territories || departments.length === 0 || departments.some(d => d === undefined)) return 'outside';
    if (departments.every(d => territories.includes(d!))) return 'inside';
    return departments.every(d => territories.includes(d!) || (d === '69' && territories.includes('69M'))) ? 'maybe' : 'outside';
}

/**
 * The territorial code of an establishment for the experiment: its département, or for 69 the part of the Rhône its
 * departmental authority says (a `metropole` authority: 69M, the Métropole de Lyon; a `departement` one: 69D).
 */
function territoryOf(e: ast.Etablissement): string | undefined {
    const facts = establishmentFacts(e);
    const part = partOfRhone(facts.department);
    if (part) return part;
    const department = facts.department ? findDepartment(facts.department)?.code ?? facts.department : undefined;
    if (department !== '69') return department;
    const kinds = new Set(facts.tarification.filter(isDepartmentalAuthority).map(authorityKind));
    if (kinds.size !== 1) return department;
    return kinds.has('metropole') ? '69M' : '69D';
}

/**
 * CPOM063 (R.314-43-1): the establishments of a dotation globalisée commune share a tarification authority
 * and the financement of the dotation. A FAM (ARS and département) and a MAS (ARS) share the ARS, and may
 * share an ARS dotation financed by the assurance maladie.
 */
function checkCommonDotation(funding: ast.Financement, establishments: ast.Etablissement[], ctx: RuleContext): void {
    const concernes = funding.props.find(ast.isConcernes) ?? funding;
    const tarified = establishments.map(e => ({ e, authorities: establishmentFacts(e).tarification })).filter(x => x.authorities.length > 0);
    const sameSet = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every(x => b.includes(x)) && b.every(x => a.includes(x));
    if (tarified.length > 1 && tarified.some(x => !sameSet([...new Set(x.authorities)], [...new Set(tarified[0].authorities)]))) {
        ctx.reporter.report('CPOM063', {
            name: labelled(funding),
            difference: 'authority',
            details: tarified.map(x => `${labelled(x.e)} : ${x.authorities.map(a => a.title ?? a.name).join(', ')}`).join(' ; '),
        }, { node: concernes });
        return;
    }
    const sources: Array<{ e: ast.Etablissement; financements: readonly string[] }> = [];
    for (const e of establishments) {
        const financements = establishmentFacts(e).category?.financements;
        if (financements) sources.push({ e, financements });
    }
    if (sources.length > 1 && sources.some(x => !sameSet(x.financements, sources[0].financements))) {
        ctx.reporter.report('CPOM063', {
            name: labelled(funding),
            difference: 'financement',
            details: sources.map(x => `${labelled(x.e)} : ${x.financements.map(f => keywordLabel('FundingSource', f) ?? f).join(', ')}`).join(' ; '),
        }, { node: concernes });
    }
}

/**
 * `amended`, for an avenant: the latest end date set by a prorogation in the contract or its avenants (an avenant may fund
 * the prorogation year), and the parties bound before it (signatories of the contract and of the earlier avenants).
 */
export function checkMeans(container: ast.Contrat | ast.Avenant, contract: ast.Contrat, ctx: RuleContext,
    amended?: { prorogation?: CalendarDate; parties: ReadonlySet<ast.Partie> }): void {
    const signers = ast.isAvenant(container)
        ? new Set([...signingParties(contract), ...(amended?.parties ?? []), ...signingParties(container)]) : signingParties(contract);
    const prorogation = amended?.prorogation;
    const contractTerm = contractPeriod(contract);
    const period = contractTerm && prorogation && compareDates(prorogation, contractTerm.prorogation ?? contractTerm.end) > 0
        ? { ...contractTerm, prorogation } : contractTerm;
    const frames = legalFrames(contract);
    const law = lawOf(container, ctx);
    for (const moyens of clausesOf(container, ast.isMoyens)) {
        for (const item of moyens.items) {
            if (ast.isFinancement(item)) {
                checkFunding(item, period, signers, ctx, law);
            } else if (ast.isCnr(item)) {
                const year = Number(parseNumber(item.year));
                if (period && (year < period.firstYear || year > lastYear(period))) {
                    ctx.reporter.report('CPOM071', { name: item.title, year: item.year, first: period.firstYear, last: lastYear(period) }, { node: item, property: 'year' });
                }
                const payer = item.payer?.ref;
                if (payer && signers.size > 0 && !signers.has(payer)) {
                    ctx.reporter.report('CPOM065', { payer: payer.name, label: labelled(payer), name: item.title }, { node: item, property: 'payer' });
                }
            } else if (ast.isModulation(item)) {
                checkModulation(item, frames, ctx);
            }
        }
    }
}

/**
 * R.314-43-2 I: contractual modulation for L.313-12-2 contracts and, under IV ter, for the ESMS other than EHPAD and PUV
 * (their occupancy modulation is regulatory: R.314-160, R.314-174). A CHRS contract (L.313-11-2) modulates under its
 * own article, not under R.314-43-2.
 */
function underR314432(modulation: ast.Modulation, frames: ReadonlySet<string>): boolean {
    const funding = modulation.funding.ref;
    const categories = funding ? fundedEstablishments(funding).map(e => establishmentFacts(e).category) : [];
    const onlyEhpad = categories.length > 0 && categories.every(c => c?.frame === 'L313-12-IVter');
    if (frames.has('L313-12-2')) return !onlyEhpad;
    if (frames.has('L313-12-IVter')) return !onlyEhpad;
    return false;
}

/**
 * CPOM150: under the contracts R.314-43-2 I names (IV ter, L.313-12-2), a modulation whose line funds only establishments
 * tarified by the département alone (declared tarification, else the category's usual one).
 */
function checkDepartementOnlyModulation(modulation: ast.Modulation, frames: ReadonlySet<string>, ctx: RuleContext): void {
    if (!frames.has('L313-12-IVter') && !frames.has('L313-12-2')) return;
    const funding = modulation.funding.ref;
    const establishments = funding ? fundedEstablishments(funding) : [];
    const departementOnly = (e: ast.Etablissement): boolean => {
        const facts = establishmentFacts(e);
        if (facts.tarification.length > 0) return facts.tarification.every(isDepartmentalAuthority);
        const usual = facts.category?.tarification ?? [];
        return usual.length > 0 && usual.every(role => role === 'departement');
    };
    if (establishments.length > 0 && establishments.every(departementOnly)) {
        const named = establishments.map(labelled);
        const concerned = named.length === 1 ? { variant: 'one' as const, name: named[0] } : { variant: 'several' as const, names: named };
        ctx.reporter.report('CPOM150', { name: funding ? labelled(funding) : `« ${modulation.funding.$refText} »`, establishments: concerned },
            { node: modulation, keyword: 'modulation' });
    }
}

function checkModulation(modulation: ast.Modulation, frames: ReadonlySet<string>, ctx: RuleContext): void {
    // R.314-43-2 for IV ter and L.313-12-2 contracts; L.313-11-2 (CHRS) itself allows "une modulation du tarif en fonction d'objectifs d'activité".
    if (frames.size > 0 && !frames.has('L313-12-IVter') && !frames.has('L313-12-2') && !frames.has('L313-11-2')) {
        ctx.reporter.report('CPOM067', { frames: [...frames].join(', ') }, { node: modulation, keyword: 'modulation' });
    }
    checkDepartementOnlyModulation(modulation, frames, ctx);
    if (!underR314432(modulation, frames)) return;
    const criterion = modulation.props.find(ast.isCritere)?.value;
    const justified = modulation.props.some(ast.isJustification);
    if ((criterion === undefined || criterion === 'autre') && !justified) {
        const funding = modulation.funding.ref;
        ctx.reporter.report('CPOM068', {
            name: funding ? labelled(funding) : `« ${modulation.funding.$refText} »`, criterion: { variant: criterion === undefined ? 'none' : 'other' },
        }, { node: modulation, property: 'funding' });
    }
    const abattement = modulation.props.find(ast.isAbattement);
    const value = parseNumber(abattement?.value?.number);
    // A share of the gap (`50 %`); an abattement written in euros cannot be compared with the gap.
    if (abattement && abattement.value?.unit !== '€' && value !== undefined && value > 50) {
        ctx.reporter.report('CPOM069', { value: abattement.value.number }, { node: abattement, property: 'value' });
    }
}
