/**
 * Renders the follow-up report as a Word document with the `docx` library: Word heading styles, A4, French,
 * tables with a header row, and each chart as an SVG picture with its PNG fallback (Word before 2016 and
 * LibreOffice show the PNG), followed by its data table. The PNG comes from the caller's `rasterise` (the CLI
 * uses resvg); without it a chart is given as its data table only, with a note. Pure: no I/O. Texts go through
 * the contract renderer's `docxText` (characters XML forbids removed); `docx` escapes XML specials.
 */
import {
    AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, ShadingType, Table as DocxTable,
    TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import { type Cell, cellText, type Table } from '../document/model.js';
import { docxText } from '../render/docx-base.js';
import { frenchSpacing } from '../render/common.js';
import { columnLayout } from '../render/docx-columns.js';
import type { FollowUpReport, ReportBlock, ReportFigure, ReportSection } from './model.js';

export interface FollowUpDocxOptions {
    /** SVG to PNG, for the pictures of the charts; undefined (or a throw) gives the data table only. */
    readonly rasterise?: (svg: string, width: number) => Uint8Array | undefined;
}

const FONT = 'Arial';
const ACCENT = '1F3864';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

const run = (text: string, style: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) =>
    new TextRun({ ...style, text: frenchSpacing(docxText(text).replace(/\n/g, ' ')) });

export async function renderFollowUpDocx(report: FollowUpReport, options: FollowUpDocxOptions = {}): Promise<Uint8Array> {
    const children: Array<Paragraph | DocxTable> = [
        new Paragraph({ children: [run(report.heading, { size: 28, color: ACCENT, bold: true })] }),
        new Paragraph({ heading: HeadingLevel.TITLE, children: [run(report.title)] }),
    ];
    if (report.subtitle) children.push(new Paragraph({ children: [run(report.subtitle, { italics: true })] }));
    for (const section of report.sections) children.push(...sectionOf(section, 0, options));
    const document = new Document({
        creator: 'cpom', title: `${report.heading} — ${report.title}`,
        styles: { default: { document: { run: { font: FONT, size: 20, language: { value: 'fr-FR' } } } } },
        sections: [{
            properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, footer: 567 } } },
            // A report of several pages read in a comité: "Page X sur Y", as in the PDF.
            footers: {
                default: new Footer({
                    children: [new Paragraph({
                        alignment: AlignmentType.CENTER,
                        children: [new TextRun({ size: 16, color: '595959', children: ['Page ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES] })],
                    })],
                }),
            },
            children,
        }],
    });
    return new Uint8Array(await Packer.toBuffer(document));
}

function sectionOf(section: ReportSection, depth: number, options: FollowUpDocxOptions): Array<Paragraph | DocxTable> {
    return [
        new Paragraph({ heading: HEADINGS[Math.min(depth, 3)], children: [run(section.title)] }),
        ...section.blocks.flatMap(b => blockOf(b, depth + 1, options)),
    ];
}

function blockOf(block: ReportBlock, depth: number, options: FollowUpDocxOptions): Array<Paragraph | DocxTable> {
    switch (block.kind) {
        case 'paragraph':
            return [new Paragraph({ spacing: { after: 120 }, children: [run(block.text, block.style === 'headline' ? { bold: true, size: 26, color: ACCENT } : block.style === 'note' ? { italics: true } : {})] })];
        case 'list': return block.items.map(i => new Paragraph({ bullet: { level: 0 }, children: [run(i)] }));
        case 'table': return tableOf(block);
        case 'figure': return figureOf(block, options);
        case 'section': return sectionOf(block, depth, options);
    }
}

function figureOf(figure: ReportFigure, options: FollowUpDocxOptions): Array<Paragraph | DocxTable> {
    let png: Uint8Array | undefined;
    try {
        png = options.rasterise?.(figure.svg, figure.width * 2);
    } catch {
        png = undefined;
    }
    const width = 600;
    const height = Math.round(figure.height * width / figure.width);
    const picture = png
        ? new Paragraph({
            keepNext: true,
            children: [new ImageRun({
                type: 'svg', data: new TextEncoder().encode(figure.svg), fallback: { type: 'png', data: png },
                transformation: { width, height }, altText: { name: docxText(figure.caption), title: docxText(figure.caption), description: docxText(figure.alt) },
            })],
        })
        : new Paragraph({ children: [run(`Graphique « ${figure.caption} » : voir les versions HTML et PDF ; ses données :`, { italics: true })] });
    return [picture, ...tableOf(figure.data)];
}

/** The text width of the report's A4 pages (2 cm margins), in twips. */
const TEXT_WIDTH = 11906 - 2 * 1134;

function cellOf(cell: Cell, align: keyof typeof ALIGN | undefined, header: boolean, bold: boolean, size: number, width: number): TableCell {
    return new TableCell({
        width: { size: width, type: WidthType.DXA },
        borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
        shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'DCE3ED' } : undefined,
        margins: { left: 85, right: 85, top: 40, bottom: 40 },
        children: [new Paragraph({
            alignment: ALIGN[align ?? 'left'],
            children: [run(cellText(cell), { bold: header || bold || (typeof cell !== 'string' && cell.strong), size })],
        })],
    });
}

function tableOf(table: Table): Array<Paragraph | DocxTable> {
    // Columns measured as the contract's (no word or amount cut in a cell, in Word or in LibreOffice).
    const { size, widths } = columnLayout(table, table.columns.length, 18, TEXT_WIDTH);
    const header = new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((c, i) => cellOf(c.label, c.align, true, false, size, widths[i]!)) });
    const rows = [...table.rows.map(r => ({ r, bold: false })), ...(table.footer ?? []).map(r => ({ r, bold: true }))]
        .map(({ r, bold }) => new TableRow({ cantSplit: true, children: table.columns.map((c, i) => cellOf(r[i] ?? '', c.align, false, bold, size, widths[i]!)) }));
    return [
        new Paragraph({ keepNext: true, spacing: { before: 160, after: 60 }, children: [run(table.caption, { bold: true })] }),
        new DocxTable({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [header, ...rows] }),
        new Paragraph({ children: [] }),
    ];
}
