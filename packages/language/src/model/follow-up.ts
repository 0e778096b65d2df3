/**
 * The yearly follow-up of a contract (`suivi_annuel du contrat X annee N`) as data: per indicator the target of the year,
 * the value achieved and its status; per establishment the activity against its modulation threshold; the CNR
 * spent against what was granted; the amounts received against those planned; and the modulation that the activity
 * implies for the next year, with its calculation step by step. Built once per node from a possibly broken AST
 * (missing parts give missing facts, never an exception); the rules, the editor and the JSON export
 * (`follow-up-json.ts`) read it, and so will the report.
 */
import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { type AvenantLookup, addedBy, retiredBy } from './avenants.js';
import {
    type ContractPeriod, clausesOf, establishmentFacts, firstClause, firstProp, indicatorsOf,
    inheritedIndicatorProp, legalFrames, objectivesOf, perimeterOf, propsOf,
} from './contract.js';
import { compareDates, parseIsoDate } from './dates.js';
import { cachedView } from './model-cache.js';
import { plain } from './french.js';
import { type CnrLine, type FundingLine, contractFundings, yearOf } from './fundings.js';
import { type IndicatorDirection, type IndicatorStatus, type TrajectoryInput, type YearTarget, indicatorStatus } from './indicator-status.js';
import { type ModulationCalculation, contractualModulation, ehpadModulation } from './modulation.js';
import { effectiveFormula, modulationClauseView, type ModulationClauseView } from './modulation-clause.js';
import { formatEuros, parseCents, parseNumber } from './numbers.js';
import { activityOf, type ActivityFollowUp, type ActivityThreshold } from './follow-up-activity.js';
import { indicatorsInForce, linesInForce, periodWithAvenants, withAmountsInForce } from './follow-up-amended.js';
import { measureOf } from './follow-up-measure.js';

export type { ActivityFollowUp } from './follow-up-activity.js';
export { periodWithAvenants } from './follow-up-amended.js';

export interface Named {
    readonly name: string;
    readonly title?: string;
}

export interface IndicatorFollowUp {
    readonly node: ast.Indicateur;
    readonly name: string;
    readonly title?: string;
    readonly unit?: string;
    readonly axis?: Named;
    readonly objective?: Named;
    readonly direction: IndicatorDirection;
    readonly trajectory: TrajectoryInput;
    readonly target?: YearTarget;
    /** The value written in the follow-up, when there is one. */
    readonly value?: number;
    readonly valueNode?: ast.ValeurRealisee;
    readonly source?: string;
    readonly comment?: string;
    /** `sans_valeur` when the follow-up gives no value for the indicator. */
    readonly status: IndicatorStatus | 'sans_valeur';
}

export interface CnrFollowUp {
    readonly node: ast.CnrDepense;
    readonly title?: string;
    readonly spentCents?: number;
    /** The contract's CNR of that title (the latest granted up to the year), when one matches. */
    readonly granted?: CnrLine;
    readonly grantedCents?: number;
    readonly overspent: boolean;
}

export interface ReceivedFollowUp {
    readonly node: ast.MontantRecu;
    readonly funding?: FundingLine;
    readonly plannedCents?: number;
    readonly receivedCents?: number;
    readonly differenceCents?: number;
}

export type ModulationArticle = 'R.314-160' | 'R.314-174' | 'R.314-43-2';

export interface ModulationRecord {
    readonly kind: 'ehpad-soins' | 'ehpad-dependance' | 'contractuelle';
    readonly article: ModulationArticle;
    /** Confidence in the text applied: V read verbatim, S secondary or consolidated copy, G inferred. */
    readonly confidence: 'V' | 'S' | 'G';
    readonly establishment?: Named;
    readonly funding: Named;
    readonly measureYear: number;
    /** The year whose funding is reduced: the activity of N modulates N + 1. */
    readonly appliedYear: number;
    readonly calculation: ModulationCalculation;
    /** Where the measure was written (for the hover). */
    readonly node: ast.ActiviteRealisee | ast.ValeurRealisee;
}

export interface FollowUpSummary {
    readonly indicators: number;
    readonly withValue: number;
    readonly atteint: number;
    readonly enRetard: number;
    readonly enEcart: number;
    readonly sansCible: number;
    readonly sansValeur: number;
    readonly establishmentsBelowThreshold: number;
    readonly modulationCents: number;
}

export interface FollowUp {
    readonly node: ast.SuiviAnnuel;
    readonly contract?: ast.Contrat;
    readonly year?: number;
    readonly period?: ContractPeriod;
    readonly indicators: readonly IndicatorFollowUp[];
    readonly activities: readonly ActivityFollowUp[];
    readonly cnr: readonly CnrFollowUp[];
    readonly received: readonly ReceivedFollowUp[];
    readonly modulations: readonly ModulationRecord[];
    readonly summary: FollowUpSummary;
}


/** The follow-up of one `suivi_annuel du contrat` block; the lookup gives the contract's avenants (workspace index). */
export function followUpOf(node: ast.SuiviAnnuel, lookup: AvenantLookup): FollowUp {
    // Kept with the links it was computed with (model-cache.ts): a follow-up relinked when its contract arrives or
    // changes is computed again, not left with the contract it lacked (no diagnostic, « 0 indicateur sur 0 »).
    return cachedView('follow-up', node, n => computeFollowUp(n, lookup));
}

function computeFollowUp(node: ast.SuiviAnnuel, lookup: AvenantLookup): FollowUp {
    const contract = node.contract?.ref;
    const year = yearOf(node.year);
    const avenants = contract ? lookup.avenantsOf(contract) : [];
    const period = contract ? periodWithAvenants(contract, avenants) : undefined;
    const values = (node.items ?? []).filter(ast.isValeurRealisee);
    const indicators = contract && year !== undefined ? indicatorsFollowUp(contract, year, values, indicatorsInForce(contract, avenants, year)) : [];
    const perimeter = contract && year !== undefined ? perimeterInYear(contract, avenants, year) : new Set<ast.Etablissement>();
    const written = contract ? [contract, ...avenants].flatMap(o => contractFundings(o).lines) : [];
    // The activity of N modulates the funding of N + 1, as the avenants in force then planned it.
    const lines = contract && year !== undefined ? withAmountsInForce(written, linesInForce(contract, avenants, year + 1)) : written;
    const clauses = contract ? modulationClauses(contract, avenants) : [];
    const modulated = clauses.filter(m => m.contractual);
    const activities = (node.items ?? []).filter(ast.isActiviteRealisee)
        .map(a => activityOf(a, year, perimeter, clauses.map(m => ({ clause: m, target: targetOf(m, indicators) }))));
    const cnrLines = contract ? [contract, ...avenants].flatMap(o => contractFundings(o).cnr) : [];
    const cnr = (node.items ?? []).filter(ast.isCnrDepense).map(c => cnrFollowUp(c, cnrLines, year));
    const plannedLines = contract && year !== undefined ? linesInForce(contract, avenants, year) : [];
    const received = (node.items ?? []).filter(ast.isMontantRecu).map(r => receivedFollowUp(r, year, plannedLines));
    const modulations = year === undefined || !contract ? [] : [
        ...activities.flatMap(a => ehpadModulations(a, lines, year)),
        ...modulated.flatMap(m => contractualModulations(m, lines, indicators, activities, year)),
    ];
    return { node, contract, year, period, indicators, activities, cnr, received, modulations, summary: summarise(indicators, activities, modulations) };
}

function indicatorsFollowUp(contract: ast.Contrat, year: number, values: ast.ValeurRealisee[], amended: ReadonlyMap<string, ast.Indicateur>): IndicatorFollowUp[] {
    const result: IndicatorFollowUp[] = [];
    for (const objective of objectivesOf(contract)) {
        const axis = ast.isAxe(objective.$container) ? { name: objective.$container.name, title: objective.$container.title } : undefined;
        for (const indicator of indicatorsOf(objective)) {
            const trajectory = trajectoryOf(amended.get(indicator.name) ?? indicator);
            const written = values.find(v => v.indicator?.ref === indicator);
            const value = parseNumber(written?.value?.number);
            const status = value === undefined ? undefined : indicatorStatus(trajectory, year, value);
            const fallback = indicatorStatus(trajectory, year, 0);
            result.push({
                node: indicator, name: indicator.name, title: indicator.title ?? inheritedTitle(indicator),
                unit: inheritedIndicatorProp(indicator, ast.isUnite)?.value,
                axis, objective: { name: objective.name, title: objective.title },
                direction: fallback.direction, trajectory, target: fallback.target,
                value, valueNode: written, source: written?.source, comment: written?.comment,
                status: status?.status ?? 'sans_valeur',
            });
        }
    }
    return result;
}

function inheritedTitle(indicator: ast.Indicateur): string | undefined {
    for (let i = indicator.base?.ref, n = 0; i && n < 20; i = i.base?.ref, n++) {
        if (i.title) return i.title;
    }
    return undefined;
}

/** The written trajectory of an indicator: its baseline and targets, direction inherited through `selon`. */
export function trajectoryOf(indicator: ast.Indicateur): TrajectoryInput {
    const reference = firstProp(indicator, ast.isReference);
    const baselineYear = yearOf(reference?.year);
    const baselineValue = parseNumber(reference?.value?.number);
    const targets = propsOf(indicator, ast.isCibles).flatMap(c => c.targets ?? [])
        .map(t => ({ year: yearOf(t?.year), value: parseNumber(t?.value?.number) }))
        .filter((t): t is { year: number; value: number } => t.year !== undefined && t.value !== undefined);
    const sens = inheritedIndicatorProp(indicator, ast.isSens)?.value;
    return {
        baseline: baselineYear !== undefined && baselineValue !== undefined ? { year: baselineYear, value: baselineValue } : undefined,
        targets,
        direction: sens ? plain(sens) as IndicatorDirection : undefined,
    };
}

function effectYear(owner: ast.Avenant): number | undefined {
    return parseIsoDate(firstClause(owner, ast.isEffet)?.date)?.year;
}

/** Establishments in the perimeter at some time of the year: the contract's, as amended by avenants in effect. */
export function perimeterInYear(contract: ast.Contrat, avenants: readonly ast.Avenant[], year: number): Set<ast.Etablissement> {
    const perimeter = new Set(perimeterOf(contract));
    const dated = avenants.map(a => ({ a, y: effectYear(a), d: parseIsoDate(firstClause(a, ast.isEffet)?.date) }))
        .sort((x, y) => (x.d && y.d ? compareDates(x.d, y.d) : 0));
    for (const { a, y, d } of dated) {
        if (y === undefined || !d || y > year) continue;
        addedBy(a).forEach(e => perimeter.add(e));
        // Retired during the year: still in the perimeter for part of it; retired on 1 January: out all year.
        if (y < year || (d.month === 1 && d.day === 1)) retiredBy(a).forEach(e => perimeter.delete(e));
    }
    return perimeter;
}

export interface ModulationClause {
    readonly node: ast.Modulation;
    readonly funding?: ast.Financement;
    readonly indicator?: ast.Indicateur;
    readonly criterion?: string;
    /** Share of the gap taken off, in % (undefined when written in euros or missing). */
    readonly abattement?: number;
    /** The clause as written: threshold, formula, establishments, reference measures (modulation-clause.ts). */
    readonly view: ModulationClauseView;
    /** Whether R.314-43-2 (or a CHRS contract's own clause) applies; an EHPAD line's clause only gives its threshold. */
    readonly contractual: boolean;
}

function modulationClauses(contract: ast.Contrat, avenants: readonly ast.Avenant[]): ModulationClause[] {
    const frames = legalFrames(contract);
    return [contract, ...avenants].flatMap(o => clausesOf(o, ast.isMoyens)).flatMap(m => (m.items ?? []).filter(ast.isModulation))
        .map(m => {
            const view = modulationClauseView(m);
            return {
                node: m, funding: view.funding, indicator: view.indicator, criterion: view.criterion,
                abattement: view.abattement?.unit === '€' ? undefined : view.abattement?.value,
                view, contractual: underContractualModulation(m, frames),
            };
        });
}

/** The establishments a clause applies to: those it names, else those of its funding line. */
export function modulatedEstablishments(clause: ModulationClause): ast.Etablissement[] {
    if (clause.view.establishments.length > 0) return [...clause.view.establishments];
    return clause.funding ? propsOf(clause.funding, ast.isConcernes).flatMap(c => (c.establishments ?? []).map(r => r?.ref))
        .filter((e): e is ast.Etablissement => e !== undefined) : [];
}

/** R.314-43-2 I: contractual for L.313-12-2, IV ter lines of ESMS other than EHPAD/PUV, and CHRS contracts' own clause. */
function underContractualModulation(m: ast.Modulation, frames: ReadonlySet<string>): boolean {
    const funding = m.funding?.ref;
    const establishments = funding ? propsOf(funding, ast.isConcernes).flatMap(c => (c.establishments ?? []).map(r => r?.ref)) : [];
    const onlyEhpad = establishments.length > 0 && establishments.every(e => e && isEhpad(e));
    return !onlyEhpad && (frames.has('L313-12-2') || frames.has('L313-12-IVter') || frames.has('L313-11-2'));
}

export function isEhpad(e: ast.Etablissement): boolean {
    const key = establishmentFacts(e).category?.key;
    return key === 'EHPAD' || key === 'PUV';
}

function targetOf(m: ModulationClause, indicators: readonly IndicatorFollowUp[]): IndicatorFollowUp | undefined {
    return indicators.find(i => i.node === m.indicator);
}

/** The establishment's part of a line for a year: its share of the nearest distribution applied to that year's amount. */
export function shareOf(line: FundingLine, establishment: ast.Etablissement | undefined, year: number): { cents: number; explanation: string } | undefined {
    const amount = line.amounts.find(a => a.year === year) ?? [...line.amounts].reverse().find(a => a.year < year);
    if (amount?.cents === undefined || amount.unit !== 'year') return undefined;
    const label = amount.year === year ? `montant ${year}` : `montant ${amount.year}, dernier connu`;
    if (!establishment) return { cents: amount.cents, explanation: `${formatEuros(amount.cents)} (${label})` };
    const distributions = [...line.distributions].sort((a, b) => a.year - b.year);
    const distribution = distributions.filter(d => d.year <= year).pop() ?? distributions[0];
    const share = distribution?.shares.find(s => s.establishment === establishment);
    if (distribution && share?.cents !== undefined && distribution.sumCents) {
        if (distribution.year === amount.year && distribution.sumCents === amount.cents) {
            return { cents: share.cents, explanation: `part de l'établissement (répartition ${distribution.year})` };
        }
        const cents = Math.round(amount.cents * share.cents / distribution.sumCents);
        return { cents, explanation: `${formatEuros(amount.cents)} (${label}) × ${formatEuros(share.cents)} / ${formatEuros(distribution.sumCents)} (répartition ${distribution.year})` };
    }
    if (line.establishments.length === 1 && line.establishments[0] === establishment) {
        return { cents: amount.cents, explanation: `${formatEuros(amount.cents)} (${label})` };
    }
    return undefined;
}

/** The threshold's label in the EHPAD calculation: the arrêté's (written in the follow-up or by default), or the contract's. */
const THRESHOLD_LABELS: Record<ActivityThreshold['origin'], string | undefined> = {
    ecrit: undefined, contrat: 'Seuil fixé par le contrat', arrete: undefined, objectif: "Objectif d'activité du contrat",
};

function ehpadModulations(activity: ActivityFollowUp, lines: readonly FundingLine[], year: number): ModulationRecord[] {
    const e = activity.establishment;
    if (!e || !isEhpad(e) || activity.occupancy === undefined || !activity.threshold) return [];
    const records: ModulationRecord[] = [];
    for (const line of lines) {
        const kind = line.nature === 'forfait_global_soins' ? 'ehpad-soins' : line.nature === 'forfait_global_dependance' ? 'ehpad-dependance' : undefined;
        if (!kind || !line.establishments.includes(e)) continue;
        const base = shareOf(line, e, year + 1);
        records.push({
            kind, article: kind === 'ehpad-soins' ? 'R.314-160' : 'R.314-174', confidence: kind === 'ehpad-soins' ? 'S' : 'V',
            establishment: { name: e.name, title: e.title }, funding: { name: line.name ?? '?', title: line.title },
            measureYear: year, appliedYear: year + 1, node: activity.node,
            calculation: ehpadModulation({
                kind, occupancy: activity.occupancy, threshold: activity.threshold.value, baseCents: base?.cents,
                baseExplanation: base?.explanation, appliedYear: year + 1,
                thresholdLabel: THRESHOLD_LABELS[activity.threshold.origin],
            }),
        });
    }
    return records;
}

/**
 * The contractual modulation of one clause: the measure is the indicator's value of the year (or, when the clause
 * names no indicator, each establishment's activity for its criterion); the threshold is the clause's `seuil`, else
 * the indicator's target; the formula and the establishments are the clause's when it writes them.
 */
function contractualModulations(
    m: ModulationClause, lines: readonly FundingLine[], indicators: readonly IndicatorFollowUp[], activities: readonly ActivityFollowUp[], year: number,
): ModulationRecord[] {
    const line = m.funding ? lines.find(l => l.node === m.funding) : undefined;
    const formula = effectiveFormula(m.view);
    const fixedCents = formula === 'forfaitaire' && m.view.abattement?.unit === '€' ? Math.round(m.view.abattement.value * 100) : undefined;
    if (!line || (formula !== 'demi_ecart' && m.abattement === undefined && fixedCents === undefined)) return [];
    const named = m.view.establishments;
    // Per establishment: those the clause names, else those of a distribution; without an indicator, each one's activity.
    const funded = named.length > 0 ? named : line.distributions.length > 0 || !m.indicator ? line.establishments : [];
    const targets: Array<ast.Etablissement | undefined> = funded.length > 0 ? [...funded] : [undefined];
    const threshold = m.view.threshold;
    return targets.flatMap(e => {
        const measured = measureOf(m, indicators, activities, e);
        const target = threshold?.value ?? measured?.target;
        if (!measured || target === undefined) return [];
        const base = shareOf(line, e, year + 1);
        return [{
            kind: 'contractuelle', article: 'R.314-43-2', confidence: 'G',
            establishment: e ? { name: e.name, title: e.title } : undefined,
            funding: { name: line.name ?? '?', title: line.title },
            measureYear: year, appliedYear: year + 1, node: measured.node,
            calculation: contractualModulation({
                measure: measured.value, target, isRate: threshold ? threshold.unit === '%' : measured.isRate, abattement: m.abattement ?? 0,
                baseCents: base?.cents, baseExplanation: base?.explanation, appliedYear: year + 1,
                formula, fixedCents, thresholdLabel: threshold ? 'Seuil fixé par le contrat' : undefined,
            }),
        } satisfies ModulationRecord];
    });
}

function cnrFollowUp(c: ast.CnrDepense, lines: readonly CnrLine[], year: number | undefined): CnrFollowUp {
    const title = c.title;
    const key = normaliseTitle(title);
    const candidates = lines.filter(l => normaliseTitle(l.title) === key && (year === undefined || l.year === undefined || l.year <= year));
    const granted = candidates.sort((a, b) => (a.year ?? 0) - (b.year ?? 0)).pop()
        ?? lines.find(l => normaliseTitle(l.title) === key);
    const spentCents = parseCents(c.amount?.value);
    const grantedCents = granted?.unit === 'year' ? granted.cents : undefined;
    return { node: c, title, spentCents, granted, grantedCents, overspent: spentCents !== undefined && grantedCents !== undefined && spentCents > grantedCents };
}

/** Titles compared without case, accents or repeated spaces. */
export function normaliseTitle(title: string | undefined): string {
    return (title ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/\s+/).filter(Boolean).join(' ');
}

function receivedFollowUp(r: ast.MontantRecu, year: number | undefined, inForce: readonly FundingLine[]): ReceivedFollowUp {
    const funding = r.funding?.ref;
    const line = funding ? inForce.find(l => l.name !== undefined && l.name === funding.name) ?? contractFundingsOfLine(funding) : undefined;
    const planned = line?.amounts.find(a => a.year === year);
    const plannedCents = planned?.unit === 'year' ? planned.cents : undefined;
    const receivedCents = parseCents(r.amount?.value);
    return {
        node: r, funding: line, plannedCents, receivedCents,
        differenceCents: plannedCents !== undefined && receivedCents !== undefined ? receivedCents - plannedCents : undefined,
    };
}

function contractFundingsOfLine(funding: ast.Financement): FundingLine | undefined {
    for (let n: AstNode | undefined = funding.$container; n; n = n.$container) {
        if (ast.isContrat(n) || ast.isAvenant(n)) return contractFundings(n).lines.find(l => l.node === funding);
    }
    return undefined;
}

function summarise(indicators: readonly IndicatorFollowUp[], activities: readonly ActivityFollowUp[], modulations: readonly ModulationRecord[]): FollowUpSummary {
    const count = (s: IndicatorFollowUp['status']) => indicators.filter(i => i.status === s).length;
    return {
        indicators: indicators.length,
        withValue: indicators.filter(i => i.value !== undefined).length,
        atteint: count('atteint'), enRetard: count('en_retard'), enEcart: count('en_ecart'),
        sansCible: count('sans_cible'), sansValeur: count('sans_valeur'),
        establishmentsBelowThreshold: activities.filter(a => a.belowThreshold).length,
        modulationCents: modulations.reduce((sum, m) => sum + m.calculation.amountCents, 0),
    };
}
