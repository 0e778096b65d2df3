/**
 * WordprocessingML written as strings, for the bulk of the Word document (paragraphs, runs, tables): the `docx`
 * library's object model and serialiser cost ~10 µs per element, which made a 5,000-line contract take seconds
 * (issue 15). The markup is the one `docx` 9.5 writes for the same options, element for element and attribute for
 * attribute, so the document reads the same in Word and LibreOffice (tests/docx.test.ts, tests/docx-writer.test.ts).
 *
 * Every string goes through `escapeXml`: text and attribute values alike.
 */
import { docxText, keptLines } from './docx-base.js';
import { frenchSpacing } from './common.js';
import { replaceCharacters, replacementTable } from './text-writer.js';

const XML_ESCAPES = replacementTable({ '&': '&amp;', '"': '&quot;', '\'': '&apos;', '<': '&lt;', '>': '&gt;' });

/** The five XML specials as entities (as `docx` writes them), in one pass (a callback per match was slow). */
export function escapeXml(value: string): string {
    return replaceCharacters(value, /[&"'<>]/, XML_ESCAPES);
}

/** An on/off property: `<w:b/>` when on, `<w:b w:val="false"/>` when explicitly off. */
const onOff = (name: string, on: boolean) => (on ? `<${name}/>` : `<${name} w:val="false"/>`);

export interface RunOptions {
    readonly bold?: boolean;
    readonly italics?: boolean;
    /** Half-points. */
    readonly size?: number;
    readonly color?: string;
}

/** `<w:rPr>` of a run, empty when there is nothing to say (the order is the schema's, as `docx` writes it). */
function runProperties(style: RunOptions): string {
    let properties = '';
    if (style.bold !== undefined) properties += onOff('w:b', style.bold) + onOff('w:bCs', style.bold);
    if (style.italics !== undefined) properties += onOff('w:i', style.italics) + onOff('w:iCs', style.italics);
    if (style.color) properties += `<w:color w:val="${escapeXml(style.color)}"/>`;
    if (style.size !== undefined) properties += `<w:sz w:val="${style.size}"/>`;
    if (style.size) properties += `<w:szCs w:val="${style.size}"/>`;
    return properties ? `<w:rPr>${properties}</w:rPr>` : '';
}

/** One run of plain text; `lineBreak` puts a Word line break before it. */
export function textRunXml(text: string, style: RunOptions = {}, lineBreak = false): string {
    return `<w:r>${runProperties(style)}${lineBreak ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** Text runs for a string; a line break in the text becomes a Word line break (blank lines in a row as one). */
export function runsXml(value: string, style: RunOptions = {}): string {
    return linesXml(docxLines(value), style);
}

/** The lines a string is drawn as in Word (what `runsXml` draws; a renderer keeps those of its long texts). */
export function docxLines(value: string): readonly string[] {
    // French spacing as in the HTML and Markdown: no colon at the start of a line, no "L." at the end of one.
    const text = frenchSpacing(docxText(value));
    return text.includes('\n') ? keptLines(text) : [text];
}

/** Text runs for lines, a Word line break between them. */
export function linesXml(lines: readonly string[], style: RunOptions = {}): string {
    return lines.length === 1 ? textRunXml(lines[0]!, style) : lines.map((line, i) => textRunXml(line, style, i > 0)).join('');
}

export interface ParagraphOptions {
    readonly style?: string;
    readonly keepNext?: boolean;
    readonly pageBreakBefore?: boolean;
    /** The `w:numId` of a bullet list, level 0. */
    readonly numId?: number;
    readonly spacingAfter?: number;
    readonly alignment?: 'left' | 'right' | 'center';
}

/** `<w:pPr>`, in the schema's order, empty when there is nothing to say. */
function paragraphProperties(options: ParagraphOptions): string {
    let properties = '';
    if (options.style) properties += `<w:pStyle w:val="${escapeXml(options.style)}"/>`;
    if (options.keepNext !== undefined) properties += onOff('w:keepNext', options.keepNext);
    if (options.pageBreakBefore) properties += '<w:pageBreakBefore/>';
    if (options.numId !== undefined) properties += `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${options.numId}"/></w:numPr>`;
    if (options.spacingAfter !== undefined) properties += `<w:spacing w:after="${options.spacingAfter}"/>`;
    if (options.alignment) properties += `<w:jc w:val="${options.alignment}"/>`;
    return properties ? `<w:pPr>${properties}</w:pPr>` : '';
}

/** A paragraph of already written content (runs, hyperlinks, bookmarks). */
export function paragraphXml(options: ParagraphOptions, content: string): string {
    const inner = paragraphProperties(options) + content;
    return inner ? `<w:p>${inner}</w:p>` : '<w:p/>';
}

/** A run linked to a bookmark of the same document. */
export function internalLinkXml(anchor: string, content: string): string {
    return `<w:hyperlink w:history="1" w:anchor="${escapeXml(anchor)}">${content}</w:hyperlink>`;
}

export interface Border {
    readonly style: 'single' | 'dotted' | 'none';
    readonly size: number;
    readonly color: string;
}

const borderXml = (name: string, border: Border) => `<${name} w:val="${border.style}" w:color="${border.color}" w:sz="${border.size}"/>`;

/** `<w:tcBorders>` / the four sides of a cell. */
export function cellBordersXml(sides: { top?: Border; left?: Border; bottom?: Border; right?: Border }): string {
    let content = '';
    if (sides.top) content += borderXml('w:top', sides.top);
    if (sides.left) content += borderXml('w:left', sides.left);
    if (sides.bottom) content += borderXml('w:bottom', sides.bottom);
    if (sides.right) content += borderXml('w:right', sides.right);
    return `<w:tcBorders>${content}</w:tcBorders>`;
}

export interface CellOptions {
    readonly width: number;
    readonly borders?: string;
    readonly fill?: string;
    readonly verticalAlign?: 'top' | 'bottom';
}

/** A table cell of `width` twips holding already written paragraphs. */
export function cellXml(options: CellOptions, paragraphs: string): string {
    return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${options.width}"/>${options.borders ?? ''}`
        + `${options.fill ? `<w:shd w:fill="${options.fill}" w:color="auto" w:val="clear"/>` : ''}`
        + `${options.verticalAlign ? `<w:vAlign w:val="${options.verticalAlign}"/>` : ''}</w:tcPr>${paragraphs}</w:tc>`;
}

export interface RowOptions {
    readonly header?: boolean;
    readonly cantSplit?: boolean;
    /** Minimum height in twips. */
    readonly minHeight?: number;
}

/** The start of a table row, up to its first cell (the row ends with `</w:tr>`). */
export function rowStartXml(options: RowOptions): string {
    let properties = '';
    if (options.cantSplit) properties += '<w:cantSplit/>';
    if (options.header !== undefined) properties += onOff('w:tblHeader', options.header);
    if (options.minHeight !== undefined) properties += `<w:trHeight w:val="${options.minHeight}" w:hRule="atLeast"/>`;
    return `<w:tr>${properties ? `<w:trPr>${properties}</w:trPr>` : ''}`;
}

export interface TableOptions {
    readonly width: number;
    readonly columnWidths: readonly number[];
    /** One border for the four sides and the inside lines. */
    readonly border: Border;
    readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
}

/**
 * The start of a table of fixed layout, up to its first row (the table ends with `</w:tbl>`): widths in twips, the
 * same border everywhere, cell margins.
 */
export function tableStartXml(options: TableOptions): string {
    const { border, margins } = options;
    const borders = ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map(side => borderXml(side, border)).join('');
    return `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${options.width}"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>`
        + `<w:tblCellMar><w:top w:type="dxa" w:w="${margins.top}"/><w:left w:type="dxa" w:w="${margins.left}"/>`
        + `<w:bottom w:type="dxa" w:w="${margins.bottom}"/><w:right w:type="dxa" w:w="${margins.right}"/></w:tblCellMar></w:tblPr>`
        + `<w:tblGrid>${options.columnWidths.map(w => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
}
