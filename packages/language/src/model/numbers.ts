/**
 * Numbers as people type them: `4 150 000` (space, no-break space, narrow no-break space or thin space
 * as thousands separator), `68,50` or `68.50`. The lexer keeps the text; these functions read it.
 */

const GROUP_SEPARATORS = /[ \u00A0\u202F\u2009]/g;

/** The canonical decimal text of a typed number: `4 150 000,50` → `4150000.50`. */
export function canonicalNumberText(typed: string): string {
    return typed.replace(GROUP_SEPARATORS, '').replace(',', '.');
}

export function parseNumber(typed: string | undefined): number | undefined {
    if (typed === undefined) {
        return undefined;
    }
    const value = Number(canonicalNumberText(typed));
    return Number.isFinite(value) ? value : undefined;
}

/** Whether the typed number is an integer (no decimal part). */
export function isIntegerText(typed: string): boolean {
    return !/[.,]/.test(typed);
}

/**
 * An amount in euros as an integer number of cents, so that sums are exact.
 * Undefined when the text has more than two decimals or is not a number.
 */
export function parseCents(typed: string | undefined): number | undefined {
    if (typed === undefined) {
        return undefined;
    }
    const canonical = canonicalNumberText(typed);
    const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(canonical);
    if (!match) {
        return undefined;
    }
    const euros = Number(match[1]);
    const cents = match[2] ? Number(match[2].padEnd(2, '0')) : 0;
    return euros * 100 + cents;
}

// The French forms of numbers and amounts are the wording layer's (one place for every output).
export { formatEuros, formatNumber } from '../wording/amounts.js';
