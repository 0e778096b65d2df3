/**
 * The body of the Word document (`<w:body>` content before the section properties) as WordprocessingML text: title
 * page, table of contents, visas, préambule, titres, signatures and annexes.
 *
 * Word's own heading styles carry the structure (Heading 1: titres, préambule and annexes; Heading 2: articles;
 * Heading 3: parts), so the navigation pane and the table of contents work. Every heading's text is in a bookmark
 * that the table of contents and the cross-references link to.
 */
import { allSections } from '../document/numbering.js';
import {
    type Block, type BulletList, type Cell, cellText, type Column, type ContractDocument, type Inline,
    type Paragraph as ModelParagraph, type Section, type SignatureBlock, type Table,
} from '../document/model.js';
import { BORDER_COLOR, HEADER_FILL, TEXT_WIDTH } from './docx-base.js';
import { ConvertedTexts, headingText, sectionsOf } from './common.js';
import { CELL_MARGIN, columnLayout, measure } from './docx-columns.js';
import { tableOfContentsXml, type TocEntry } from './docx-toc.js';
import {
    type Border, cellBordersXml, cellXml, docxLines, escapeXml, internalLinkXml, linesXml, paragraphXml, rowStartXml, type RunOptions, tableStartXml,
} from './docx-xml.js';

const PREAMBLE_BOOKMARK = 'cpom_preambule';
const VISAS_BOOKMARK = 'cpom_visas';
const SIGNATURES_BOOKMARK = 'cpom_signatures';
/** The id of the annex of fiches actions (`document/contract-annexes.ts`). */
const FICHES_ACTIONS = 'fiches-actions';

export class DocxBodyWriter {
    /** Section id → Word bookmark name (letters, digits and underscores, at most 40 characters). */
    private readonly bookmarks = new Map<string, string>();
    private nextBookmarkId = 0;
    private readonly parts: string[] = [];
    /** The lines and the measures of long texts, made once however many times a text is drawn (common.ts). */
    private readonly lines = new ConvertedTexts(docxLines);
    private readonly measures = new ConvertedTexts(measure);

    /** `bulletsNumId`: the `w:numId` of the bullet lists in the numbering part. */
    constructor(private readonly document: ContractDocument, private readonly bulletsNumId: number) {
        const used = new Set<string>([PREAMBLE_BOOKMARK, VISAS_BOOKMARK, SIGNATURES_BOOKMARK]);
        allSections([...document.body, ...document.annexes]).forEach((section, i) => {
            let name = `cpom_${section.id.normalize('NFD').replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 40);
            if (used.has(name)) name = `cpom_section_${i}`;
            used.add(name);
            this.bookmarks.set(section.id, name);
        });
    }

    private runs(value: string, style?: RunOptions): string {
        return linesXml(this.lines.of(value), style);
    }

    /** The body's XML, once, in pieces to be written one after the other (a 5,000-line contract makes 5 MB). */
    write(): string[] {
        const { document } = this;
        this.titlePage();
        this.parts.push(paragraphXml({ style: 'TOCHeading', pageBreakBefore: true }, this.runs('Sommaire')), tableOfContentsXml(this.tocEntries()));
        if (document.visas.length > 0) this.heading('Heading1', 'Visas', VISAS_BOOKMARK, true);
        for (const visa of document.visas) this.paragraph(visa);
        if (document.preamble.length > 0) {
            this.heading('Heading1', 'Préambule', PREAMBLE_BOOKMARK, document.visas.length === 0);
            this.blocks(document.preamble, 1);
        }
        for (const title of document.body) this.section(title, 0);
        this.heading('Heading1', 'Signatures', SIGNATURES_BOOKMARK, false);
        this.signatures(document.signatures);
        for (const annex of document.annexes) this.section(annex, 0);
        return this.parts;
    }

    private tocEntries(): TocEntry[] {
        const entries: TocEntry[] = [];
        if (this.document.visas.length > 0) entries.push({ level: 1, text: 'Visas', bookmark: VISAS_BOOKMARK });
        if (this.document.preamble.length > 0) entries.push({ level: 1, text: 'Préambule', bookmark: PREAMBLE_BOOKMARK });
        // As in the PDF: titres and annexes, and their articles (or fiches, lines), not the parts of an article.
        const visit = (sections: readonly Section[], depth: 0 | 1) => {
            for (const section of sections) {
                const bookmark = this.bookmarks.get(section.id);
                if (bookmark) entries.push({ level: depth === 0 ? 1 : 2, text: headingText(section), bookmark });
                if (depth === 0) visit(sectionsOf(section.blocks), 1);
            }
        };
        visit(this.document.body, 0);
        entries.push({ level: 1, text: 'Signatures', bookmark: SIGNATURES_BOOKMARK });
        visit(this.document.annexes, 0);
        return entries;
    }

    // --- title page --------------------------------------------------------------------------------------

    private titlePage(): void {
        const page = this.document.titlePage;
        const line = (style: string, text: string, bold?: boolean) => this.parts.push(paragraphXml({ style }, this.runs(text, bold ? { bold } : {})));
        line('CoverHeading', page.heading);
        line('CoverTitle', page.title);
        if (page.between.length > 0) {
            line('CoverBetween', 'ENTRE');
            page.between.forEach((party, i) => {
                if (i > 0 && i === page.between.length - 1) line('CoverAnd', 'ET');
                line('CoverParty', party);
            });
        }
        if (page.period) line('CoverPeriod', `Pour la période ${page.period}`);
        if (page.frames.length > 0) {
            line('CoverFrame', page.frames.length > 1 ? 'Cadres juridiques :' : 'Cadre juridique :', true);
            for (const frame of page.frames) line('CoverFrame', frame);
        }
    }

    // --- sections and blocks -------------------------------------------------------------------------

    /** `depth`: 0 for titres and annexes, 1 inside them, and so on. */
    private section(section: Section, depth: number, pageBreakBefore = section.sectionKind === 'annex'): void {
        this.heading(`Heading${headingLevel(section, depth)}`, headingText(section), this.bookmarks.get(section.id), pageBreakBefore);
        // As in the PDF, each fiche action starts a page: a sheet is read, and copied, on its own.
        this.blocks(section.blocks, depth + 1, section.id === FICHES_ACTIONS);
    }

    /** A heading paragraph, its text in a bookmark (each with its own id) for the table of contents and links. */
    private heading(style: string, text: string, bookmark: string | undefined, pageBreakBefore: boolean): void {
        const id = this.nextBookmarkId++;
        const content = bookmark
            ? `<w:bookmarkStart w:id="${id}" w:name="${escapeXml(bookmark)}"/>${this.runs(text)}<w:bookmarkEnd w:id="${id}"/>`
            : this.runs(text);
        this.parts.push(paragraphXml({ style, pageBreakBefore }, content));
    }

    /** `sheets`: a section that follows another starts a page. */
    private blocks(blocks: readonly Block[], depth: number, sheets = false): void {
        blocks.forEach((block, i) => {
            switch (block.kind) {
                case 'paragraph': return this.paragraph(block, blocks[i + 1]?.kind === 'table');
                case 'list': return this.list(block, blocks[i + 1]?.kind === 'paragraph');
                case 'table': return this.table(block);
                case 'signatures': return this.signatures(block);
                case 'section': return this.section(block, depth, sheets && blocks[i - 1]?.kind === 'section');
            }
        });
    }

    /** `beforeTable`: a table follows, which the paragraph introduces ("… conformément au tableau ci-après."). */
    private paragraph(paragraph: ModelParagraph, beforeTable = false): void {
        const style = paragraph.style === 'legal' ? 'Visa' : paragraph.style === 'note' ? 'Note' : undefined;
        const last = paragraph.content.at(-1);
        // A line all in bold ("Axe 1 — …" above a fiche action) heads what follows: not justified, not left at a page foot.
        const lead = paragraph.content.length > 0 && paragraph.content.every(i => i.kind === 'text' && i.strong);
        // A paragraph ending with a colon, or followed by a table, introduces what follows: keep them on the same page.
        const keepNext = lead || beforeTable || (last?.kind === 'text' && /:\s*$/.test(last.text)) ? true : undefined;
        this.parts.push(paragraphXml({ style, keepNext, alignment: lead ? 'left' : undefined }, this.inlines(paragraph.content)));
    }

    private inlines(content: readonly Inline[]): string {
        let result = '';
        for (const inline of content) {
            if (inline.kind === 'text') {
                if (inline.text) result += this.runs(inline.text, { bold: inline.strong, italics: inline.emphasis });
                continue;
            }
            // A reference's number is never cut from its noun at a line's end ("annexe / 1").
            const label = this.runs((inline.text ?? inline.target).replace(/ (?=\d)/g, '\u00A0'));
            const anchor = this.bookmarks.get(inline.target);
            result += anchor ? internalLinkXml(anchor, label) : label;
        }
        return result;
    }

    /** `spaced`: a paragraph follows, so the last item keeps the space after a paragraph. */
    private list(list: BulletList, spaced: boolean): void {
        list.items.forEach((item, i) => this.parts.push(paragraphXml({
            style: 'ListParagraph',
            numId: this.bulletsNumId,
            spacingAfter: spaced && i === list.items.length - 1 ? 120 : undefined,
        }, this.inlines(item))));
    }

    // --- tables ----------------------------------------------------------------------------------------

    private table(table: Table): void {
        const columns = table.columns;
        // A loop, not `Math.max(...rows)`: 145,000 rows overflowed the call stack (fuzz seed 20261204, input 6310).
        let count = Math.max(columns.length, 1);
        for (const row of [...table.rows, ...(table.footer ?? [])]) count = Math.max(count, row.length);
        const { size, widths } = columnLayout(table, count, count <= 5 ? 18 : count <= 7 ? 17 : 15, undefined, text => this.measures.of(text));
        const rowCount = 1 + table.rows.length + (table.footer?.length ?? 0);
        // A short table (a fact sheet) is kept on one page (every row but the last is kept with the next one).
        const together = rowCount <= 8;
        const footerBorders = cellBordersXml({ top: { style: 'single', size: 12, color: '404040' } });
        let index = 0;
        const cell = (value: Cell | undefined, column: Column | undefined, width: number, kind: 'header' | 'body' | 'footer', keepNext: boolean) => {
            const text = value === undefined ? '' : cellText(value);
            const bold = kind !== 'body' || (typeof value === 'object' && value.strong === true);
            return cellXml({
                width,
                fill: kind === 'header' ? HEADER_FILL : undefined,
                borders: kind === 'footer' ? footerBorders : undefined,
                verticalAlign: kind === 'header' ? 'bottom' : 'top',
            }, paragraphXml({ style: 'TableText', keepNext: keepNext || undefined, alignment: column?.align ?? 'left' }, this.runs(text, { bold, size })));
        };
        // Rows and cells go to the output one by one: the body is never copied into bigger strings on its way.
        const row = (values: readonly (Cell | undefined)[], kind: 'header' | 'body' | 'footer') => {
            const keepNext = kind === 'header' || (together && ++index < rowCount - 1);
            this.parts.push(rowStartXml({ header: kind === 'header', cantSplit: true }));
            widths.forEach((width, i) => this.parts.push(cell(values[i], columns[i], width, kind, keepNext)));
            this.parts.push('</w:tr>');
        };
        const border: Border = { style: 'single', size: 4, color: BORDER_COLOR };
        this.parts.push(
            paragraphXml({ style: 'Caption' }, this.runs(table.caption)),
            tableStartXml({ width: TEXT_WIDTH, columnWidths: widths, border, margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN } }),
        );
        row(columns.map(c => c.label), 'header');
        for (const r of table.rows) row(r, 'body');
        for (const r of table.footer ?? []) row(r, 'footer');
        this.parts.push('</w:tbl>', paragraphXml({ style: 'AfterTable' }, ''));
    }

    // --- signatures ------------------------------------------------------------------------------------

    /**
     * "Fait à …, le …", then one framed box per signatory, two per row with a gap between them, as in the PDF: the
     * party, the role and the person, room to sign, and a "Signature" line at the foot of the box. A box is two rows
     * of one table (its text above, its signature line below), so that the signature lines of a row are level.
     */
    private signatures(block: SignatureBlock): void {
        if (block.date) this.parts.push(paragraphXml({ style: 'SignatureDate', keepNext: true }, this.runs(block.date)));
        const perRow = 2;
        const gap = 567; // 1 cm between boxes
        const width = Math.floor((TEXT_WIDTH - gap * (perRow - 1)) / perRow);
        const none: Border = { style: 'none', size: 0, color: 'FFFFFF' };
        const line: Border = { style: 'single', size: 6, color: BORDER_COLOR };
        const top = cellBordersXml({ top: line, left: line, bottom: none, right: line });
        const foot = cellBordersXml({ top: none, left: line, bottom: line, right: line });
        const spacer = cellXml({ width: gap, borders: cellBordersXml({ top: none, left: none, bottom: none, right: none }) }, '<w:p/>');
        const text = (s: SignatureBlock['signatories'][number]) => cellXml({ width, borders: top }, [
            paragraphXml({ style: 'SignatureParty', keepNext: true }, this.runs(s.party)),
            s.role ? paragraphXml({ style: 'SignatureRole', keepNext: true }, this.runs(s.role)) : '',
            s.person ? paragraphXml({ style: 'SignaturePerson', keepNext: true }, this.runs(s.person)) : '',
        ].join(''));
        const signHere = cellXml({ width, borders: foot, verticalAlign: 'bottom' }, paragraphXml({ style: 'SignatureLine' }, this.runs('Signature')));
        for (let start = 0; start < block.signatories.length; start += perRow) {
            const group = block.signatories.slice(start, start + perRow);
            const widths = group.flatMap((_, i) => (i === 0 ? [width] : [gap, width]));
            const row = (cell: (s: SignatureBlock['signatories'][number]) => string) => group.map((s, i) => (i === 0 ? '' : spacer) + cell(s)).join('');
            this.parts.push(
                tableStartXml({
                    width: widths.reduce((a, b) => a + b, 0), columnWidths: widths, border: none,
                    margins: { top: 120, bottom: 100, left: 170, right: 170 },
                }),
                // Room to sign: the text and the space above the signature line are at least 3 cm high.
                rowStartXml({ cantSplit: true, minHeight: 1700 }), row(text), '</w:tr>',
                rowStartXml({ cantSplit: true }), row(() => signHere), '</w:tr></w:tbl>',
                paragraphXml({ style: 'AfterTable' }, ''),
            );
        }
    }
}

/** Heading 1: titres and annexes; Heading 2: articles; Heading 3: parts (Heading 4 below two levels). */
function headingLevel(section: Section, depth: number): 1 | 2 | 3 | 4 {
    switch (section.sectionKind) {
        case 'title':
        case 'annex': return 1;
        case 'article': return 2;
        case 'part': return depth <= 2 ? 3 : 4;
    }
}
