/** The Word document's styles (headings, TOC, tables, cover, signatures) and its bullet numbering. */
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType } from 'docx';
import { ACCENT, BORDER_COLOR, BULLETS, FONT, LANGUAGE } from './docx-base.js';
import { TOC_RIGHT_INDENT } from './docx-toc.js';

// --- styles ----------------------------------------------------------------------------------------------

const pt = (points: number) => points * 2; // run sizes are in half-points

export const STYLES = {
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
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { alignment: AlignmentType.LEFT, indent: { right: TOC_RIGHT_INDENT }, spacing: { before: 120, after: 40 } } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { alignment: AlignmentType.LEFT, indent: { left: 284, right: TOC_RIGHT_INDENT }, spacing: { after: 20 } } },
        { id: 'TOC3', name: 'toc 3', basedOn: 'Normal', next: 'Normal', run: { size: pt(9.5) }, paragraph: { alignment: AlignmentType.LEFT, indent: { left: 567, right: TOC_RIGHT_INDENT }, spacing: { after: 20 } } },
        { id: 'CpomHeader', name: 'header', basedOn: 'Normal', run: { size: pt(8), color: '595959' }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR, space: 4 } } } },
        { id: 'CpomFooter', name: 'footer', basedOn: 'Normal', run: { size: pt(8), color: '595959' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
        { id: 'CoverHeading', name: 'Cover Heading', basedOn: 'Normal', run: { size: pt(18), bold: true, allCaps: true, color: ACCENT }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 480, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'CoverTitle', name: 'Cover Title', basedOn: 'Normal', run: { size: pt(15), bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 1200 } } },
        { id: 'CoverBetween', name: 'Cover Between', basedOn: 'Normal', run: { size: pt(11), bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
        { id: 'CoverAnd', name: 'Cover And', basedOn: 'Normal', run: { size: pt(11), bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 } } },
        { id: 'CoverParty', name: 'Cover Party', basedOn: 'Normal', run: { size: pt(12) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 160 } } },
        { id: 'CoverPeriod', name: 'Cover Period', basedOn: 'Normal', run: { size: pt(11) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 960, after: 240 } } },
        { id: 'CoverFrame', name: 'Cover Frame', basedOn: 'Normal', run: { size: pt(9.5), color: '404040' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 40 } } },
        { id: 'SignatureDate', name: 'Signature Date', basedOn: 'Normal', paragraph: { spacing: { before: 120, after: 240 } } },
        { id: 'SignatureParty', name: 'Signature Party', basedOn: 'Normal', run: { bold: true }, paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 40 } } },
        { id: 'SignatureRole', name: 'Signature Role', basedOn: 'Normal', run: { italics: true }, paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 40 } } },
        { id: 'SignaturePerson', name: 'Signature Person', basedOn: 'Normal', paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 40 } } },
        // The line to sign on, as in the PDF: a small grey word above a dotted rule.
        { id: 'SignatureLine', name: 'Signature Line', basedOn: 'Normal', run: { size: pt(8), color: '595959' }, paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0 }, border: { bottom: { style: BorderStyle.DOTTED, size: 6, color: BORDER_COLOR, space: 1 } } } },
    ],
};

export const NUMBERING = {
    config: [{
        reference: BULLETS,
        levels: [
            { level: 0, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 283 } } } },
            { level: 1, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 1134, hanging: 283 } } } },
        ],
    }],
};

