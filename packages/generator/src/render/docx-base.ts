/** What the Word renderer's parts share: page geometry, colours, safe text and text runs. */
import { TextRun } from 'docx';
import { isWhiteSpace, TextWriter } from './text-writer.js';

// --- page geometry (twentieths of a point) -------------------------------------------------------------

export const A4 = { width: 11906, height: 16838 };
export const MARGIN = 1418; // 2.5 cm
export const TEXT_WIDTH = A4.width - 2 * MARGIN;

export const FONT = 'Arial';
export const LANGUAGE = { value: 'fr-FR' };
export const BORDER_COLOR = 'A6A6A6';
export const HEADER_FILL = 'DCE3ED';
export const ACCENT = '1F3864';

export const BULLETS = 'cpom-bullets';

// --- text ------------------------------------------------------------------------------------------------

/**
 * Where a text first needs cleaning: a control (a line feed alone needs nothing), DEL, a C1 control, a noncharacter
 * or a surrogate (paired ones are kept, but looked at).
 */
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/;

const TAB = 0x09;
const LF = 0x0A;
const CR = 0x0D;

/**
 * Plain text made safe for a Word run: the characters XML 1.0 forbids removed (controls, lone surrogates, U+FFFE and
 * U+FFFF), DEL and C1 controls too (they mean nothing in a contract), line ends unified, tabs as spaces. One pass
 * (text-writer.ts): three regular expressions, one with a lookbehind tried at every character, took 100 ms on a
 * text of 4 million line breaks, drawn a dozen times (fuzz seed 20261203, input 26916).
 */
export function docxText(value: string): string {
    // A document drafted from a broken version may lack a text: it is drawn as nothing, never a crash.
    if (value === undefined || value === null) return '';
    // Most texts need nothing: one test (a big contract has 100,000 texts).
    const first = value.search(NEEDS_CLEANING);
    if (first < 0) return value;
    const out = new TextWriter(value.length);
    out.slice(value, 0, first);
    for (let i = first; i < value.length;) {
        const code = value.charCodeAt(i);
        if (isKept(code)) {
            // A stretch of ordinary text is copied at once.
            let end = i + 1;
            while (end < value.length && isKept(value.charCodeAt(end))) end++;
            out.slice(value, i, end);
            i = end;
        } else if (code === CR) {
            out.unit(LF);
            i += value.charCodeAt(i + 1) === LF ? 2 : 1;
        } else if (code === TAB) {
            out.unit(0x20);
            i++;
        } else if (code >= 0xD800 && code <= 0xDBFF && isLowSurrogate(value.charCodeAt(i + 1))) {
            out.slice(value, i, i + 2);
            i += 2;
        } else {
            // Forbidden, or a lone surrogate (a low one after its high is copied with it, above).
            i++;
        }
    }
    return out.toString();
}

/** Copied as it is: anything but a control other than LF, DEL, a C1 control, a surrogate, U+FFFE or U+FFFF. */
function isKept(code: number): boolean {
    if (code < 0x20) return code === LF;
    if (code < 0xA0) return code < 0x7F;
    return code < 0xD800 || (code > 0xDFFF && code < 0xFFFE);
}

function isLowSurrogate(code: number): boolean {
    return code >= 0xDC00 && code <= 0xDFFF;
}

export interface RunStyle {
    readonly bold?: boolean;
    readonly italics?: boolean;
    readonly size?: number;
    readonly color?: string;
}

/**
 * The lines of a text, each run of blank lines kept as its first: a text of 100,000 line breaks would otherwise be
 * 100,000 runs (minutes, and the memory, of the docx library). One pass: once a blank line is seen, the white
 * space after it is skipped to its last line break without cutting it into lines (splitting 4 million line breaks
 * and trimming each took 300 ms, fuzz seed 20261203, input 26916).
 */
export function keptLines(text: string): string[] {
    const lines: string[] = [];
    let previousBlank = false;
    for (let start = 0; ;) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        const blank = start === end || (isWhiteSpace(text.charCodeAt(start)) && nextNonWhite(text, start) >= end);
        if (start === 0 || !blank || !previousBlank) lines.push(text.slice(start, end));
        previousBlank = blank;
        if (end === text.length) return lines;
        let next = end + 1;
        if (blank) {
            // The lines in the white space that follows are blank: dropped, up to the last line break in it.
            const last = text.lastIndexOf('\n', nextNonWhite(text, next) - 1);
            if (last >= next) next = last + 1;
        }
        start = next;
    }
}

const NON_WHITE = /\S/g;

/** Where the first character that is not white space is, from `from` (the engine skips white space natively). */
function nextNonWhite(text: string, from: number): number {
    NON_WHITE.lastIndex = from;
    return NON_WHITE.exec(text)?.index ?? text.length;
}

/** Text runs for a string; a line break in the text becomes a Word line break (blank lines in a row as one). */
export function runs(value: string, style: RunStyle = {}): TextRun[] {
    return keptLines(docxText(value)).map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}
