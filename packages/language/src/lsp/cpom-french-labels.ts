/**
 * French words for what editors show: labels of the language's value keywords (the wording layer's, keyed by
 * grammar rule, then by the keyword's plain form), and compact French numbers.
 */
import type * as ast from '../generated/ast.js';
import { KEYWORD_LABELS, keywordKey } from '../wording/keywords.js';
import { formatEuros, formatNumber, parseCents, parseNumber } from '../model/numbers.js';
import { LEGAL_TEXTS } from './cpom-legal-texts.js';

export const NNBSP = '\u202F';

/**
 * Labels of the keywords of the grammar's value rules: the wording layer's (`wording/keywords.ts`), so that a hover
 * reads a keyword as the contract document does; legal frames by the summary of their article.
 */
export const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    ...KEYWORD_LABELS,
    LegalFrame: Object.fromEntries(Object.entries(LEGAL_TEXTS).filter(([k]) => k.startsWith('L313')).map(([k, t]) => [k.toLowerCase(), t.label])),
};

/** The French label of a value keyword of a rule, if there is one. */
export function valueLabel(rule: string, keyword: string | undefined): string | undefined {
    return VALUE_LABELS[rule]?.[keywordKey(keyword)];
}

/** `4 150 000 €`, `68,50 € par jour`, or the text as typed when it is no amount. */
export function amountText(amount: ast.Montant | undefined): string {
    if (!amount) return '';
    const cents = parseCents(amount.value);
    const text = cents === undefined ? `${amount.value ?? '?'}${NNBSP}€` : formatEuros(cents);
    return amount.daily ? `${text} par jour` : text;
}

/** `45 %`, `9,8 %`, `150`: a value of an indicator. */
export function valueText(value: ast.Valeur | undefined): string {
    if (!value) return '';
    const n = parseNumber(value.number);
    const number = n === undefined ? value.number ?? '' : formatNumber(n);
    return value.unit ? `${number}${NNBSP}${value.unit}` : number;
}

/** Amounts in short: `21,2 M€` from a million up, `30 000 €` below. */
export function compactEuros(cents: number): string {
    const euros = cents / 100;
    if (Math.abs(euros) >= 1_000_000) {
        return `${formatNumber(Math.round(euros / 100_000) / 10)}${NNBSP}M€`;
    }
    return formatEuros(Math.round(euros) * 100);
}

/** A share as a whole percentage: `62 %`; `< 1 %` and `> 99 %` rather than a rounded `0 %` or `100 %`. */
export function percentText(part: number, whole: number): string {
    const percent = (part / whole) * 100;
    if (percent > 0 && percent < 1) return `<${NNBSP}1${NNBSP}%`;
    if (percent > 99 && percent < 100) return `>${NNBSP}99${NNBSP}%`;
    return `${formatNumber(Math.round(percent))}${NNBSP}%`;
}

/** `1re`, `2e`: French ordinals. */
export function ordinal(n: number): string {
    return n === 1 ? '1re' : `${n}e`;
}

/** Markdown-safe text of the user's strings (tables and emphasis must not break). */
export function md(text: string | undefined): string {
    return (text ?? '').replace(/([\\`*_[\]|<>])/g, '\\$1').replace(/\r?\n/g, ' ');
}
