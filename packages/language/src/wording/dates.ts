/** Dates in French, from the ISO form the contract writes: `1er janvier 2024`, `du 1er janvier 2024 au 31 décembre 2028`. */
import { formatDate, parseIsoDate } from '../model/dates.js';

/** `1er janvier 2013`; undefined when the text is not an ISO date (the caller says what to show instead). */
export function frenchDateOf(iso: string | undefined): string | undefined {
    const date = parseIsoDate(iso);
    return date ? formatDate(date, 'fr') : undefined;
}

/**
 * A date in a document: `1er janvier 2013` with a no-break space between the day and the month, so that a line
 * never ends on « le 16 » (French typography); undefined when the text is not an ISO date.
 */
export function documentDateOf(iso: string | undefined): string | undefined {
    return frenchDateOf(iso)?.replace(' ', '\u00A0');
}

/** A date in a language of the messages: `1er janvier 2013`, `1 January 2013`; a text that is no date, as given. */
export function localDate(iso: string, locale: 'fr' | 'en'): string {
    const date = parseIsoDate(iso);
    return date ? formatDate(date, locale) : iso;
}

/** `du 1er janvier 2024 au 31 décembre 2028`: a period, each end as given when it is not a date. */
export function periodText(start: string, end: string): string {
    return `du ${start} au ${end}`;
}
