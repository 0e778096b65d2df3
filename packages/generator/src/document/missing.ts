/**
 * What the document shows where a broken text lacks a value (`cpom generate --force` on a contract with syntax
 * errors): a visible French placeholder, never "undefined" nor an empty gap that reads as a real value.
 */
export const MISSING = {
    title: '[titre manquant]',
    name: '[nom manquant]',
    date: '[date manquante]',
    amount: '[montant manquant]',
    value: '[valeur manquante]',
    year: '[année manquante]',
    text: '[texte manquant]',
    number: '[numéro manquant]',
    kind: '[type manquant]',
    month: '[mois manquant]',
} as const;

/** The value as typed, or the placeholder when the text lacks it. */
export function orMissing(value: string | undefined, placeholder: string): string {
    return value ?? placeholder;
}
