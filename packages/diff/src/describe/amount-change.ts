/** A change of amount: `+41 915 € (4 233 415 € → 4 275 330 €)`, `+0,65 € par jour (58,40 € → 59,05 € par jour)`. */
import { amount, formatEurosDelta, formatEurosValue, type JsonObject } from './values.js';

export function amountChange(before: JsonObject, after: JsonObject): string {
    const perDay = before.perDay && after.perDay ? ' par jour' : '';
    return `${amountDelta(before, after)} (${formatEurosValue(Number(before.amount))}${before.perDay && !perDay ? ' par jour' : ''} → ${amount(after)})`;
}

/** `+41 915 €`, `+0,65 € par jour`. */
export function amountDelta(before: JsonObject, after: JsonObject): string {
    const perDay = before.perDay && after.perDay ? ' par jour' : '';
    return `${formatEurosDelta(Number(after.amount) - Number(before.amount))}${perDay}`;
}
