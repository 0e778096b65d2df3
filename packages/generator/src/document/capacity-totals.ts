/**
 * Capacities added up by unit: beds and places are not one quantity, so a total says what each part counts
 * (`120 lits et 34 places`), never `154 places` over rows counted in beds.
 */
import { ast, capacityCount, joinFr, parseNumber } from '@cpom/language';

/** The authorised capacity of each unit, beds first; a capacity written without a unit counts places. */
export function capacityTotals(capacities: readonly ast.Capacite[]): Map<string, number> {
    const totals = new Map<string, number>([['lits', 0], ['places', 0]]);
    for (const capacity of capacities) {
        const unit = capacity.unit === 'lits' ? 'lits' : 'places';
        totals.set(unit, totals.get(unit)! + (parseNumber(capacity.authorised) ?? 0));
    }
    return totals;
}

/** `120 lits et 34 places`, `70 places`, `84 lits`; `0 place` when nothing is counted. */
export function capacityTotalText(totals: ReadonlyMap<string, number>): string {
    const parts = [...totals].filter(([, count]) => count !== 0).map(([unit, count]) => capacityCount(count, unit));
    return parts.length > 0 ? joinFr(parts) : capacityCount(0, 'places');
}

/** Adds the totals of several establishments. */
export function addTotals(into: Map<string, number>, more: ReadonlyMap<string, number>): void {
    for (const [unit, count] of more) into.set(unit, (into.get(unit) ?? 0) + count);
}
