/**
 * The one Markdown escaper of cpom: the contract document (render/markdown.ts), the diff and the avenant write user
 * text through it. Plain text in, GFM out that renders as the characters typed. Pure: no I/O.
 */
/** Characters that mean something inline in GFM (emphasis, code, links, tables, strikethrough, math, headings). */
const INLINE_SPECIALS = /[\\`*_[\]#|~$]/g;
/** HTML and entities: written as entities, so that no tag (`<script`, `<img`) appears in the file at all. */
const HTML_SPECIALS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes text for a Markdown paragraph, list item, heading or table cell: no markup, no HTML, one line. */
export function escapeMarkdown(value: string): string {
    // A run of white space holding a line break becomes one space. Each run is matched once: `/\s*[\r\n]+\s*/`
    // would rescan a long run of spaces from each of them (quadratic).
    const line = (value ?? '')
        .replace(/\s+/g, run => (/[\r\n]/.test(run) ? ' ' : run))
        .replace(INLINE_SPECIALS, c => `\\${c}`)
        .replace(/[&<>]/g, c => HTML_SPECIALS[c]!)
        // GFM's extended autolinks (`https://…`, `www.…`, `nom@domaine`): the trigger escaped, the text stays as typed.
        .replace(/:\/\//g, '\\://')
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(/@/g, '\\@');
    // What starts a block at the start of a line: list markers ("- ", "+ ", "1. "), thematic breaks and setext
    // underlines ("---", "==="). Escaped wherever a text starts: harmless in the middle of a line.
    return line.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Escapes text for a GFM table cell (`|` included, line breaks as spaces). */
export const escapeCell = escapeMarkdown;

