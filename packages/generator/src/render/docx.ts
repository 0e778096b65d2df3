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
    AlignmentType, type AttributeData, BorderStyle, BuilderElement, Document, FileChild, Footer, Header,
    HeadingLevel, HeightRule, InternalHyperlink, LevelFormat, LineRuleType, Packer, PageNumber, Paragraph,
    type ParagraphChild, ShadingType, Table as DocxTable, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign,
    WidthType, type XmlComponent,
} from 'docx';
import { allSections } from '../document/numbering.js';
import {
    type Block, type BulletList, type Cell, cellText, type Column, type ContractDocument, type Inline,
    type Paragraph as ModelParagraph, type Section, type SignatureBlock, type Table,
} from '../document/model.js';

// --- page geometry (twentieths of a point) -------------------------------------------------------------

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1418; // 2.5 cm
const TEXT_WIDTH = A4.width - 2 * MARGIN;

const FONT = 'Arial';
const LANGUAGE = { value: 'fr-FR' };
const BORDER_COLOR = 'A6A6A6';
const HEADER_FILL = 'DCE3ED';
const ACCENT = '1F3864';

const BULLETS = 'cpom-bullets';

// --- text ------------------------------------------------------------------------------------------------

/** Characters XML 1.0 forbids, plus DEL and C1 controls, which mean nothing in a contract. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Plain text made safe for a Word run: forbidden characters removed, line ends unified, tabs as spaces. */
export function docxText(value: string): string {
    // A document drafted from a broken version may lack a text: it is drawn as nothing, never a crash.
    return (value ?? '').replace(/\r\n?/g, '\n').replace(FORBIDDEN, '').replace(/\t/g, ' ');
}

interface RunStyle {
    readonly bold?: boolean;
    readonly italics?: boolean;
    readonly size?: number;
    readonly color?: string;
}

/**
 * Text runs for a string; a line break in the text becomes a Word line break. Blank lines in a row are kept as one:
 * a text of 100,000 line breaks would otherwise be 100,000 runs (minutes, and the memory, of the docx library).
 */
function runs(value: string, style: RunStyle = {}): TextRun[] {
    const lines = docxText(value).split('\n').filter((line, i, all) => i === 0 || line.trim() !== '' || all[i - 1].trim() !== '');
    return lines.map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

// --- raw WordprocessingML, for what `docx` 9.5 has no class for -------------------------------------------

/** An element built from its name, attributes and children (strings are escaped by the serialiser). */
function element(name: string, attributes: AttributeData = {}, children: ReadonlyArray<XmlComponent | string> = []): XmlComponent {
    const payload = Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, { key, value }]));
    const result = new BuilderElement<AttributeData>({ name, ...(Object.keys(payload).length > 0 ? { attributes: payload } : {}) });
    for (const child of children) result.addChildElement(child);
    return result;
}

const fieldChar = (type: 'begin' | 'separate' | 'end', dirty = false) =>
    element('w:r', {}, [element('w:fldChar', { 'w:fldCharType': type, ...(dirty ? { 'w:dirty': true } : {}) })]);
const instruction = (text: string) => element('w:r', {}, [element('w:instrText', { 'xml:space': 'preserve' }, [text])]);
const textRun = (text: string) => element('w:r', {}, [element('w:t', { 'xml:space': 'preserve' }, [docxText(text).replace(/\n/g, ' ')])]);

interface TocEntry {
    readonly level: 1 | 2 | 3;
    readonly text: string;
    readonly bookmark: string;
}

/**
 * The table of contents: a `TOC \o "1-3" \h \z \u` field in Word's Table of Contents content control, as Word
 * writes it, marked dirty so that Word rebuilds it (with page numbers) on open. Unlike `docx`'s
 * `TableOfContents`, which leaves the field empty (LibreOffice and viewers that do not update fields then show
 * the bare field code), the field result is prefilled with one entry per heading, linked to the heading's
 * bookmark, with a `PAGEREF` field for the page number.
 */
class TableOfContentsField extends FileChild {
    constructor(entries: readonly TocEntry[]) {
        super('w:sdt');
        this.root.push(element('w:sdtPr', {}, [
            element('w:docPartObj', {}, [element('w:docPartGallery', { 'w:val': 'Table of Contents' }), element('w:docPartUnique')]),
        ]));
        const begin = [fieldChar('begin', true), instruction(' TOC \\o "1-3" \\h \\z \\u '), fieldChar('separate')];
        const end = fieldChar('end');
        const paragraphs = entries.map((entry, i) => element('w:p', {}, [
            element('w:pPr', {}, [
                element('w:pStyle', { 'w:val': `TOC${entry.level}` }),
                element('w:tabs', {}, [element('w:tab', { 'w:val': 'right', 'w:leader': 'dot', 'w:pos': TEXT_WIDTH })]),
            ]),
            ...(i === 0 ? begin : []),
            element('w:hyperlink', { 'w:anchor': entry.bookmark, 'w:history': true }, [
                textRun(entry.text),
                element('w:r', {}, [element('w:tab')]),
                fieldChar('begin'), instruction(` PAGEREF ${entry.bookmark} \\h `), fieldChar('separate'), textRun(''), fieldChar('end'),
            ]),
            ...(i === entries.length - 1 ? [end] : []),
        ]));
        if (paragraphs.length === 0) paragraphs.push(element('w:p', {}, [...begin, end]));
        this.root.push(element('w:sdtContent', {}, paragraphs));
    }
}

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

class DocxRenderer {
    /** Section id → Word bookmark name (letters, digits and underscores, at most 40 characters). */
    private readonly bookmarks = new Map<string, string>();
    private nextBookmarkId = 0;

    constructor(private readonly document: ContractDocument) {
        const used = new Set<string>([PREAMBLE_BOOKMARK]);
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
        document.visas.forEach((visa, i) => children.push(this.paragraph(visa, { pageBreakBefore: i === 0 })));
        if (document.preamble.length > 0) {
            children.push(this.heading(HeadingLevel.HEADING_1, 'Préambule', PREAMBLE_BOOKMARK, document.visas.length === 0));
            children.push(...this.blocks(document.preamble, 1));
        }
        for (const title of document.body) children.push(...this.section(title, 0));
        children.push(...this.signatures(document.signatures));
        for (const annex of document.annexes) children.push(...this.section(annex, 0));
        return children;
    }

    private tocEntries(): TocEntry[] {
        const entries: TocEntry[] = [];
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

    /** "Fait le …", then a borderless table: one column per signatory (three per row), with room to sign. */
    private signatures(block: SignatureBlock): Child[] {
        const children: Child[] = [];
        if (block.date) children.push(new Paragraph({ style: 'SignatureDate', keepNext: true, children: runs(block.date) }));
        const perRow = 3;
        const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
        for (let start = 0; start < block.signatories.length; start += perRow) {
            const group = block.signatories.slice(start, start + perRow);
            const width = Math.floor(TEXT_WIDTH / group.length);
            const cells = (content: (s: SignatureBlock['signatories'][number]) => Paragraph[], height?: number) => new TableRow({
                cantSplit: true,
                ...(height ? { height: { value: height, rule: HeightRule.ATLEAST } } : {}),
                children: group.map(s => new TableCell({ width: { size: width, type: WidthType.DXA }, children: content(s) })),
            });
            children.push(new DocxTable({
                width: { size: TEXT_WIDTH, type: WidthType.DXA },
                columnWidths: group.map(() => width),
                layout: TableLayoutType.FIXED,
                borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
                margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
                rows: [
                    cells(s => [
                        new Paragraph({ style: 'SignatureParty', keepNext: true, children: runs(s.party) }),
                        ...(s.role ? [new Paragraph({ style: 'SignatureRole', keepNext: true, children: runs(s.role) })] : []),
                        ...(s.person ? [new Paragraph({ style: 'SignatureRole', keepNext: true, children: runs(s.person) })] : []),
                    ]),
                    // Room to sign (about 3.5 cm).
                    cells(() => [new Paragraph({ style: 'SignatureRole', children: [] })], 2000),
                ],
            }));
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

const CELL_MARGIN = 85;

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
function columnWidths(table: Table, count: number, size: number): number[] {
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

// --- styles ----------------------------------------------------------------------------------------------

const pt = (points: number) => points * 2; // run sizes are in half-points

const STYLES = {
    default: {
        document: {
            run: { font: FONT, size: pt(10.5), language: LANGUAGE },
            paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { font: FONT, size: pt(20), bold: true, color: ACCENT, language: LANGUAGE } },
        heading1: {
            run: { font: FONT, size: pt(14), bold: true, color: ACCENT, language: LANGUAGE },
            paragraph: {
                alignment: AlignmentType.LEFT, spacing: { before: 360, after: 180 }, keepNext: true, keepLines: true, outlineLevel: 0,
                border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT, space: 4 } },
            },
        },
        heading2: {
            run: { font: FONT, size: pt(12), bold: true, color: ACCENT, language: LANGUAGE },
            paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 300, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 1 },
        },
        heading3: {
            run: { font: FONT, size: pt(11), bold: true, color: '404040', language: LANGUAGE },
            paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 2 },
        },
        heading4: {
            run: { font: FONT, size: pt(10.5), bold: true, italics: true, color: '404040', language: LANGUAGE },
            paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 160, after: 60 }, keepNext: true, keepLines: true, outlineLevel: 3 },
        },
        listParagraph: { paragraph: { spacing: { after: 60 }, alignment: AlignmentType.JUSTIFIED } },
    },
    paragraphStyles: [
        { id: 'Normal', name: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED } },
        { id: 'Visa', name: 'Visa', basedOn: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { spacing: { after: 80 } } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', run: { size: pt(9), color: '595959' } },
        { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', run: { size: pt(9.5), bold: true, color: ACCENT }, paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 160, after: 60 }, keepNext: true } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'AfterTable', name: 'After Table', basedOn: 'Normal', run: { size: pt(4) }, paragraph: { spacing: { after: 80, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { size: pt(14), bold: true, color: ACCENT }, paragraph: { spacing: { after: 240 } } },
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { alignment: AlignmentType.LEFT, indent: { right: 567 }, spacing: { before: 120, after: 40 } } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { alignment: AlignmentType.LEFT, indent: { left: 284, right: 567 }, spacing: { after: 20 } } },
        { id: 'TOC3', name: 'toc 3', basedOn: 'Normal', next: 'Normal', run: { size: pt(9.5) }, paragraph: { alignment: AlignmentType.LEFT, indent: { left: 567, right: 567 }, spacing: { after: 20 } } },
        { id: 'CpomHeader', name: 'header', basedOn: 'Normal', run: { size: pt(8), color: '595959' }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR, space: 4 } } } },
        { id: 'CpomFooter', name: 'footer', basedOn: 'Normal', run: { size: pt(8), color: '595959' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
        { id: 'CoverHeading', name: 'Cover Heading', basedOn: 'Normal', run: { size: pt(18), bold: true, allCaps: true, color: ACCENT }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 480, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'CoverTitle', name: 'Cover Title', basedOn: 'Normal', run: { size: pt(15), bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 1200 } } },
        { id: 'CoverBetween', name: 'Cover Between', basedOn: 'Normal', run: { size: pt(11), bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
        { id: 'CoverAnd', name: 'Cover And', basedOn: 'Normal', run: { size: pt(11), bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 } } },
        { id: 'CoverParty', name: 'Cover Party', basedOn: 'Normal', run: { size: pt(12) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 160 } } },
        { id: 'CoverPeriod', name: 'Cover Period', basedOn: 'Normal', run: { size: pt(11) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 960, after: 240 } } },
        { id: 'CoverFrame', name: 'Cover Frame', basedOn: 'Normal', run: { size: pt(9.5), color: '404040' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 40 } } },
        { id: 'SignatureDate', name: 'Signature Date', basedOn: 'Normal', paragraph: { spacing: { before: 480, after: 240 } } },
        { id: 'SignatureParty', name: 'Signature Party', basedOn: 'Normal', run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 40 } } },
        { id: 'SignatureRole', name: 'Signature Role', basedOn: 'Normal', run: { italics: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 40 } } },
    ],
};

const NUMBERING = {
    config: [{
        reference: BULLETS,
        levels: [
            { level: 0, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 283 } } } },
            { level: 1, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 1134, hanging: 283 } } } },
        ],
    }],
};
