/**
 * Indicators with what they inherit through `selon` (label, unit, source, formula, direction): their own clause
 * first, then their base's, and so on; a cycle of `selon` stops at the first indicator seen twice. Baselines and
 * targets are not inherited (the validator requires them of each contract indicator). One view per indicator and
 * document version (model-cache.ts).
 */
import * as ast from '../generated/ast.js';
import { firstProp, propsOf } from './clauses.js';
import { cachedView } from './model-cache.js';

export interface IndicatorView {
    readonly node: ast.Indicateur;
    /** The indicator, then the ones it is based on, nearest first. */
    readonly chain: readonly ast.Indicateur[];
    readonly title?: string;
    readonly unit?: string;
    readonly source?: string;
    readonly formula?: string;
    /** The direction as written (`hausse`, `baisse`, `stable`…). */
    readonly direction?: string;
    readonly baseline: ast.Reference | undefined;
    readonly targets: readonly ast.Cible[];
}

/** What an indicator states, with what it inherits. */
export function indicatorView(indicator: ast.Indicateur): IndicatorView {
    // Without `selon`, made of its own clauses: kept while they are (model-cache.ts); with it, of what its base says.
    return cachedView('indicator', indicator, computeIndicator, indicator.base === undefined);
}

/** The indicator, then the ones it is based on through `selon`, nearest first; a cycle of `selon` stops. */
export function indicatorChain(indicator: ast.Indicateur): ast.Indicateur[] {
    return [...indicatorView(indicator).chain];
}

/** A clause of an indicator, or else of the indicators it is based on (label, unit, source, formula, direction). */
export function inheritedIndicatorProp<T extends ast.IndicateurProp>(indicator: ast.Indicateur, guard: (n: unknown) => n is T): T | undefined {
    for (const i of indicatorView(indicator).chain) {
        const prop = firstProp(i, guard);
        if (prop) return prop;
    }
    return undefined;
}

function computeIndicator(indicator: ast.Indicateur): IndicatorView {
    const chain: ast.Indicateur[] = [];
    for (let current: ast.Indicateur | undefined = indicator; current && !chain.includes(current); current = current.base?.ref) {
        chain.push(current);
    }
    const first = <T>(read: (i: ast.Indicateur) => T | undefined): T | undefined => {
        for (const i of chain) {
            const value = read(i);
            if (value !== undefined) return value;
        }
        return undefined;
    };
    return {
        node: indicator,
        chain,
        // An empty title is none: the base's shows.
        title: first(i => i.title || undefined),
        unit: first(i => firstProp(i, ast.isUnite)?.value),
        source: first(i => firstProp(i, ast.isSource)?.value),
        formula: first(i => firstProp(i, ast.isFormule)?.value),
        direction: first(i => firstProp(i, ast.isSens)?.value),
        baseline: firstProp(indicator, ast.isReference),
        targets: propsOf(indicator, ast.isCibles).flatMap(c => c.targets ?? []),
    };
}
