/** The table of contents of the Word document. */
import { docxText, TEXT_WIDTH } from './docx-base.js';
import { escapeXml } from './docx-xml.js';
import { frenchSpacing } from './common.js';

/** Right indent of the TOC styles; the page numbers' right tab stops a few twips inside it. */
export const TOC_RIGHT_INDENT = 567;
/** LibreOffice does not draw what follows a tab stop on or beyond the paragraph's right edge. */
export const TOC_TAB = TEXT_WIDTH - TOC_RIGHT_INDENT - 15;

export interface TocEntry {
    readonly level: 1 | 2 | 3;
    readonly text: string;
    readonly bookmark: string;
}

const fieldChar = (type: 'begin' | 'separate' | 'end') => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;

/**
 * The table of contents, in Word's Table of Contents content control: one entry per heading, linked to the heading's
 * bookmark, with a `PAGEREF` field for its page number. Word updates the fields on open (`updateFields`);
 * LibreOffice computes the page references when it lays the document out, so a DOCX converted to PDF by LibreOffice
 * shows the numbers (tests/docx-toc.test.ts). No enclosing `TOC` field: LibreOffice then takes the entries as a
 * frozen index and draws no page number (and `docx`'s own `TableOfContents` leaves the field empty).
 */
export function tableOfContentsXml(entries: readonly TocEntry[]): string {
    const paragraphs = entries.map(entry => {
        const bookmark = escapeXml(entry.bookmark);
        return `<w:p><w:pPr><w:pStyle w:val="TOC${entry.level}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TOC_TAB}"/></w:tabs></w:pPr>`
            + `<w:hyperlink w:anchor="${bookmark}" w:history="true"><w:r><w:t xml:space="preserve">${escapeXml(frenchSpacing(docxText(entry.text).replace(/\n/g, ' ')))}</w:t></w:r></w:hyperlink>`
            + `<w:r><w:tab/></w:r>${fieldChar('begin')}<w:r><w:instrText xml:space="preserve"> PAGEREF ${bookmark} \\h </w:instrText></w:r>`
            + `${fieldChar('separate')}<w:r><w:t xml:space="preserve"></w:t></w:r>${fieldChar('end')}</w:p>`;
    });
    const sdtPr = '<w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>';
    return `<w:sdt>${sdtPr}<w:sdtContent>${paragraphs.length > 0 ? paragraphs.join('') : '<w:p/>'}</w:sdtContent></w:sdt>`;
}
