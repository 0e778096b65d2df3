/**
 * Renders the contract document as a Word document (Office Open XML, `.docx`) with the `docx` library.
 *
 * Word's own heading styles carry the structure (Heading 1: titres, préambule and annexes; Heading 2: articles;
 * Heading 3: parts), so the navigation pane and the table of contents field work; the field is marked dirty and
 * the document asks Word to update fields on open. A4, French language, contract title in the header,
 * "Page X sur Y" in the footer, title page without header and footer, page break before each annex.
 *
 * Pure: no I/O. Every string of the model is plain text: `docx` escapes XML specials, and characters XML 1.0
 * forbids (C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates), as well as DEL and C1 controls,
 * are removed here; line breaks become Word line breaks.
 */
import {
    AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, HeightRule, InternalHyperlink, Packer, PageNumber, Paragraph,
    type ParagraphChild, ShadingType, Table as DocxTable, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type FileChild,
} from 'docx';
import { allSections } from '../document/numbering.js';
import {
    type Block, type BulletList, type Cell, cellText, type Column, type ContractDocument, type Inline,
    type Paragraph as ModelParagraph, type Section, type SignatureBlock, type Table,
} from '../document/model.js';
import { A4, BORDER_COLOR, BULLETS, docxText, element, HEADER_FILL, MARGIN, runs, TEXT_WIDTH } from './docx-base.js';
import { CELL_MARGIN, columnWidths } from './docx-columns.js';
import { NUMBERING, STYLES } from './docx-styles.js';
import { TableOfContentsField, type TocEntry } from './docx-toc.js';

// --- the renderer ----------------------------------------------------------------------------------------

export async function renderDocx(document: ContractDocument): Promise<Uint8Array> {
    const renderer = new DocxRenderer(document);
    const word = new Document({
        title: docxText(document.titlePage.title),
        subject: docxText(document.titlePage.heading),
        creator: 'cpom',
        keywords: 'CPOM',
        description: docxText(`${document.titlePage.heading} ${document.titlePage.period}`.trim()),
        features: { updateFields: true },
        hyphenation: { autoHyphenation: true },
        styles: STYLES,
        numbering: NUMBERING,
        sections: [{
            properties: {
                titlePage: true,
                page: {
                    size: A4,
                    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 709, footer: 709 },
                },
            },
            headers: {
                first: new Header({ children: [new Paragraph({})] }),
                default: new Header({ children: [new Paragraph({ style: 'CpomHeader', children: runs(document.titlePage.title) })] }),
            },
            footers: {
                first: new Footer({ children: [new Paragraph({})] }),
                default: new Footer({
                    children: [new Paragraph({
                        style: 'CpomFooter',
                        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES] })],
                    })],
                }),
            },
            children: renderer.children(),
        }],
    });
    // An ArrayBuffer, not a Node Buffer: the same renderer runs in the language server's browser worker.
    return new Uint8Array(await Packer.toArrayBuffer(word));
}

type Child = Paragraph | DocxTable | FileChild;

const PREAMBLE_BOOKMARK = 'cpom_preambule';
const VISAS_BOOKMARK = 'cpom_visas';
const SIGNATURES_BOOKMARK = 'cpom_signatures';

class DocxRenderer {
    /** Section id → Word bookmark name (letters, digits and underscores, at most 40 characters). */
    private readonly bookmarks = new Map<string, string>();
    private nextBookmarkId = 0;

    constructor(private readonly document: ContractDocument) {
        const used = new Set<string>([PREAMBLE_BOOKMARK, VISAS_BOOKMARK, SIGNATURES_BOOKMARK]);
        allSections([...document.body, ...document.annexes]).forEach((section, i) => {
            let name = `cpom_${section.id.normalize('NFD').replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 40);
            if (used.has(name)) name = `cpom_section_${i}`;
            used.add(name);
            this.bookmarks.set(section.id, name);
        });
    }

    children(): Child[] {
        const { document } = this;
        const children: Child[] = [...this.titlePage()];
        children.push(
            new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, children: runs('Sommaire') }),
            new TableOfContentsField(this.tocEntries()),
        );
        if (document.visas.length > 0) children.push(this.heading(HeadingLevel.HEADING_1, 'Visas', VISAS_BOOKMARK, true));
        document.visas.forEach(visa => children.push(this.paragraph(visa)));
        if (document.preamble.length > 0) {
            children.push(this.heading(HeadingLevel.HEADING_1, 'Préambule', PREAMBLE_BOOKMARK, document.visas.length === 0));
            children.push(...this.blocks(document.preamble, 1));
        }
        for (const title of document.body) children.push(...this.section(title, 0));
        children.push(this.heading(HeadingLevel.HEADING_1, 'Signatures', SIGNATURES_BOOKMARK, false));
        children.push(...this.signatures(document.signatures));
        for (const annex of document.annexes) children.push(...this.section(annex, 0));
        return children;
    }

    private tocEntries(): TocEntry[] {
        const entries: TocEntry[] = [];
        if (this.document.visas.length > 0) entries.push({ level: 1, text: 'Visas', bookmark: VISAS_BOOKMARK });
        if (this.document.preamble.length > 0) entries.push({ level: 1, text: 'Préambule', bookmark: PREAMBLE_BOOKMARK });
        const visit = (sections: readonly Section[], depth: number) => {
            for (const section of sections) {
                const level = headingLevel(section, depth);
                const bookmark = this.bookmarks.get(section.id);
                if (level <= 3 && bookmark) entries.push({ level: level as 1 | 2 | 3, text: headingText(section), bookmark });
                visit(section.blocks.filter((b): b is Section => b.kind === 'section'), depth + 1);
            }
        };
        visit(this.document.body, 0);
        entries.push({ level: 1, text: 'Signatures', bookmark: SIGNATURES_BOOKMARK });
        visit(this.document.annexes, 0);
        return entries;
    }

    // --- title page --------------------------------------------------------------------------------------

    private titlePage(): Paragraph[] {
        const page = this.document.titlePage;
        const result: Paragraph[] = [
            new Paragraph({ style: 'CoverHeading', children: runs(page.heading) }),
            new Paragraph({ style: 'CoverTitle', children: runs(page.title) }),
        ];
        if (page.between.length > 0) {
            result.push(new Paragraph({ style: 'CoverBetween', children: runs('ENTRE') }));
            page.between.forEach((party, i) => {
                if (i > 0 && i === page.between.length - 1) result.push(new Paragraph({ style: 'CoverAnd', children: runs('ET') }));
                result.push(new Paragraph({ style: 'CoverParty', children: runs(party) }));
            });
        }
        if (page.period) {
            result.push(new Paragraph({ style: 'CoverPeriod', children: runs(`Pour la période ${page.period}`) }));
        }
        if (page.frames.length > 0) {
            result.push(new Paragraph({ style: 'CoverFrame', children: runs(page.frames.length > 1 ? 'Cadres juridiques :' : 'Cadre juridique :', { bold: true }) }));
            for (const frame of page.frames) result.push(new Paragraph({ style: 'CoverFrame', children: runs(frame) }));
        }
        return result;
    }

    // --- sections and blocks -------------------------------------------------------------------------

    /** `depth`: 0 for titres and annexes, 1 inside them, and so on. */
    private section(section: Section, depth: number): Child[] {
        const heading = this.heading(HEADINGS[headingLevel(section, depth)], headingText(section), this.bookmarks.get(section.id), section.sectionKind === 'annex');
        return [heading, ...this.blocks(section.blocks, depth + 1)];
    }

    /**
     * A heading paragraph, its text in a bookmark for the table of contents and cross-references. The bookmark is
     * written here rather than with `docx`'s `Bookmark`, which gives every bookmark the id 1 (dolanmiu/docx#3478).
     */
    private heading(heading: HeadingStyle, text: string, bookmark: string | undefined, pageBreakBefore: boolean): Paragraph {
        const paragraph = new Paragraph({ heading, ...(pageBreakBefore ? { pageBreakBefore } : {}) });
        const id = this.nextBookmarkId++;
        if (bookmark) paragraph.addChildElement(element('w:bookmarkStart', { 'w:id': id, 'w:name': bookmark }));
        for (const run of runs(text)) paragraph.addChildElement(run);
        if (bookmark) paragraph.addChildElement(element('w:bookmarkEnd', { 'w:id': id }));
        return paragraph;
    }

    private blocks(blocks: readonly Block[], depth: number): Child[] {
        return blocks.flatMap((block, i): Child[] => {
            switch (block.kind) {
                case 'paragraph': return [this.paragraph(block)];
                case 'list': return this.list(block, blocks[i + 1]?.kind === 'paragraph');
                case 'table': return this.table(block);
                case 'signatures': return this.signatures(block);
                case 'section': return this.section(block, depth);
            }
        });
    }

    private paragraph(paragraph: ModelParagraph, options: { pageBreakBefore?: boolean } = {}): Paragraph {
        const style = paragraph.style === 'legal' ? 'Visa' : paragraph.style === 'note' ? 'Note' : undefined;
        const last = paragraph.content.at(-1);
        // A paragraph ending with a colon introduces what follows: keep them on the same page.
        const keepNext = last?.kind === 'text' && /:\s*$/.test(last.text);
        return new Paragraph({ ...(style ? { style } : {}), ...(keepNext ? { keepNext } : {}), ...options, children: this.inlines(paragraph.content) });
    }

    private inlines(content: readonly Inline[]): ParagraphChild[] {
        return content.flatMap((inline): ParagraphChild[] => {
            if (inline.kind === 'text') {
                return inline.text ? runs(inline.text, { bold: inline.strong, italics: inline.emphasis }) : [];
            }
            const label = runs(inline.text ?? inline.target);
            const anchor = this.bookmarks.get(inline.target);
            return anchor ? [new InternalHyperlink({ anchor, children: label })] : label;
        });
    }

    /** `spaced`: a paragraph follows, so the last item keeps the space after a paragraph. */
    private list(list: BulletList, spaced: boolean): Paragraph[] {
        return list.items.map((item, i) => new Paragraph({
            style: 'ListParagraph',
            numbering: { reference: BULLETS, level: 0 },
            ...(spaced && i === list.items.length - 1 ? { spacing: { after: 120 } } : {}),
            children: this.inlines(item),
        }));
    }

    // --- tables ----------------------------------------------------------------------------------------

    private table(table: Table): Child[] {
        const columns = table.columns;
        const count = Math.max(columns.length, ...table.rows.map(r => r.length), ...(table.footer ?? []).map(r => r.length), 1);
        const size = count <= 5 ? 18 : count <= 7 ? 17 : 15;
        const widths = columnWidths(table, count, size);
        const rowCount = 1 + table.rows.length + (table.footer?.length ?? 0);
        // A short table (a fact sheet) is kept on one page (every row but the last is kept with the next one).
        const together = rowCount <= 8;
        let index = 0;
        const cell = (value: Cell | undefined, column: Column | undefined, width: number, kind: 'header' | 'body' | 'footer', keepNext: boolean) => {
            const text = value === undefined ? '' : cellText(value);
            const bold = kind !== 'body' || (typeof value === 'object' && value.strong === true);
            return new TableCell({
                width: { size: width, type: WidthType.DXA },
                verticalAlign: kind === 'header' ? VerticalAlign.BOTTOM : VerticalAlign.TOP,
                ...(kind === 'header' ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
                ...(kind === 'footer' ? { borders: { top: { style: BorderStyle.SINGLE, size: 12, color: '404040' } } } : {}),
                children: [new Paragraph({
                    style: 'TableText',
                    alignment: ALIGNMENT[column?.align ?? 'left'],
                    ...(keepNext ? { keepNext } : {}),
                    children: runs(text, { bold, size }),
                })],
            });
        };
        const row = (values: readonly (Cell | undefined)[], kind: 'header' | 'body' | 'footer') => {
            const keepNext = kind === 'header' || (together && ++index < rowCount - 1);
            return new TableRow({
                tableHeader: kind === 'header',
                cantSplit: true,
                children: widths.map((width, i) => cell(values[i], columns[i], width, kind, keepNext)),
            });
        };
        const rows = [
            row(columns.map(c => c.label), 'header'),
            ...table.rows.map(r => row(r, 'body')),
            ...(table.footer ?? []).map(r => row(r, 'footer')),
        ];
        const border = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR };
        return [
            new Paragraph({ style: 'Caption', children: runs(table.caption) }),
            new DocxTable({
                rows,
                width: { size: TEXT_WIDTH, type: WidthType.DXA },
                columnWidths: widths,
                layout: TableLayoutType.FIXED,
                borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
                margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
            }),
            new Paragraph({ style: 'AfterTable', children: [] }),
        ];
    }

    // --- signatures ------------------------------------------------------------------------------------

    /**
     * "Fait le …", then one framed box per signatory (three per row, a gap between boxes, as in the PDF): the party,
     * the role and the person, and room to sign below.
     */
    private signatures(block: SignatureBlock): Child[] {
        const children: Child[] = [];
        if (block.date) children.push(new Paragraph({ style: 'SignatureDate', keepNext: true, children: runs(block.date) }));
        const perRow = 3;
        const gap = 284; // 0.5 cm between boxes
        const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
        const line = { style: BorderStyle.SINGLE, size: 6, color: BORDER_COLOR };
        for (let start = 0; start < block.signatories.length; start += perRow) {
            const group = block.signatories.slice(start, start + perRow);
            const width = Math.floor((TEXT_WIDTH - gap * (perRow - 1)) / perRow);
            const widths = group.flatMap((_, i) => (i === 0 ? [width] : [gap, width]));
            const box = (s: SignatureBlock['signatories'][number]) => new TableCell({
                width: { size: width, type: WidthType.DXA },
                borders: { top: line, bottom: line, left: line, right: line },
                children: [
                    new Paragraph({ style: 'SignatureParty', keepNext: true, children: runs(s.party) }),
                    ...(s.role ? [new Paragraph({ style: 'SignatureRole', keepNext: true, children: runs(s.role) })] : []),
                    ...(s.person ? [new Paragraph({ style: 'SignatureRole', keepNext: true, children: runs(s.person) })] : []),
                ],
            });
            const spacer = () => new TableCell({ width: { size: gap, type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none }, children: [new Paragraph({})] });
            children.push(new DocxTable({
                width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
                columnWidths: widths,
                layout: TableLayoutType.FIXED,
                borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
                margins: { top: 80, bottom: 80, left: CELL_MARGIN, right: CELL_MARGIN },
                // Room to sign: the box is at least 4 cm high.
                rows: [new TableRow({
                    cantSplit: true,
                    height: { value: 2270, rule: HeightRule.ATLEAST },
                    children: group.flatMap((s, i) => (i === 0 ? [box(s)] : [spacer(), box(s)])),
                })],
            }), new Paragraph({ style: 'AfterTable', children: [] }));
        }
        return children;
    }
}


type HeadingStyle = (typeof HeadingLevel)[keyof typeof HeadingLevel];

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;

/** Heading 1: titres and annexes; Heading 2: articles; Heading 3: parts (Heading 4 below two levels). */
function headingLevel(section: Section, depth: number): 1 | 2 | 3 | 4 {
    switch (section.sectionKind) {
        case 'title':
        case 'annex': return 1;
        case 'article': return 2;
        case 'part': return depth <= 2 ? 3 : 4;
    }
}

function headingText(section: Section): string {
    return section.label ? `${section.label} — ${section.title}` : section.title;
}

const ALIGNMENT = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
