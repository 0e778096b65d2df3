/**
 * French quotation marks with no-break spaces inside: `« Titre »`. A text that holds guillemets of its own is quoted
 * as French typography quotes within a quote: its « … » become “…” (never « « … » »).
 */
export function quote(text: string): string {
    return `«\u00A0${innerQuotes(text)}\u00A0»`;
}

/** « … » inside a quoted text as “…”, the spaces inside them dropped. One linear pass over the text. */
function innerQuotes(text: string): string {
    if (!text.includes('«') && !text.includes('»')) return text;
    let out = '';
    // Spaces are held back until the next character: dropped before a closing », kept before anything else.
    let spaces = '';
    let afterOpening = false;
    for (const c of text) {
        if (isSpace(c)) {
            if (!afterOpening) spaces += c;
            continue;
        }
        afterOpening = c === '«';
        if (c === '«') {
            out += `${spaces}“`;
        } else if (c === '»') {
            out += '”';
        } else {
            out += spaces + c;
        }
        spaces = '';
    }
    return out + spaces;
}

function isSpace(c: string): boolean {
    return c === ' ' || c === '\t' || c === '\u00A0' || c === '\u202F';
}
