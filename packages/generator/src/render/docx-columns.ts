/**
 * Widths of the columns of a Word table, from the lengths of their texts. Word draws the document in Arial; LibreOffice
 * draws it in Liberation Sans where installed (Arial's metrics) and otherwise in DejaVu Sans, up to 15 % wider: texts
 * are measured in DejaVu Sans, so that no word or number is cut inside a cell in either program.
 */
import { type Cell, cellText, type Table } from '../document/model.js';
import { TEXT_WIDTH } from './docx-base.js';

export const CELL_MARGIN = 85;

/** Bold DejaVu Sans is about a tenth wider than the regular face. */
const BOLD = 1.1;

/** Width of a character in DejaVu Sans, in ems (digits 0.636, capitals about 0.7, narrow letters and spaces 0.28 to 0.34). */
function charEms(ch: string): number {
    if (/[0-9€]/.test(ch)) return 0.636;
    if (/[\s.,'’|!ilj]/.test(ch)) return 0.318;
    if (/[;:/]/.test(ch)) return 0.337;
    if (/[()[\]ftr-]/.test(ch)) return 0.411;
    if (/[mwMW%]/.test(ch)) return 0.974;
    if (/[A-ZÀ-ÖØ-ÞŒ]/.test(ch)) return 0.72;
    return 0.62;
}

/**
 * Widths of the code units, each computed once when first met: a big contract's tables measure millions of
 * characters, and a regular expression per character took 80 ms on a table of 4 million `‰` (fuzz seed 20261203,
 * input 30412). A surrogate pair, or a lone surrogate, is as wide as any other character (0.62).
 */
const EMS = new Float64Array(0x10000).fill(Number.NaN);

function emsOf(code: number): number {
    let width = EMS[code]!;
    if (Number.isNaN(width)) {
        width = charEms(String.fromCharCode(code));
        EMS[code] = width;
    }
    return width;
}

/** Where a line may break: spaces, tabs and line ends, not the no-break spaces of `150 000 €` or `n° 3`. */
const breaks = (code: number) => code === 0x20 || code === 0x09 || code === 0x0A || code === 0x0D;

export interface TextMeasure {
    readonly whole: number;
    readonly longestWord: number;
}

/** Width in ems of a whole text and of its longest word (words split where a line may break), in one pass. */
export function measure(text: string): TextMeasure {
    let whole = 0;
    let word = 0;
    let longestWord = 0;
    // By code unit, not `for…of` (an iterator step per character: 2 s for a table of 4 million characters).
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const width = emsOf(code);
        const breaking = breaks(code);
        // A pair is one character: its low half is not measured again.
        if (code >= 0xD800 && code <= 0xDBFF && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++;
        whole += width;
        if (breaking) {
            if (word > longestWord) longestWord = word;
            word = 0;
        } else {
            word += width;
        }
    }
    return { whole, longestWord: Math.max(longestWord, word) };
}

function isLowSurrogate(code: number): boolean {
    return code >= 0xDC00 && code <= 0xDFFF;
}

/** A Word table's run size (half-points) and column widths (twips, summing to the text width). */
export interface ColumnLayout {
    readonly size: number;
    readonly widths: number[];
}

/** The smallest run size a table is shrunk to so that its words fit whole (7 points). */
const SMALLEST_SIZE = 14;

/**
 * Column widths in twips, summing to the text width (`textWidth`, the contract's by default), at the `preferred` run
 * size or, when the words of the table cannot fit whole at that size, at the largest size down to 7 points where
 * they do (`measureText`: a renderer passes its cache of long texts' measures). Each column is at least as wide as its longest word (numbers, in right-aligned or centred columns, as
 * their whole text: they never wrap), and wants its longest content (capped, so that one long title does not crush
 * the numbers); what is left goes to the columns of text.
 */
export function columnLayout(table: Table, count: number, preferred: number, textWidth = TEXT_WIDTH, measureText: (text: string) => TextMeasure = measure): ColumnLayout {
    const padding = 2 * CELL_MARGIN + 60;
    // In ems of the run size: the narrowest each column can be, and the width it wants.
    const minimumEms: number[] = [];
    const wantedEms: number[] = [];
    for (let i = 0; i < count; i++) {
        const column = table.columns[i];
        const whole = column?.align === 'right' || column?.align === 'center';
        const label = measureText(column?.label ?? '');
        // Loops, not `Math.max(...cells)`: a table of 100,000 rows would overflow the call stack.
        let min = label.longestWord * BOLD;
        let longest = label.whole * BOLD;
        const visit = (cell: Cell | undefined, footer: boolean) => {
            const size = measureText(cell === undefined ? '' : cellText(cell));
            const factor = footer || (typeof cell === 'object' && cell.strong === true) ? BOLD : 1;
            min = Math.max(min, (whole ? size.whole : size.longestWord) * factor);
            longest = Math.max(longest, size.whole * factor);
        };
        for (const row of table.rows) visit(row[i], false);
        for (const row of table.footer ?? []) visit(row[i], true);
        minimumEms.push(min);
        wantedEms.push(Math.max(min, Math.min(24, longest)));
    }
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    // The largest size at which the narrowest columns fit: sum(minimum) × em + count × padding ≤ text width.
    const fitting = Math.floor(((textWidth - count * padding) / Math.max(sum(minimumEms), 1e-9)) / 10);
    const size = Math.max(SMALLEST_SIZE, Math.min(preferred, fitting));
    const em = (size / 2) * 20; // twips
    const minimum = minimumEms.map(m => m * em + padding);
    const wanted = wantedEms.map(w => w * em + padding);
    let widths: number[];
    // Columns of text (left-aligned, they wrap) take the room left over; numbers keep the width they need.
    const wraps = Array.from({ length: count }, (_, i) => table.columns[i]?.align !== 'right' && table.columns[i]?.align !== 'center');
    const wrappingWanted = sum(wanted.filter((_, i) => wraps[i]));
    if (sum(wanted) <= textWidth && wrappingWanted > 0) {
        const spare = textWidth - sum(wanted);
        widths = wanted.map((w, i) => (wraps[i] ? w + (spare * w) / wrappingWanted : w));
    } else if (sum(wanted) <= textWidth) {
        widths = wanted.map(w => w * (textWidth / sum(wanted)));
    } else if (sum(minimum) <= textWidth) {
        const spare = textWidth - sum(minimum);
        const growth = sum(wanted) - sum(minimum);
        widths = minimum.map((m, i) => m + (spare * (wanted[i]! - m)) / growth);
    } else {
        widths = minimum.map(m => m * (textWidth / sum(minimum)));
    }
    const result = widths.map(w => Math.floor(w));
    const widest = result.indexOf(Math.max(...result));
    result[widest]! += textWidth - sum(result);
    return { size, widths: result };
}
