/**
 * The one Markdown escaper of cpom: the contract document (render/markdown.ts), the diff and the avenant write user
 * text through it. Plain text in, GFM out that renders as the characters typed. Pure: no I/O.
 */
import { isWhiteSpace, replacementTable, TextWriter } from './text-writer.js';

/**
 * Characters that mean something inline in GFM (emphasis, code, links, tables, strikethrough, math, headings) get
 * a backslash; HTML's are written as entities, so that no tag (`<script`, `<img`) appears in the file at all; `@`
 * of an email autolink gets a backslash.
 */
const REPLACEMENTS = replacementTable({
    ...Object.fromEntries([...'\\`*_[]#|~$@'].map(c => [c, `\\${c}`])),
    '&': '&amp;', '<': '&lt;', '>': '&gt;',
});
/** Where the text first needs the loop below: a special, a line break, or an autolink's `://` or `www.`. */
const TRIGGER = /[\\`*_[\]#|~$@&<>\r\n]|:\/\/|\bwww\./i;

const LF = 0x0A;
const CR = 0x0D;
const SPACE = 0x20;
const BACKSLASH = 0x5C;
const COLON = 0x3A;
const SLASH = 0x2F;

/** Escapes text for a Markdown paragraph, list item, heading or table cell: no markup, no HTML, one line. */
export function escapeMarkdown(value: string): string {
    const text = value ?? '';
    const line = TRIGGER.test(text) ? escapeInline(text) : text;
    // What starts a block at the start of a line: list markers ("- ", "+ ", "1. "), thematic breaks and setext
    // underlines ("---", "==="). Escaped wherever a text starts: harmless in the middle of a line.
    return line.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * One pass over the text (text-writer.ts: a regular expression replace per kind of special cost a second per
 * million specials): each run of white space that holds a line break as one space, the specials escaped, and
 * GFM's extended autolinks (`https://…`, `www.…`, `nom@domaine`) made inert — the trigger escaped, the text as typed.
 */
function escapeInline(text: string): string {
    const out = new TextWriter(text.length + 16);
    for (let i = 0; i < text.length;) {
        const code = text.charCodeAt(i);
        if (isWhiteSpace(code)) {
            let end = i;
            let breaks = false;
            for (; end < text.length && isWhiteSpace(text.charCodeAt(end)); end++) {
                const c = text.charCodeAt(end);
                if (c === LF || c === CR) breaks = true;
            }
            if (breaks) out.unit(SPACE);
            else out.slice(text, i, end);
            i = end;
            continue;
        }
        const replacement = code < 128 ? REPLACEMENTS[code] : undefined;
        if (replacement !== undefined) {
            // A run of one special (a name of a million backslashes) is escaped in one repeat.
            let end = i + 1;
            while (end < text.length && text.charCodeAt(end) === code) end++;
            out.repeat(replacement, end - i);
            i = end;
            continue;
        } else if (isPlain(code)) {
            // Plain text is copied a stretch at a time.
            let end = i + 1;
            while (end < text.length && isPlain(text.charCodeAt(end))) end++;
            out.slice(text, i, end);
            i = end;
            continue;
        } else if (code === COLON && text.charCodeAt(i + 1) === SLASH && text.charCodeAt(i + 2) === SLASH) {
            out.unit(BACKSLASH);
            out.unit(code);
        } else if (startsWww(text, i)) {
            out.slice(text, i, i + 3);
            out.unit(BACKSLASH);
            out.unit(text.charCodeAt(i + 3));
            i += 4;
            continue;
        } else {
            out.unit(code);
        }
        i++;
    }
    return out.toString();
}

/** A character the loop copies as it is (not white space, a special, `:` or `w`). */
function isPlain(code: number): boolean {
    if (code >= 128) return !isWhiteSpace(code);
    return REPLACEMENTS[code] === undefined && code > SPACE && code !== COLON && (code | 0x20) !== 0x77;
}

/** `/\bwww\./i` at `i`. */
function startsWww(text: string, i: number): boolean {
    const w = (at: number) => (text.charCodeAt(at) | 0x20) === 0x77;
    return w(i) && w(i + 1) && w(i + 2) && text.charCodeAt(i + 3) === 0x2E && !(i > 0 && isWordCharacter(text.charCodeAt(i - 1)));
}

function isWordCharacter(code: number): boolean {
    return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7A) || code === 0x5F;
}

/** Escapes text for a GFM table cell (`|` included, line breaks as spaces). */
export const escapeCell = escapeMarkdown;
