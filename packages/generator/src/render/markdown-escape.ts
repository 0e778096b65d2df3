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
    const line = oneLine(value ?? '')
        .replace(INLINE_SPECIALS, '\\$&')
        .replace(/[&<>]/g, c => HTML_SPECIALS[c]!)
        // GFM's extended autolinks (`https://…`, `www.…`, `nom@domaine`): the trigger escaped, the text stays as typed.
        .replace(/:\/\//g, '\\://')
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(/@/g, '\\@');
    // What starts a block at the start of a line: list markers ("- ", "+ ", "1. "), thematic breaks and setext
    // underlines ("---", "==="). Escaped wherever a text starts: harmless in the middle of a line.
    return line.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

// The text with each run of white space that holds a line break as one space, in one pass: `/\s*[\r\n]+\s*/`
// rescanned a long run of spaces from each of them (quadratic), and a callback per run of white space took
// seconds on a text of 500,000 words.
function oneLine(text: string): string {
    let out = '';
    let copied = 0;
    for (let i = text.search(/[\r\n]/); i >= 0 && i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 0x0A && c !== 0x0D) continue;
        let start = i;
        while (start > copied && WHITE_SPACE.test(text.charAt(start - 1))) start--;
        let end = i + 1;
        while (end < text.length && WHITE_SPACE.test(text.charAt(end))) end++;
        out += `${text.slice(copied, start)} `;
        copied = end;
        i = end - 1;
    }
    return copied === 0 ? text : out + text.slice(copied);
}

const WHITE_SPACE = /^\s$/;

/** Escapes text for a GFM table cell (`|` included, line breaks as spaces). */
export const escapeCell = escapeMarkdown;

