/**
 * Renders the contract document as a Word document (Office Open XML, `.docx`).
 *
 * The package (styles, bullet numbering, settings, header, footer, properties) comes from the `docx` library; the
 * body, which is all the size of a contract, is written as WordprocessingML text by `DocxBodyWriter` and put in place
 * of a marker paragraph: the library's object model cost seconds on a 5,000-line contract (issue 15). A4, French
 * language, contract title in the header, "Page X sur Y" in the footer, title page without header and footer, page
 * break before each annex; the table of contents' fields are refreshed when Word opens the document.
 *
 * Pure: no I/O. Every string of the model is plain text: it is escaped, and characters XML 1.0 forbids (C0 controls
 * but tab and line breaks, U+FFFE/U+FFFF, lone surrogates), as well as DEL and C1 controls, are removed; line breaks
 * become Word line breaks.
 */
import { strFromU8, unzipSync } from 'fflate';
import { Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ContractDocument } from '../document/model.js';
import { A4, BULLETS, docxText, MARGIN, runs } from './docx-base.js';
import { DocxBodyWriter } from './docx-body.js';
import { runningHeaderText } from './common.js';
import { NUMBERING, STYLES } from './docx-styles.js';
import { zipParts } from './docx-zip.js';

/** The text of the paragraph that the body replaces: no contract string can produce it (angle brackets are escaped). */
const BODY_MARKER = 'cpom-body-marker-6f1d';
const DOCUMENT_PART = 'word/document.xml';

export async function renderDocx(document: ContractDocument): Promise<Uint8Array> {
    const parts = unzipSync(new Uint8Array(await Packer.toArrayBuffer(packageOf(document))));
    const skeleton = strFromU8(parts[DOCUMENT_PART]!);
    // The bullet list that stands in the skeleton makes the library write the bullets' numbering; its id is the body's.
    const numId = Number(/<w:numId w:val="(\d+)"\/>/.exec(skeleton)?.[1] ?? 1);
    const start = skeleton.indexOf('<w:body>') + '<w:body>'.length;
    const end = skeleton.indexOf('<w:sectPr', start);
    if (start < '<w:body>'.length || end < 0 || !skeleton.slice(start, end).includes(BODY_MARKER)) {
        throw new Error('docx: the document part has no body marker');
    }
    const body = new DocxBodyWriter(document, numId).write();
    // One join of the pieces, encoded once (a Blob of 300,000 pieces would be read, and deflated, piece by piece).
    const documentPart = new TextEncoder().encode([skeleton.slice(0, start), ...body, skeleton.slice(end)].join(''));
    // A Uint8Array, not a Node Buffer: the same renderer runs in the language server's browser worker.
    return zipParts({ ...parts, [DOCUMENT_PART]: documentPart });
}

/** Word shows 255 characters of a document property. */
const PROPERTY_MAX = 255;

/**
 * A document property (title, subject, description) as Word shows it: at most 255 characters, never a surrogate
 * pair cut. The `docx` library escapes it with a callback per special character: whole, a title of a million `<`
 * took a second.
 */
function propertyText(value: string): string {
    const text = docxText(value);
    if (text.length <= PROPERTY_MAX) return text;
    const high = text.charCodeAt(PROPERTY_MAX - 1);
    return text.slice(0, high >= 0xD800 && high <= 0xDBFF ? PROPERTY_MAX - 1 : PROPERTY_MAX);
}

/** The Word package without its body: a marker paragraph and one bullet item stand in its place. */
function packageOf(document: ContractDocument): Document {
    return new Document({
        title: propertyText(document.titlePage.title),
        subject: propertyText(document.titlePage.heading),
        creator: 'cpom',
        keywords: 'CPOM',
        description: propertyText(`${document.titlePage.heading} ${document.titlePage.period}`.trim()),
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
                default: new Header({ children: [new Paragraph({ style: 'CpomHeader', children: runs(runningHeaderText(document.titlePage)) })] }),
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
            children: [
                new Paragraph({ text: BODY_MARKER }),
                new Paragraph({ style: 'ListParagraph', numbering: { reference: BULLETS, level: 0 }, text: BODY_MARKER }),
            ],
        }],
    });
}
