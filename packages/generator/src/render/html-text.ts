/** Text into HTML, shared by the contract document and the follow-up report: every user string goes through here. */
import { frenchSpacing } from './common.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(value: string): string {
    return (value ?? '').replace(/[&<>"']/g, c => HTML_ESCAPES[c]!);
}

/** Document text as HTML: French spacing, then escaped. */
export function htmlText(value: string): string {
    return escapeHtml(frenchSpacing(value));
}
