/**
 * The Word body written as text (issue 15) is the markup the `docx` library writes for the same options, element for
 * element; the package is a valid ZIP (CRC checked) whatever the platform's deflate.
 */
import JSZip from 'jszip';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, HeightRule } from 'docx';
import { describe, expect, it } from 'vitest';
import { cellBordersXml, cellXml, paragraphXml, rowStartXml, runsXml, tableStartXml, textRunXml } from '../packages/generator/src/render/docx-xml.js';
import { zipParts } from '../packages/generator/src/render/docx-zip.js';

/** What the library writes in `<w:body>` for these children, before the section properties. */
async function libraryBody(children: Array<Paragraph | Table>): Promise<string> {
    const word = new Document({ numbering: { config: [{ reference: 'bullets', levels: [{ level: 0, text: '•' }] }] }, sections: [{ children }] });
    const zip = await JSZip.loadAsync(await Packer.toArrayBuffer(word));
    const xml = await zip.file('word/document.xml')!.async('string');
    return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr'));
}

describe('WordprocessingML as text', () => {
    it('writes runs as the library does: bold, italics, sizes, explicit off, line breaks, XML specials', async () => {
        const text = 'a < b & "c" \'d\' > e';
        const library = await libraryBody([
            new Paragraph({ children: [new TextRun({ text, bold: true, italics: false, size: 17 })] }),
            new Paragraph({ children: [new TextRun({ text: 'one' }), new TextRun({ text: 'two', break: 1 })] }),
            new Paragraph({ style: 'Note', keepNext: true, pageBreakBefore: true, alignment: AlignmentType.RIGHT, children: [new TextRun({ text: 'x', bold: false })] }),
            new Paragraph({ style: 'ListParagraph', numbering: { reference: 'bullets', level: 0 }, spacing: { after: 120 }, children: [new TextRun({ text: 'item' })] }),
            new Paragraph({}),
        ]);
        const numId = Number(/<w:numId w:val="(\d+)"\/>/.exec(library)![1]);
        expect([
            paragraphXml({}, textRunXml(text, { bold: true, italics: false, size: 17 })),
            paragraphXml({}, runsXml('one\ntwo')),
            paragraphXml({ style: 'Note', keepNext: true, pageBreakBefore: true, alignment: 'right' }, runsXml('x', { bold: false })),
            paragraphXml({ style: 'ListParagraph', numId, spacingAfter: 120 }, runsXml('item')),
            paragraphXml({}, ''),
        ].join('')).toBe(library);
    });

    it('writes tables as the library does: widths, borders, margins, header rows, shading, cell borders, heights', async () => {
        const border = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };
        const library = await libraryBody([new Table({
            rows: [
                new TableRow({
                    tableHeader: true, cantSplit: true,
                    children: [new TableCell({
                        width: { size: 3000, type: WidthType.DXA }, verticalAlign: VerticalAlign.BOTTOM,
                        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'DCE3ED' },
                        children: [new Paragraph({ style: 'TableText', alignment: AlignmentType.LEFT, children: [new TextRun({ text: 'Rubrique', bold: true, size: 18 })] })],
                    })],
                }),
                new TableRow({
                    cantSplit: true, height: { value: 2270, rule: HeightRule.ATLEAST },
                    children: [new TableCell({
                        width: { size: 3000, type: WidthType.DXA },
                        borders: { top: { style: BorderStyle.SINGLE, size: 12, color: '404040' } },
                        children: [new Paragraph({})],
                    })],
                }),
            ],
            width: { size: 3000, type: WidthType.DXA },
            columnWidths: [3000],
            layout: TableLayoutType.FIXED,
            borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
            margins: { top: 40, bottom: 40, left: 85, right: 85 },
        })]);
        expect([
            tableStartXml({ width: 3000, columnWidths: [3000], border: { style: 'single', size: 4, color: 'A6A6A6' }, margins: { top: 40, bottom: 40, left: 85, right: 85 } }),
            rowStartXml({ header: true, cantSplit: true }),
            cellXml({ width: 3000, fill: 'DCE3ED', verticalAlign: 'bottom' }, paragraphXml({ style: 'TableText', alignment: 'left' }, runsXml('Rubrique', { bold: true, size: 18 }))),
            '</w:tr>',
            rowStartXml({ cantSplit: true, minHeight: 2270 }),
            cellXml({ width: 3000, borders: cellBordersXml({ top: { style: 'single', size: 12, color: '404040' } }) }, '<w:p/>'),
            '</w:tr></w:tbl>',
        ].join('')).toBe(library);
    });

    it('keeps one blank line of several and removes characters XML forbids', () => {
        expect(runsXml('a\n\n\n\nb\u0001')).toBe(`${textRunXml('a')}${textRunXml('', {}, true)}${textRunXml('b', {}, true)}`);
    });

    it('packs the parts in a ZIP whose CRCs check, in their order', async () => {
        const big = 'é<w:p/>'.repeat(200_000);
        const bytes = await zipParts({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode(big) });
        const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
        expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'word/document.xml']);
        expect(await zip.file('word/document.xml')!.async('string')).toBe(big);
        expect(await zip.file('[Content_Types].xml')!.async('string')).toBe('<Types/>');
    });
});
