/** Widths of the columns of a Word table, from the lengths of their texts in Arial. */
import { cellText, type Table } from '../document/model.js';
import { TEXT_WIDTH } from './docx-base.js';

export const CELL_MARGIN = 85;

/** Approximate width of a text in Arial, in ems (digits 0.556, capitals about 0.67, narrow letters and spaces 0.28). */
function ems(text: string): number {
    let width = 0;
    for (const ch of text) {
        if (/[0-9]/.test(ch)) width += 0.556;
        else if (/[\s.,;:'’!|()[\]ilj]/.test(ch)) width += 0.28;
        else if (/[ftr\-/]/.test(ch)) width += 0.34;
        else if (/[mwMW%]/.test(ch)) width += 0.86;
        else if (/[A-ZÀ-ÖØ-ÞŒ€]/.test(ch)) width += 0.68;
        else width += 0.54;
    }
    return width;
}

/**
 * Column widths in twips, summing to the text width. Each column is at least as wide as its longest word (numbers,
 * in right-aligned or centred columns, as their whole text: they never wrap), and wants its longest content
 * (capped, so that one long title does not crush the numbers); what is left is shared in proportion.
 */
export function columnWidths(table: Table, count: number, size: number): number[] {
    const em = (size / 2) * 20; // twips
    const width = (text: string, bold: boolean) => ems(text) * em * (bold ? 1.08 : 1);
    // A loop, not `Math.max(...words)`: a text of 100,000 words would overflow the call stack.
    const longestWord = (text: string, bold: boolean) => text.split(/\s+/).reduce((max, w) => Math.max(max, width(w, bold)), 0);
    const padding = 2 * CELL_MARGIN + 60;
    const minimum: number[] = [];
    const wanted: number[] = [];
    for (let i = 0; i < count; i++) {
        const column = table.columns[i];
        const whole = column?.align === 'right' || column?.align === 'center';
        const cells = [
            ...table.rows.map(r => ({ cell: r[i], bold: false })),
            ...(table.footer ?? []).map(r => ({ cell: r[i], bold: true })),
        ].map(({ cell, bold }) => ({ text: cell === undefined ? '' : cellText(cell), bold: bold || (typeof cell === 'object' && cell.strong === true) }));
        const label = column?.label ?? '';
        const min = Math.max(longestWord(label, true), ...cells.map(c => (whole ? width(c.text, c.bold) : longestWord(c.text, c.bold)))) + padding;
        const want = Math.max(min, Math.min(24 * em, Math.max(width(label, true), ...cells.map(c => width(c.text, c.bold)))) + padding);
        minimum.push(min);
        wanted.push(want);
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

