/** Widths of the columns of a Word table, from the lengths of their texts in Arial. */
import { type Cell, cellText, type Table } from '../document/model.js';
import { TEXT_WIDTH } from './docx-base.js';

export const CELL_MARGIN = 85;

/** Approximate width of a character in Arial, in ems (digits 0.556, capitals about 0.67, narrow letters and spaces 0.28). */
function charEms(ch: string): number {
    if (/[0-9]/.test(ch)) return 0.556;
    if (/[\s.,;:'’!|()[\]ilj]/.test(ch)) return 0.28;
    if (/[ftr\-/]/.test(ch)) return 0.34;
    if (/[mwMW%]/.test(ch)) return 0.86;
    if (/[A-ZÀ-ÖØ-ÞŒ€]/.test(ch)) return 0.68;
    return 0.54;
}

/** Widths of the first 8,192 code units, computed once: a big contract's tables measure millions of characters. */
const BMP_EMS = Float64Array.from({ length: 0x2000 }, (_, code) => charEms(String.fromCharCode(code)));
const BMP_SPACE = Uint8Array.from({ length: 0x2000 }, (_, code) => (/\s/.test(String.fromCharCode(code)) ? 1 : 0));

/** Width in ems of a whole text and of its longest word (words split at white space), in one pass. */
function measure(text: string): { whole: number; longestWord: number } {
    let whole = 0;
    let word = 0;
    let longestWord = 0;
    for (const ch of text) {
        const code = ch.charCodeAt(0);
        const known = ch.length === 1 && code < BMP_EMS.length;
        const width = known ? BMP_EMS[code]! : charEms(ch);
        whole += width;
        if (known ? BMP_SPACE[code] === 1 : /\s/.test(ch)) {
            if (word > longestWord) longestWord = word;
            word = 0;
        } else {
            word += width;
        }
    }
    return { whole, longestWord: Math.max(longestWord, word) };
}

/**
 * Column widths in twips, summing to the text width. Each column is at least as wide as its longest word (numbers,
 * in right-aligned or centred columns, as their whole text: they never wrap), and wants its longest content
 * (capped, so that one long title does not crush the numbers); what is left is shared in proportion.
 */
export function columnWidths(table: Table, count: number, size: number): number[] {
    const em = (size / 2) * 20; // twips
    const scale = (bold: boolean) => em * (bold ? 1.08 : 1);
    const padding = 2 * CELL_MARGIN + 60;
    const minimum: number[] = [];
    const wanted: number[] = [];
    for (let i = 0; i < count; i++) {
        const column = table.columns[i];
        const whole = column?.align === 'right' || column?.align === 'center';
        const label = measure(column?.label ?? '');
        // Loops, not `Math.max(...cells)`: a table of 100,000 rows would overflow the call stack.
        let min = label.longestWord * scale(true);
        let longest = label.whole * scale(true);
        const visit = (cell: Cell | undefined, footer: boolean) => {
            const size = measure(cell === undefined ? '' : cellText(cell));
            const factor = scale(footer || (typeof cell === 'object' && cell.strong === true));
            min = Math.max(min, (whole ? size.whole : size.longestWord) * factor);
            longest = Math.max(longest, size.whole * factor);
        };
        for (const row of table.rows) visit(row[i], false);
        for (const row of table.footer ?? []) visit(row[i], true);
        min += padding;
        minimum.push(min);
        wanted.push(Math.max(min, Math.min(24 * em, longest) + padding));
    }
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    let widths: number[];
    if (sum(wanted) <= TEXT_WIDTH) {
        widths = wanted.map(w => w * (TEXT_WIDTH / sum(wanted)));
    } else if (sum(minimum) <= TEXT_WIDTH) {
        const spare = TEXT_WIDTH - sum(minimum);
        const growth = sum(wanted) - sum(minimum);
        widths = minimum.map((m, i) => m + (spare * (wanted[i]! - m)) / growth);
    } else {
        widths = minimum.map(m => m * (TEXT_WIDTH / sum(minimum)));
    }
    const result = widths.map(w => Math.floor(w));
    const widest = result.indexOf(Math.max(...result));
    result[widest]! += TEXT_WIDTH - sum(result);
    return result;
}

