/** `--au DATE` of generate, diff and avenant: the day of a consolidation, typed in ISO or the French way. */
import { convertCpomDate, parseIsoDate } from '@cpom/language';
import { UsageError } from './errors.js';

/** The day in ISO; undefined without the option; a usage error when it is no date. */
export function consolidationDay(typed: string | undefined): string | undefined {
    if (typed === undefined) return undefined;
    const iso = convertCpomDate(typed.trim());
    if (!parseIsoDate(iso)) {
        throw new UsageError({
            fr: `date de consolidation impossible : « ${typed} » (une date est attendue : 2023-01-01 ou 01/01/2023)`,
            en: `invalid consolidation date '${typed}' (expected a date: 2023-01-01 or 01/01/2023)`,
        });
    }
    return iso;
}
