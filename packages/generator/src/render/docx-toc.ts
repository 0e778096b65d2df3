/** The table of contents of the Word document. */
import { FileChild } from 'docx';
import { element, fieldChar, instruction, TEXT_WIDTH, textRun } from './docx-base.js';


/** Right indent of the TOC styles; the page numbers' right tab stops a few twips inside it. */
export const TOC_RIGHT_INDENT = 567;
/** LibreOffice does not draw what follows a tab stop on or beyond the paragraph's right edge. */
export const TOC_TAB = TEXT_WIDTH - TOC_RIGHT_INDENT - 15;

export interface TocEntry {
    readonly level: 1 | 2 | 3;
    readonly text: string;
    readonly bookmark: string;
}

/**
 * The table of contents, in Word's Table of Contents content control: one entry per heading, linked to the heading's
 * bookmark, with a `PAGEREF` field for its page number. Word updates the fields on open (`updateFields`);
 * LibreOffice computes the page references when it lays the document out, so a DOCX converted to PDF by LibreOffice
 * shows the numbers (tests/docx-toc.test.ts). No enclosing `TOC` field: LibreOffice then takes the entries as a
 * frozen index and draws no page number (and `docx`'s own `TableOfContents` leaves the field empty).
 */
export class TableOfContentsField extends FileChild {
    constructor(entries: readonly TocEntry[]) {
        super('w:sdt');
        this.root.push(element('w:sdtPr', {}, [
            element('w:docPartObj', {}, [element('w:docPartGallery', { 'w:val': 'Table of Contents' }), element('w:docPartUnique')]),
        ]));
        const paragraphs = entries.map(entry => element('w:p', {}, [
            element('w:pPr', {}, [
                element('w:pStyle', { 'w:val': `TOC${entry.level}` }),
                element('w:tabs', {}, [element('w:tab', { 'w:val': 'right', 'w:leader': 'dot', 'w:pos': TOC_TAB })]),
            ]),
            element('w:hyperlink', { 'w:anchor': entry.bookmark, 'w:history': true }, [textRun(entry.text)]),
            element('w:r', {}, [element('w:tab')]),
            fieldChar('begin'), instruction(` PAGEREF ${entry.bookmark} \\h `), fieldChar('separate'), textRun(''), fieldChar('end'),
        ]));
        if (paragraphs.length === 0) paragraphs.push(element('w:p'));
        this.root.push(element('w:sdtContent', {}, paragraphs));
    }
}
