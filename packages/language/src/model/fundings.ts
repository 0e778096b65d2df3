/**
 * The funding of a contract (or an avenant) as one typed view: its funding lines with their yearly amounts,
 * distributions and totals, and its CNR. Built once per owner node from a possibly broken AST (missing parts give
 * missing facts, never an exception); the generator, the editor facts, the rules and — through `lineTotal` over the
 * JSON export — the diff read their totals here, so that they agree.
 *
 * What a total means:
 * - An amount `€ par jour` is a daily tariff (prix de journée): what a year costs is the tariff times the journées
 *   actually billed, which the contract does not know. A line with any amount per day is a tariff line: it has NO
 *   total over the period, and its amounts are left out of every sum (totals per year, the contract's total, shares).
 *   A line's amounts share one unit; a line mixing both is treated as a tariff line as a whole (summing its yearly
 *   part would present a partial figure as the line's total).
 * - The total of a yearly line is the sum of the amounts written, in exact cents: a missing year counts for nothing
 *   (CPOM060 reports it). An amount that is not an amount to the cent counts for nothing, its unit included
 *   (CPOM009 reports it; the JSON export leaves it out, so the diff sees the same amounts). The first amount of a
 *   year typed twice is the one (CPOM058 reports the other).
 * - A line with no valid amount has no total ('none'), which is not the same as a total of 0 €.
 * - A CNR per day is likewise left out of the CNR total and of the contract's total.
 */
import * as ast from '../generated/ast.js';
import { clausesOf, firstProp, propsOf } from './clauses.js';
import { cachedView } from './model-cache.js';
import { plain } from './french.js';
import { parseCents, parseNumber } from './numbers.js';

/** A yearly amount (an allocation for the year) or a daily tariff (`€ par jour`). */
export type AmountUnit = 'year' | 'day';

/** What a line total needs of an amount: its value in cents (undefined when invalid) and its unit. */
export interface AmountFigure {
    readonly cents: number | undefined;
    readonly unit: AmountUnit;
}

/** A funding line's total over the period: a sum of yearly amounts, a tariff line (no total), or nothing written. */
export type LineTotal =
    | { readonly kind: 'yearly'; readonly cents: number }
    | { readonly kind: 'daily' }
    | { readonly kind: 'none' };

/** The total of a funding line from its amounts, whatever they were read from (the AST here, the JSON in the diff). */
export function lineTotal(amounts: readonly AmountFigure[]): LineTotal {
    const valid = amounts.filter((a): a is AmountFigure & { cents: number } => a.cents !== undefined);
    if (valid.length === 0) return { kind: 'none' };
    if (valid.some(a => a.unit === 'day')) return { kind: 'daily' };
    return { kind: 'yearly', cents: valid.reduce((sum, a) => sum + a.cents, 0) };
}

/**
 * The cents of a JSON amount in euros (the export reads amounts through exact cents); undefined for an amount that
 * is not to the cent (CPOM009), which the export keeps as written.
 */
export function centsOfEuros(euros: number): number | undefined {
    const cents = Math.round(euros * 100);
    return Number.isFinite(euros) && Math.abs(euros * 100 - cents) < 1e-6 ? cents : undefined;
}

export interface YearAmount extends AmountFigure {
    readonly year: number;
    readonly amount: ast.Montant;
}

export interface DistributionShare extends AmountFigure {
    /** The establishment's name as typed. */
    readonly name: string;
    readonly establishment: ast.Etablissement | undefined;
}

export interface Distribution {
    readonly node: ast.Repartition;
    readonly year: number;
    readonly shares: readonly DistributionShare[];
    /** Sum of the shares, when every share is an amount to the cent. */
    readonly sumCents: number | undefined;
    /** The line's amount for that year, when there is a valid one. */
    readonly amountCents: number | undefined;
    /** Whether the shares can be checked against the amount: a yearly line, valid amounts on both sides. */
    readonly comparable: boolean;
}

export interface FundingLine {
    readonly node: ast.Financement;
    readonly name: string | undefined;
    readonly title: string | undefined;
    /** `dotation`, `forfait` or `tarif`. */
    readonly kind: string | undefined;
    /** Nature without accents (`prix_de_journee`). */
    readonly nature: string | undefined;
    readonly payer: ast.Autorite | undefined;
    /** Source of the funding without accents (`assurance_maladie`). */
    readonly source: string | undefined;
    readonly establishments: readonly ast.Etablissement[];
    /** Amounts in year order (the first one of a year typed twice). */
    readonly amounts: readonly YearAmount[];
    /** A tariff line: some amount is per day. */
    readonly daily: boolean;
    readonly total: LineTotal;
    /** The total in cents for a yearly line, undefined otherwise. */
    readonly totalCents: number | undefined;
    readonly distributions: readonly Distribution[];
}

export interface CnrLine {
    readonly node: ast.Cnr;
    readonly title: string | undefined;
    readonly year: number | undefined;
    readonly cents: number | undefined;
    readonly unit: AmountUnit;
    readonly establishment: ast.Etablissement | undefined;
    readonly payer: ast.Autorite | undefined;
}

export interface ContractFundings {
    readonly lines: readonly FundingLine[];
    readonly cnr: readonly CnrLine[];
    /** Yearly lines by year, tariff lines left out. */
    readonly linesByYear: ReadonlyMap<number, number>;
    /** Total of the yearly CNR amounts (CNR per day left out). */
    readonly cnrTotalCents: number;
    /** Yearly lines and yearly CNR by year: what the contract funds. */
    readonly byYear: ReadonlyMap<number, number>;
    /** Sum of `byYear`. */
    readonly totalCents: number;
}

/** A year as typed, when it is an integer. */
export function yearOf(text: string | undefined): number | undefined {
    const year = parseNumber(text);
    return year !== undefined && Number.isInteger(year) ? year : undefined;
}

function unitOf(amount: ast.Montant | undefined): AmountUnit {
    return amount?.daily ? 'day' : 'year';
}

/** The typed view of one funding line (one per document version, model-cache.ts). */
export function fundingLine(funding: ast.Financement): FundingLine {
    // Its clauses and the nodes its references name: kept while they are (model-cache.ts).
    return cachedView('funding-line', funding, computeFundingLine, true);
}

/** The funding of a contract or an avenant (its `moyens` clauses). */
export function contractFundings(owner: ast.Contrat | ast.Avenant): ContractFundings {
    return cachedView('fundings', owner, computeContractFundings);
}

function computeFundingLine(funding: ast.Financement): FundingLine {
    const byYear = new Map<number, YearAmount>();
    for (const montants of propsOf(funding, ast.isMontants)) {
        for (const a of montants.amounts ?? []) {
            const year = yearOf(a?.year);
            if (year === undefined || !a.amount || byYear.has(year)) continue;
            byYear.set(year, { year, cents: parseCents(a.amount.value), unit: unitOf(a.amount), amount: a.amount });
        }
    }
    const amounts = [...byYear.values()].sort((a, b) => a.year - b.year);
    const total = lineTotal(amounts);
    const daily = total.kind === 'daily';
    const distributions = (funding.props ?? []).filter(ast.isRepartition).flatMap((r): Distribution[] => {
        const year = yearOf(r.year);
        if (year === undefined) return [];
        const shares = (r.shares ?? []).map(s => ({
            name: s.establishment?.$refText ?? '?', establishment: s.establishment?.ref, cents: parseCents(s.amount?.value), unit: unitOf(s.amount),
        }));
        const sumCents = shares.every(s => s.cents !== undefined) ? shares.reduce((sum, s) => sum + s.cents!, 0) : undefined;
        const amount = byYear.get(year);
        const amountCents = amount?.cents;
        const amountValid = amount === undefined || amountCents !== undefined;
        return [{ node: r, year, shares, sumCents, amountCents, comparable: !daily && amountValid && sumCents !== undefined }];
    });
    const nature = firstProp(funding, ast.isNature)?.value;
    const source = firstProp(funding, ast.isSourceFinancement)?.value;
    return {
        node: funding,
        name: funding.name,
        title: funding.title,
        kind: funding.kind,
        nature: nature === undefined ? undefined : plain(nature),
        payer: firstProp(funding, ast.isFinanceur)?.payer?.ref,
        source: source === undefined ? undefined : plain(source),
        establishments: propsOf(funding, ast.isConcernes)
            .flatMap(c => (c.establishments ?? []).map(r => r?.ref).filter((e): e is ast.Etablissement => e !== undefined)),
        amounts,
        daily,
        total,
        totalCents: total.kind === 'yearly' ? total.cents : undefined,
        distributions,
    };
}

/** The typed view of one CNR. */
export function cnrLine(c: ast.Cnr): CnrLine {
    return {
        node: c, title: c.title, year: yearOf(c.year), cents: parseCents(c.amount?.value), unit: unitOf(c.amount),
        establishment: c.establishment?.ref, payer: c.payer?.ref,
    };
}

/** What a CNR adds to its year's funding: its amount in cents when it is a yearly amount to the cent. */
export function cnrYearlyCents(c: CnrLine): number | undefined {
    return c.unit === 'year' ? c.cents : undefined;
}

/**
 * The yearly lines' amounts summed by year, tariff lines (and lines without a valid amount) left out: the
 * "Financements par année" total of the contract's financial annex and of an avenant's (from the JSON export).
 */
export function yearlyLineTotals(lines: readonly { readonly amounts: readonly (AmountFigure & { readonly year: number })[] }[]): Map<number, number> {
    const byYear = new Map<number, number>();
    for (const line of lines) {
        if (lineTotal(line.amounts).kind !== 'yearly') continue;
        for (const a of line.amounts) {
            if (a.cents !== undefined) byYear.set(a.year, (byYear.get(a.year) ?? 0) + a.cents);
        }
    }
    return byYear;
}

/** The total of the CNR: yearly amounts to the cent (a CNR per day is no credit: left out). */
export function cnrTotal(cnr: readonly AmountFigure[]): number {
    return cnr.reduce((sum, c) => sum + (c.unit === 'year' && c.cents !== undefined ? c.cents : 0), 0);
}

function computeContractFundings(owner: ast.Contrat | ast.Avenant): ContractFundings {
    const items = clausesOf(owner, ast.isMoyens).flatMap(m => m.items ?? []);
    const lines = items.filter(ast.isFinancement).map(fundingLine);
    const cnr = items.filter(ast.isCnr).map(cnrLine);
    const linesByYear = yearlyLineTotals(lines);
    const byYear = new Map(linesByYear);
    for (const c of cnr) {
        const cents = cnrYearlyCents(c);
        if (cents !== undefined && c.year !== undefined) byYear.set(c.year, (byYear.get(c.year) ?? 0) + cents);
    }
    return {
        lines, cnr, linesByYear, cnrTotalCents: cnrTotal(cnr), byYear,
        totalCents: [...byYear.values()].reduce((a, b) => a + b, 0),
    };
}
