/** The contract's words in French: amounts, dates, values, and labels of the language's keywords (its wording layer). */
import { documentDateOf, formatEuros, formatNumber, keywordKey, keywordLabel, parseCents, parseNumber, plain as plainText } from '@cpom/language';
import type { ast } from '@cpom/language';
import { MISSING } from './missing.js';

const NNBSP = '\u202F';

/** "1er janvier 2013" (no break after the day); a date that is not one as typed; a missing one as « [date manquante] ». */
export function frenchDate(iso: string | undefined): string {
    return documentDateOf(iso) ?? iso ?? MISSING.date;
}

export function euros(cents: number): string {
    return formatEuros(cents);
}

export function amount(montant: ast.Montant | undefined): string {
    if (!montant || montant.value === undefined) return MISSING.amount;
    const cents = parseCents(montant.value);
    const value = cents === undefined ? `${montant.value} €` : euros(cents);
    return montant.daily ? `${value} par jour` : value;
}

export function value(v: ast.Valeur | undefined): string {
    if (!v || v.number === undefined) return MISSING.value;
    const n = parseNumber(v.number);
    const number = n === undefined ? v.number : formatNumber(n);
    return v.unit ? `${number}${NNBSP}${v.unit}` : number;
}

export function plainNumber(typed: string | undefined): string {
    const n = parseNumber(typed);
    return n === undefined ? typed ?? MISSING.number : formatNumber(n);
}

/** Lower-case, accent-free form of a keyword, to look labels up. */
export function key(keyword: string | undefined): string {
    return keywordKey(keyword);
}

/**
 * The label of a value keyword, from the language's wording layer (the same in hovers, the diff and the avenant);
 * one it lacks as typed, without underscores; none for an optional keyword not given.
 */
function label(rule: string, keyword: string | undefined): string {
    return keywordLabel(rule, keyword) ?? (keyword ?? '').replace(/_/g, ' ');
}

export const frameLabel = (frame: string) => label('LegalFrame', frame);
export const natureLabel = (k: string | undefined) => label('FundingNature', k);

/** Words that do not change what a funding title says: `Forfait global soins` says `forfait global relatif aux soins`. */
const LINK_WORDS = new Set(['a', 'au', 'aux', 'd', 'de', 'des', 'du', 'l', 'la', 'le', 'les', 'relatif', 'relative', 'relatifs', 'relatives']);

function contentWords(phrase: string): string {
    return plainText(phrase).toLowerCase().split(/[^a-z0-9]+/).filter(w => w !== '' && !LINK_WORDS.has(w)).join(' ');
}

/**
 * The nature of a funding line to print beside its title, or undefined when the title already says it in the same
 * words (`Forfait global relatif aux soins`, nature `forfait_global_soins`): the reader is told it once.
 */
export function natureBesideTitle(title: string | undefined, nature: string | undefined): string | undefined {
    if (nature === undefined) return natureLabel(nature);
    const shown = natureLabel(nature);
    return title !== undefined && contentWords(title) === contentWords(shown) ? undefined : shown;
}
export const sourceLabel = (k: string | undefined) => label('FundingSource', k);
export const indexationLabel = (k: string | undefined) => label('IndexationMethod', k);
export const modalityLabel = (k: string | undefined) => label('Modality', k);
export const statusLabel = (k: string | undefined) => label('LegalStatus', k);
export const authorityKindLabel = (k: string | undefined) => label('AuthorityKind', k);
export const directionLabel = (k: string | undefined) => label('Direction', k);
export const reviewLabel = (k: string | undefined) => label('ReviewKind', k);
export const frequencyLabel = (k: string | undefined) => label('Frequency', k);
export const criterionLabel = (k: string | undefined) => label('ModulationCriterion', k);
export const budgetDocumentLabel = (k: string | undefined) => label('BudgetDocument', k);

/** The heading of a part of the diagnostic: `Organisation et fonctionnement`. */
export const diagnosticAxisLabel = (k: string | undefined) => {
    const text = label('DiagnosticAxis', k);
    return text.charAt(0).toUpperCase() + text.slice(1);
};
