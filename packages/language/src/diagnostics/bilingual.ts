/**
 * Parser messages are built before we know which document (and so which language) they are for:
 * they carry both languages, and the document validator picks one.
 */
import type { Locale, Localized } from './rules.js';

const SEPARATOR = '\u0000';

export function encodeBilingual(text: Localized): string {
    return `${text.fr}${SEPARATOR}${text.en}`;
}

export function decodeBilingual(message: string, locale: Locale): string {
    const at = message.indexOf(SEPARATOR);
    if (at < 0) {
        return message;
    }
    return locale === 'fr' ? message.slice(0, at) : message.slice(at + 1);
}
