/**
 * The diff reads contracts through their JSON export: this maps a funding line's JSON amounts to what the language
 * model's `lineTotal` needs, so that the diff's totals are the generator's and the editor's.
 */
import { type AmountFigure, centsOfEuros } from '@cpom/language';

/** The amounts of a JSON funding line (`{ amount, perDay }` in euros) as cents with their unit. */
export function jsonAmountFigures(line: { readonly amounts?: unknown }): AmountFigure[] {
    const amounts = Array.isArray(line.amounts) ? line.amounts as Array<Record<string, unknown>> : [];
    return amounts.map(a => {
        const euros = Number(a?.amount);
        return { cents: Number.isFinite(euros) ? centsOfEuros(euros) : undefined, unit: a?.perDay ? 'day' : 'year' };
    });
}
