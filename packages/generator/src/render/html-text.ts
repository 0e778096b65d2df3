/** Text into HTML, shared by the contract document and the follow-up report: every user string goes through here. */
import { frenchSpacing } from './common.js';
import { replaceCharacters, replacementTable } from './text-writer.js';

const HTML_ESCAPES = replacementTable({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' });

/** Escapes text for element content and quoted attribute values (one pass: a callback per match was slow). */
export function escapeHtml(value: string): string {
    return replaceCharacters(value ?? '', /[&<>"']/, HTML_ESCAPES);
}

/** Document text as HTML: French spacing, then escaped. */
export function htmlText(value: string): string {
    return escapeHtml(frenchSpacing(value));
}
