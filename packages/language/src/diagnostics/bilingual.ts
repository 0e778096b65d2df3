/**
 * Parser messages are built before we know which document (and so which language) they are for:
 * they carry both languages, and the document validator picks one. A message may also carry words to suggest
 * ("vouliez-vous dire …"), which the validator passes on as the diagnostic's parameters for the quick fix.
 */
import type { Locale, Localized } from './rules.js';

const SEPARATOR = '\u0000';
const WORD_SEPARATOR = '\u0001';

export function encodeBilingual(text: Localized, suggestions: readonly string[] = []): string {
    const encoded = `${text.fr}${SEPARATOR}${text.en}`;
    return suggestions.length > 0 ? `${encoded}${SEPARATOR}${suggestions.join(WORD_SEPARATOR)}` : encoded;
}

export function decodeBilingual(message: string, locale: Locale): string {
    const parts = message.split(SEPARATOR);
    if (parts.length < 2) {
        return message;
    }
    return locale === 'fr' ? parts[0] : parts[1];
}

/** The words a message suggests, if any. */
export function decodeSuggestions(message: string): string[] {
    const words = message.split(SEPARATOR)[2];
    return words ? words.split(WORD_SEPARATOR) : [];
}
