/** What the Word renderer's parts share: page geometry, colours, safe text and text runs. */
import { TextRun } from 'docx';

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

/** Characters XML 1.0 forbids, plus DEL and C1 controls, which mean nothing in a contract. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Plain text made safe for a Word run: forbidden characters removed, line ends unified, tabs as spaces. */
export function docxText(value: string): string {
    // A document drafted from a broken version may lack a text: it is drawn as nothing, never a crash.
    if (value === undefined || value === null) return '';
    // Most texts need nothing: one test instead of three replacements (a big contract has 100,000 texts).
    if (!NEEDS_CLEANING.test(value)) return value;
    return value.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '').replace(/\t/g, ' ');
}

export interface RunStyle {
    readonly bold?: boolean;
    readonly italics?: boolean;
    readonly size?: number;
    readonly color?: string;
}

/**
 * Text runs for a string; a line break in the text becomes a Word line break. Blank lines in a row are kept as one:
 * a text of 100,000 line breaks would otherwise be 100,000 runs (minutes, and the memory, of the docx library).
 */
export function runs(value: string, style: RunStyle = {}): TextRun[] {
    const lines = docxText(value).split('\n').filter((line, i, all) => i === 0 || line.trim() !== '' || all[i - 1].trim() !== '');
    return lines.map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}
