/**
 * The diff reads contracts through their JSON export: this maps a funding line's JSON amounts to what the language
 * model's `lineTotal`, `yearlyLineTotals` and `cnrTotal` need, so that the diff's and the avenant's totals are the
 * generator's and the editor's.
 */
import { type AmountFigure, centsOfEuros } from '@cpom/language';

/**
 * The amounts of a JSON funding line (`{ year, amount, perDay }` in euros) as cents with their unit; the first of a
 * year exported twice, as the model reads the text.
 */
export function jsonAmountFigures(line: { readonly amounts?: unknown }): Array<AmountFigure & { readonly year: unknown }> {
    const amounts = Array.isArray(line.amounts) ? line.amounts as Array<Record<string, unknown> | null> : [];
    const years = new Set<unknown>();
    return amounts.flatMap(a => {
        if (!a || years.has(a.year)) return [];
        years.add(a.year);
        return [{ year: a.year, cents: typeof a.amount === 'number' ? centsOfEuros(a.amount) : undefined, unit: a.perDay ? 'day' as const : 'year' as const }];
    });
}

/** A JSON CNR (`{ amount, perDay }` in euros) as cents with its unit, for the model's `cnrTotal`. */
export function jsonCnrFigure(cnr: { readonly amount?: unknown; readonly perDay?: unknown }): AmountFigure {
    return { cents: typeof cnr.amount === 'number' ? centsOfEuros(cnr.amount) : undefined, unit: cnr.perDay ? 'day' : 'year' };
}
