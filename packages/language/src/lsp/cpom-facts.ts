/**
 * Facts computed for the editor (hovers, inlay hints): totals of funding lines, their share of the funding,
 * distributions per establishment, trajectories of indicators. Every function takes a possibly broken AST (the
 * user is typing): missing parts give missing facts, never an exception.
 */
import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { clausesOf, contractPeriod, type ContractPeriod, firstProp, indicatorChain, propsOf } from '../model/contract.js';
import { plain } from '../model/french.js';
import { parseCents, parseNumber } from '../model/numbers.js';

export interface YearAmount {
    readonly year: number;
    /** Undefined when the amount is not an amount to the cent (CPOM009). */
    readonly cents: number | undefined;
    readonly amount: ast.Montant;
}

export interface DistributionFacts {
    readonly node: ast.Repartition;
    readonly year: number;
    readonly shares: ReadonlyArray<{ readonly name: string; readonly cents: number | undefined }>;
    /** Sum of the shares, when every share is an amount. */
    readonly sumCents: number | undefined;
    /** The line's amount for that year, when there is one. */
    readonly amountCents: number | undefined;
}

export interface FundingFacts {
    /** Yearly amounts in year order (the first one of a year typed twice). */
    readonly amounts: readonly YearAmount[];
    /** Daily tariffs (`€ par jour`) have no yearly total. */
    readonly daily: boolean;
    /** Total over the years, when the line is yearly and every amount is valid. */
    readonly totalCents: number | undefined;
    readonly distributions: readonly DistributionFacts[];
}

export function yearOf(text: string | undefined): number | undefined {
    const year = parseNumber(text);
    return year !== undefined && Number.isInteger(year) ? year : undefined;
}

/** Facts by funding line, for the life of its AST (a new parse makes new nodes): hints ask once per répartition. */
const factsCache = new WeakMap<ast.Financement, FundingFacts>();

export function fundingFacts(funding: ast.Financement): FundingFacts {
    let facts = factsCache.get(funding);
    if (!facts) {
        facts = computeFundingFacts(funding);
        factsCache.set(funding, facts);
    }
    return facts;
}

function computeFundingFacts(funding: ast.Financement): FundingFacts {
    const byYear = new Map<number, YearAmount>();
    for (const montants of propsOf(funding, ast.isMontants)) {
        for (const a of montants.amounts ?? []) {
            const year = yearOf(a?.year);
            if (year === undefined || !a.amount || byYear.has(year)) continue;
            byYear.set(year, { year, cents: parseCents(a.amount.value), amount: a.amount });
        }
    }
    const amounts = [...byYear.values()].sort((a, b) => a.year - b.year);
    const daily = amounts.some(a => a.amount.daily);
    const totalCents = daily || amounts.length === 0 || amounts.some(a => a.cents === undefined)
        ? undefined : amounts.reduce((sum, a) => sum + a.cents!, 0);
    const distributions = propsOf(funding, ast.isRepartition).flatMap(r => {
        const year = yearOf(r.year);
        if (year === undefined) return [];
        const shares = (r.shares ?? []).map(s => ({ name: s.establishment?.$refText ?? '?', cents: parseCents(s.amount?.value) }));
        const sumCents = shares.every(s => s.cents !== undefined) ? shares.reduce((sum, s) => sum + s.cents!, 0) : undefined;
        return [{ node: r, year, shares, sumCents, amountCents: byYear.get(year)?.cents }];
    });
    return { amounts, daily, totalCents, distributions };
}

/** The contract, catalogue or avenant a node belongs to. */
export function ownerOf(node: AstNode | undefined): ast.Contrat | ast.Avenant | ast.Catalogue | undefined {
    for (let n = node; n; n = n.$container) {
        if (ast.isContrat(n) || ast.isAvenant(n) || ast.isCatalogue(n)) return n;
    }
    return undefined;
}

/** The period of the contract a node belongs to (an avenant's: that of the amended contract). */
export function periodOf(node: AstNode | undefined): ContractPeriod | undefined {
    const owner = ownerOf(node);
    const contract = ast.isAvenant(owner) ? owner.contract?.ref : ast.isContrat(owner) ? owner : undefined;
    return contract ? contractPeriod(contract) : undefined;
}

export interface FundingTotals {
    /** Total of the yearly funding lines and CNR over the years. */
    readonly totalCents: number;
    /** Total per year. */
    readonly byYear: ReadonlyMap<number, number>;
}

/** What a contract (or an avenant) funds: its yearly lines and its CNR, daily tariffs aside. */
export function fundingTotals(owner: ast.Contrat | ast.Avenant): FundingTotals {
    const byYear = new Map<number, number>();
    const add = (year: number, cents: number | undefined) => {
        if (cents !== undefined) byYear.set(year, (byYear.get(year) ?? 0) + cents);
    };
    for (const moyens of clausesOf(owner, ast.isMoyens)) {
        for (const item of moyens.items ?? []) {
            if (ast.isFinancement(item)) {
                const facts = fundingFacts(item);
                if (!facts.daily) facts.amounts.forEach(a => add(a.year, a.cents));
            } else if (ast.isCnr(item) && !item.amount?.daily) {
                const year = yearOf(item.year);
                if (year !== undefined) add(year, parseCents(item.amount?.value));
            }
        }
    }
    return { totalCents: [...byYear.values()].reduce((a, b) => a + b, 0), byYear };
}

export type Trend = 'up' | 'down' | 'flat';

export interface Trajectory {
    readonly baseline?: { readonly year: number; readonly value: ast.Valeur };
    /** Targets in year order. */
    readonly targets: ReadonlyArray<{ readonly year: number; readonly value: ast.Valeur }>;
    /** Declared direction (`sens`, possibly inherited through `selon`). */
    readonly direction?: Trend;
}

export const DIRECTION_TRENDS: Readonly<Record<string, Trend>> = { hausse: 'up', baisse: 'down', maintien: 'flat' };

export function trajectory(indicator: ast.Indicateur): Trajectory {
    const reference = firstProp(indicator, ast.isReference);
    const baselineYear = yearOf(reference?.year);
    const targets = propsOf(indicator, ast.isCibles)
        .flatMap(c => (c.targets ?? []).map(t => ({ year: yearOf(t?.year), value: t?.value })))
        .filter((t): t is { year: number; value: ast.Valeur } => t.year !== undefined && t.value !== undefined && parseNumber(t.value.number) !== undefined)
        .sort((a, b) => a.year - b.year);
    const sens = inheritedProp(indicator, ast.isSens)?.prop.value;
    return {
        baseline: baselineYear !== undefined && reference?.value && parseNumber(reference.value.number) !== undefined
            ? { year: baselineYear, value: reference.value } : undefined,
        targets,
        direction: sens ? DIRECTION_TRENDS[plain(sens)] : undefined,
    };
}

/** A clause of an indicator or of the one it is based on (`selon`), and the indicator that states it. */
export function inheritedProp<T extends ast.IndicateurProp>(indicator: ast.Indicateur, guard: (n: unknown) => n is T): { prop: T; from: ast.Indicateur } | undefined {
    for (const from of indicatorChain(indicator)) {
        const prop = firstProp(from, guard);
        if (prop) return { prop, from };
    }
    return undefined;
}

/** The indicator's title, or that of the indicator it is based on. */
export function indicatorTitle(indicator: ast.Indicateur): string | undefined {
    return indicatorChain(indicator).find(i => i.title)?.title;
}

export function trendOf(from: ast.Valeur, to: ast.Valeur): Trend {
    const a = parseNumber(from.number) ?? 0;
    const b = parseNumber(to.number) ?? 0;
    return b > a ? 'up' : b < a ? 'down' : 'flat';
}

export const TREND_ARROWS: Record<Trend, string> = { up: '↗', down: '↘', flat: '→' };
