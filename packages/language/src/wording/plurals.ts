/** French plurals: `1 place`, `70 places`, `13 établissements` (0 and 1 are singular in French). */
import { formatNumber } from './amounts.js';

/** The noun in the singular or the plural for a count (0 and 1 take the singular); the plural adds an `s` by default. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
    return Math.abs(count) < 2 ? singular : pluralForm;
}

/** A count with its noun: `1 place`, `70 places`, `2 lits`. */
export function countOf(count: number, singular: string, pluralForm = `${singular}s`): string {
    return `${formatNumber(count)} ${plural(count, singular, pluralForm)}`;
}

/** A capacity with its unit: `70 places`, `1 lit` (the unit as the contract writes it, `places` or `lits`). */
export function capacityCount(count: number, unit: string | undefined = 'places'): string {
    const singular = unit === 'lits' ? 'lit' : unit === 'places' ? 'place' : unit;
    return countOf(count, singular, unit);
}
