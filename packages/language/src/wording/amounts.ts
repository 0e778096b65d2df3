/** Numbers and amounts in French: `4 150 000 €`, `68,50 € par jour`, `1 200`, `97 %`. Pure: no I/O. */

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

/** An amount in cents, per day when it is a daily tariff: `58,40 € par jour`. */
export function amountText(cents: number, perDay = false): string {
    return `${formatEuros(cents)}${perDay ? ' par jour' : ''}`;
}

/** A signed amount: `+41 915 €`, `−1 200,50 €`. */
export function signedEuros(cents: number): string {
    return `${cents >= 0 ? '+' : '−'}${formatEuros(Math.abs(cents))}`;
}

/** A number with its unit, as a contract writes a value: `97 %`, `1 200 €`, `12` (a narrow no-break space before a sign). */
export function quantityText(value: number, unit?: string): string {
    return unit ? `${formatNumber(value)}${NARROW_NBSP}${unit}` : formatNumber(value);
}
