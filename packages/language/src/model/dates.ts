/** Calendar dates written `AAAA-MM-JJ` (ISO 8601), handled without time zones. */
import { plain } from './french.js';
import { MONTHS_FR } from '../wording/months.js';

export interface CalendarDate {
    readonly year: number;
    readonly month: number;
    readonly day: number;
}

export function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads an ISO date; undefined when the text is not one or the date does not exist (2013-02-30). */
export function parseIsoDate(text: string | undefined): CalendarDate | undefined {
    if (!text) {
        return undefined;
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) {
        return undefined;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        return undefined;
    }
    return { year, month, day };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
    return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
    const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
    const year = date.year + years;
    return { year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month)) };
}

/**
 * The last day of a term of `years` years starting on `start`: the day before the anniversary.
 * A term starting on 29 February has its anniversary on 1 March of a common year.
 */
export function endOfTerm(start: CalendarDate, years: number): CalendarDate {
    const year = start.year + years;
    const anniversary = start.day > daysInMonth(year, start.month)
        ? { year, month: start.month + 1, day: 1 }
        : { year, month: start.month, day: start.day };
    return addDays(anniversary, -1);
}

export function toIsoDate(date: CalendarDate): string {
    return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `1er janvier 2013` in French, `1 January 2013` in English. */
export function formatDate(date: CalendarDate, locale: 'fr' | 'en'): string {
    if (locale === 'en') {
        return `${date.day} ${MONTHS_EN[date.month - 1]} ${date.year}`;
    }
    return `${date.day === 1 ? '1er' : date.day} ${MONTHS_FR[date.month - 1]} ${date.year}`;
}

/** Month number (1-12) of a French month name, with or without accents. */
export function monthNumber(name: string): number | undefined {
    const index = MONTHS_FR.map(m => plain(m)).indexOf(plain(name));
    return index < 0 ? undefined : index + 1;
}
