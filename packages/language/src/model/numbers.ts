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

const NARROW_NBSP = '\u202F';

/** French form of an amount in cents: `4 150 000 €`, `68,50 €`. */
export function formatEuros(cents: number): string {
    const negative = cents < 0;
    const abs = Math.abs(cents);
    const euros = Math.floor(abs / 100);
    const rest = abs % 100;
    // eslint-disable-next-line regexp/no-super-linear-move -- the input is the digits of a JavaScript number (≤ 22 characters), never user text
    const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, NARROW_NBSP);
    const text = rest === 0 ? grouped : `${grouped},${String(rest).padStart(2, '0')}`;
    return `${negative ? '−' : ''}${text}${NARROW_NBSP}€`;
}

/** French form of a plain number: `95`, `4,5`, `1 200`. */
export function formatNumber(value: number): string {
    const [int, dec] = String(Math.abs(value)).split('.');
    // eslint-disable-next-line regexp/no-super-linear-move -- the input is the digits of a JavaScript number (≤ 22 characters), never user text
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, NARROW_NBSP);
    return `${value < 0 ? '−' : ''}${grouped}${dec ? ',' + dec : ''}`;
}
