/**
 * Facts computed for the editor (hovers, inlay hints): totals of funding lines, their share of the funding,
 * distributions per establishment, trajectories of indicators. Every function takes a possibly broken AST (the
 * user is typing): missing parts give missing facts, never an exception.
 */
import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { contractPeriod, type ContractPeriod, firstProp, indicatorChain, indicatorView, propsOf } from '../model/contract.js';
import { plain } from '../model/french.js';
import { contractFundings, type Distribution, type FundingLine, fundingLine, yearOf } from '../model/fundings.js';
import { parseNumber } from '../model/numbers.js';

/** The facts of a funding line are the model's view of it (`model/fundings.ts`, where totals are defined). */
export type FundingFacts = FundingLine;
export type DistributionFacts = Distribution;
export { yearOf };

export function fundingFacts(funding: ast.Financement): FundingFacts {
    return fundingLine(funding);
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
    return contractFundings(owner);
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
    return indicatorView(indicator).title;
}

export function trendOf(from: ast.Valeur, to: ast.Valeur): Trend {
    const a = parseNumber(from.number) ?? 0;
    const b = parseNumber(to.number) ?? 0;
    return b > a ? 'up' : b < a ? 'down' : 'flat';
}

export const TREND_ARROWS: Record<Trend, string> = { up: '↗', down: '↘', flat: '→' };
