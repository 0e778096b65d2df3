/** The DOCX renderer: every bundled contract as a Word document, read back; hostile text comes out literally. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { EmptyFileSystem, URI } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import { ast, createCpomServices } from '@cpom/language';
import { buildContractDocument } from '../packages/generator/src/document/build-contract-document.js';
import type { ContractDocument } from '../packages/generator/src/document/model.js';
import { renderDocx } from '../packages/generator/src/render/docx.js';
import { renderHtml } from '../packages/generator/src/render/html.js';
import { createServices, loadWorkspace } from '../packages/cli/src/workspace.js';
import { filesUnder, ROOT } from './helpers.js';

const files = [...filesUnder(path.join(ROOT, 'seeds'), '.cpom'), ...filesUnder(path.join(ROOT, 'examples'), '.cpom')];

interface Docx {
    readonly parts: Map<string, string>;
    /** word/document.xml */
    readonly body: string;
}

async function readDocx(bytes: Uint8Array): Promise<Docx> {
    const zip = await JSZip.loadAsync(bytes);
    const parts = new Map<string, string>();
    for (const name of Object.keys(zip.files)) {
        const file = zip.file(name);
        if (file) parts.set(name, await file.async('string'));
    }
    return { parts, body: parts.get('word/document.xml') ?? '' };
}

function decode(xml: string): string {
    return xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'')
        .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
        .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
        .replace(/&amp;/g, '&');
}

/** The text of a part's paragraphs, one line per `w:p`, as Word shows it (runs joined, field codes left out). */
function paragraphs(xml: string): string[] {
    return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(p => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(t => decode(t[1]!)).join(''));
}

/** What every part must be: escaped XML, without characters XML 1.0 forbids. */
function expectWellFormedText(xml: string): void {
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
}

const documents = new Map<string, { document: ContractDocument; docx: Docx; bytes: Uint8Array }>();

beforeAll(async () => {
    const services = createServices();
    const workspace = await loadWorkspace(services, files);
    for (const file of workspace.files) {
        const root = file.document.parseResult.value;
        if (!ast.isCpomFile(root)) continue;
        for (const contract of root.elements.filter(ast.isContrat)) {
            const document = buildContractDocument(contract, services.Cpom.cpom.WorkspaceIndex.avenantsOf(contract));
            const bytes = await renderDocx(document);
            documents.set(contract.name, { document, docx: await readDocx(bytes), bytes });
        }
    }
});

describe('renderDocx on the bundled contracts', () => {
    it('renders every seed and example', () => {
        expect([...documents.keys()]).toContain('CPOM_MESSIDOR_2013');
        expect(documents.size).toBeGreaterThanOrEqual(4);
        for (const { bytes, docx } of documents.values()) {
            expect(bytes).toBeInstanceOf(Uint8Array);
            expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
            expect(docx.parts.has('[Content_Types].xml')).toBe(true);
            for (const xml of docx.parts.values()) expectWellFormedText(xml);
        }
    });

    it('uses Word heading styles: Heading 1 for titres and annexes, Heading 2 for articles, Heading 3 for parts', () => {
        for (const { document, docx } of documents.values()) {
            const headings = (level: number) => [...docx.body.matchAll(new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Heading${level}"/>(?:(?!</w:p>).)*</w:p>`, 'gs'))]
                .map(m => paragraphs(m[0]).join(''));
            const h1 = headings(1);
            for (const title of document.body) expect(h1).toContain(`${title.label} — ${title.title}`);
            for (const annex of document.annexes) expect(h1).toContain(`${annex.label} — ${annex.title}`);
            // The last article of Titre 2: 6 or, for an EHPAD (fin des conventions tripartites), 7.
            expect(headings(2).filter(h => /^Article [67] — Entrée en vigueur et durée du contrat$/.test(h))).toHaveLength(1);
            expect(headings(3).length).toBeGreaterThan(0);
            const styles = docx.parts.get('word/styles.xml')!;
            expect(styles).toContain('<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Heading 1"/>');
            expect(styles).toContain('<w:lang w:val="fr-FR"/>');
        }
    });

    it('has a table of contents, one entry per heading with its page field, refreshed on open', () => {
        const { docx, document } = documents.get('CPOM_MESSIDOR_2013')!;
        const instructions = [...docx.body.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map(m => decode(m[1]!));
        expect(instructions).toContain(' PAGEREF cpom_visas \\h ');
        expect(instructions).toContain(' PAGEREF cpom_signatures \\h ');
        expect(docx.body).toContain('<w:docPartGallery w:val="Table of Contents"/>');
        expect(docx.parts.get('word/settings.xml')).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
        const toc = docx.body.slice(docx.body.indexOf('<w:sdtContent>'), docx.body.indexOf('</w:sdtContent>'));
        expect(paragraphs(toc)).toContain(`Annexe 1 — ${document.annexes[0]!.title}`);
        // Every entry links to a bookmark that exists.
        for (const [, anchor] of toc.matchAll(/w:anchor="([^"]+)"/g)) {
            expect(docx.body).toMatch(new RegExp(`<w:bookmarkStart w:id="\\d+" w:name="${anchor}"/>`));
        }
    });

    it('lists the same headings as the PDF\'s table of contents: titres and annexes, their articles, no part of an article', () => {
        for (const { document, docx } of documents.values()) {
            const toc = docx.body.slice(docx.body.indexOf('<w:sdtContent>'), docx.body.indexOf('</w:sdtContent>'));
            const html = renderHtml(document);
            const nav = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'));
            const htmlEntries = [...nav.matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)].map(m => decode(m[1]!.replace(/&#39;/g, '&apos;')));
            expect(paragraphs(toc)).toEqual(htmlEntries);
            // Two levels: TOC1 for titres, annexes and the unnumbered headings, TOC2 for what they hold.
            expect(toc).not.toContain('<w:pStyle w:val="TOC3"/>');
        }
        const { docx } = documents.get('CPOM_EHPAD_VAL_DE_LOIRE_2020')!;
        const toc = docx.body.slice(docx.body.indexOf('<w:sdtContent>'), docx.body.indexOf('</w:sdtContent>'));
        expect(paragraphs(toc)).toContain('Article 2 — Diagnostic partagé');
        expect(paragraphs(toc)).not.toContain('Activité');
    });

    it('has a title page, then the visas in italics', () => {
        const { docx } = documents.get('CPOM_MESSIDOR_2013')!;
        const text = paragraphs(docx.body);
        expect(text.slice(0, 8)).toEqual([
            'Contrat pluriannuel d\'objectifs et de moyens',
            'CPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017',
            'ENTRE', 'Agence régionale de santé Rhône-Alpes', 'ET', 'Association MESSIDOR',
            'Pour la période du 1er\u00A0janvier 2013 au 31\u00A0décembre 2017',
            // French spacing as in the PDF: a no-break space before the colon.
            'Cadre juridique\u00A0:',
        ]);
        expect(docx.body).toMatch(/<w:pStyle w:val="TOCHeading"\/><w:pageBreakBefore\/>/);
        expect(docx.body).toMatch(/<w:pStyle w:val="Heading1"\/><w:pageBreakBefore\/>(?:(?!<\/w:p>).)*Visas.*?<w:pStyle w:val="Visa"\/>.*?Vu le code de l&apos;action sociale/s);
        expect(docx.parts.get('word/styles.xml')).toMatch(/<w:style w:type="paragraph" w:styleId="Visa">.*?<w:i\/>.*?<\/w:style>/s);
    });

    it('draws the perimeter as a real table: caption above, repeated header, 13 establishments, bold total, numbers on the right', () => {
        const { docx } = documents.get('CPOM_MESSIDOR_2013')!;
        const caption = docx.body.indexOf('Établissements et services du périmètre');
        expect(caption).toBeGreaterThan(0);
        const table = docx.body.slice(docx.body.indexOf('<w:tbl>', caption), docx.body.indexOf('</w:tbl>', caption));
        const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(r => r[0]);
        expect(rows).toHaveLength(1 + 13 + 1);
        expect(rows[0]).toContain('<w:tblHeader/>');
        expect(paragraphs(rows[0]!)).toEqual(['Établissement ou service', 'FINESS', 'Catégorie', 'Dép.', 'Capacité', 'Tarification']);
        expect(rows.slice(1, 14).every(r => /ESAT MESSIDOR/.test(r))).toBe(true);
        expect(paragraphs(rows[1]!)[1]).toMatch(/^\d{9}$/);
        const places = rows[1]!.match(/<w:tc>[\s\S]*?<\/w:tc>/g)![4]!;
        expect(places).toContain('<w:jc w:val="right"/>');
        const total = rows[14]!;
        expect(paragraphs(total)[0]).toBe('Total');
        expect(paragraphs(total)[4]).toBe('345 places');
        expect(total).toMatch(/<w:b\/>.*?<w:t xml:space="preserve">345 places<\/w:t>/s);
    });

    it('has the contract title in the header and "Page X sur Y" in the footer; A4; no header on the title page', () => {
        const { docx } = documents.get('CPOM_MESSIDOR_2013')!;
        const footers = [...docx.parts].filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, xml]) => xml);
        const footer = footers.find(f => f.includes('PAGE'));
        expect(footer).toBeDefined();
        expect(footer).toMatch(/Page [\s\S]*?<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*? sur [\s\S]*?NUMPAGES/);
        const headers = [...docx.parts].filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => paragraphs(xml).join(''));
        expect(headers).toContain('CPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017');
        expect(docx.body).toContain('<w:pgSz w:w="11906" w:h="16838"');
        expect(docx.body).toContain('<w:titlePg/>');
    });

    it('ends the body with a Signatures heading and a framed box per signatory, and starts each annex on a new page', () => {
        const { docx, document } = documents.get('CPOM_MESSIDOR_2013')!;
        const date = docx.body.indexOf('Fait le 20\u00A0juin 2013');
        expect(date).toBeGreaterThan(0);
        const table = docx.body.slice(docx.body.indexOf('<w:tbl>', date), docx.body.indexOf('</w:tbl>', date));
        // A box per signatory, a narrow gap between two boxes.
        expect(table.match(/<w:gridCol /g)).toHaveLength(2 * document.signatures.signatories.length - 1);
        expect(table.match(/<w:tcBorders><w:top w:val="single"/g)).toHaveLength(document.signatures.signatories.length);
        const heading = /<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*?>Signatures<\/w:t>/s.exec(docx.body);
        expect(heading?.index).toBeLessThan(date);
        expect(paragraphs(table)).toEqual(expect.arrayContaining(['Agence régionale de santé Rhône-Alpes', 'Association MESSIDOR']));
        expect(table).toMatch(/<w:trHeight w:val="\d+" w:hRule="atLeast"\/>/);
        for (const annex of document.annexes) {
            expect(docx.body).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/><w:pageBreakBefore/>(?:(?!</w:p>).)*${annex.label}`, 's'));
        }
    });

    it('puts in each signatory\'s box, as in the PDF, the party, the role, the person and a "Signature" line at its foot', () => {
        for (const { document, docx } of documents.values()) {
            const start = docx.body.indexOf('<w:tbl>', docx.body.indexOf('w:name="cpom_signatures"'));
            const end = docx.body.indexOf('<w:pStyle w:val="Heading1"/>', start);
            const block = docx.body.slice(start, end < 0 ? undefined : end);
            const text = paragraphs(block);
            const { signatories } = document.signatures;
            for (const s of signatories) {
                expect(text).toContain(s.party);
                if (s.role) expect(text).toContain(s.role);
                if (s.person) expect(text).toContain(s.person);
            }
            expect(text.filter(t => t === 'Signature')).toHaveLength(signatories.length);
            // The line to sign on: a dotted rule under the word, in the style of its paragraph.
            expect(block.match(/<w:pStyle w:val="SignatureLine"\/>/g)).toHaveLength(signatories.length);
            expect(docx.parts.get('word/styles.xml')).toMatch(/<w:style w:type="paragraph" w:styleId="SignatureLine">.*?<w:bottom w:val="dotted"/s);
        }
    });

    it('starts each fiche action after the first on a page, its axis line kept with it and not justified, as in the PDF', () => {
        const { docx } = documents.get('CPOM_EHPAD_VAL_DE_LOIRE_2020')!;
        const heading = (n: number) => new RegExp(`<w:p><w:pPr><w:pStyle w:val="Heading3"/>(<w:pageBreakBefore/>)?</w:pPr>(?:(?!</w:p>).)*Fiche action n°\u00A0${n} —`, 's').exec(docx.body);
        expect(heading(1)?.[1]).toBeUndefined();
        expect(heading(2)?.[1]).toBe('<w:pageBreakBefore/>');
        expect(docx.body).toMatch(/<w:p><w:pPr><w:keepNext\/><w:jc w:val="left"\/><\/w:pPr><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Axe 1 — /);
    });

    it('writes cross-references as numbers, linked to their section', () => {
        const { docx } = documents.get('CPOM_MESSIDOR_2013')!;
        // No-break spaces: a reference's number is never cut from its noun at a line's end.
        expect(paragraphs(docx.body)).toContain('Le présent contrat fixe les obligations respectives des parties et prévoit les moyens nécessaires à la réalisation des objectifs qu\'il détermine, sur la durée fixée à l\'article\u00A06 du titre\u00A02.');
        expect(docx.body).toMatch(/<w:hyperlink w:anchor="cpom_duree"[^>]*>.*?article\u00A06 du titre\u00A02/s);
    });

    it('renders the avenants annex of a contract with avenants', () => {
        const { docx } = documents.get('CPOM_LES_SOURCES_2019')!;
        const text = paragraphs(docx.body);
        // French spacing: a no-break space after « n° », in the heading and its table of contents entry alike.
        expect(text.filter(t => t === 'Avenant n°\u00A01')).toHaveLength(2);
        expect(text.filter(t => t === 'Avenant n°\u00A02')).toHaveLength(2);
    });
});

// --- hostile text ----------------------------------------------------------------------------------------

const HOSTILE = '<script>alert("x")</script> & Cie \'O\'Brien\' ]]> { PAGE } \\o <w:p>';
const CONTROLS = 'A\u0000B\u0001C\u000BD\u000CE\u001FF\uFFFEG\uFFFFH\uD800I';

function hostileDocument(): ContractDocument {
    const text = (t: string) => ({ kind: 'text' as const, text: t });
    return {
        lang: 'fr',
        id: 'HOSTILE',
        titlePage: { heading: HOSTILE, title: `Titre ${HOSTILE}`, between: [HOSTILE, CONTROLS], period: HOSTILE, frames: [HOSTILE] },
        visas: [{ kind: 'paragraph', content: [text(`Vu ${HOSTILE}`)], style: 'legal' }],
        preamble: [{ kind: 'paragraph', content: [text(CONTROLS), text(`ligne 1\nligne 2\tfin`)] }],
        body: [{
            kind: 'section', id: 'titre"><w:p>', sectionKind: 'title', title: HOSTILE, label: 'Titre 1',
            blocks: [{
                kind: 'section', id: 'article & <1>', sectionKind: 'article', title: `Article ${HOSTILE}`, label: 'Article 1',
                blocks: [
                    { kind: 'paragraph', content: [text(HOSTILE, ), { kind: 'ref', target: 'article & <1>', text: `réf ${HOSTILE}` }, { kind: 'ref', target: 'nowhere' }] },
                    { kind: 'list', items: [[text(`puce ${HOSTILE}`)]] },
                    {
                        kind: 'table', caption: `Légende ${HOSTILE}`, columns: [{ label: `Col ${HOSTILE}` }, { label: 'N', align: 'right' }],
                        rows: [[`cellule ${HOSTILE}`, '1'], [{ text: CONTROLS, strong: true }]], footer: [[{ text: `Total ${HOSTILE}`, strong: true }, '2']],
                    },
                    { kind: 'section', id: 'part', sectionKind: 'part', title: `Partie ${HOSTILE}`, blocks: [] },
                ],
            }],
        }],
        signatures: { kind: 'signatures', date: `Fait ${HOSTILE}`, signatories: [{ party: HOSTILE, role: HOSTILE, person: CONTROLS }] },
        annexes: [{ kind: 'section', id: 'annexe', sectionKind: 'annex', title: HOSTILE, label: 'Annexe 1', blocks: [] }],
    };
}

describe('renderDocx on hostile text', () => {
    let docx: Docx;
    beforeAll(async () => {
        docx = await readDocx(await renderDocx(hostileDocument()));
    });

    it('escapes XML specials and never writes them as markup', () => {
        for (const [name, xml] of docx.parts) {
            expectWellFormedText(xml);
            expect(xml, name).not.toContain('<script');
            expect(xml, name).not.toContain('\\o <w:p>');
            expect(xml, name).not.toContain('titre"><w:p>');
        }
        expect(docx.body).toContain('&lt;script&gt;alert(');
        expect(docx.parts.get('docProps/core.xml')).toContain('&lt;script&gt;');
        expect([...docx.parts].some(([name, xml]) => name.startsWith('word/header') && xml.includes('Titre &lt;script&gt;'))).toBe(true);
    });

    it('writes the text literally, in every place, without forbidden characters', () => {
        const text = paragraphs(docx.body);
        const literal = (s: string) => expect(text.some(t => t.includes(s)), s).toBe(true);
        for (const s of [HOSTILE, `Titre ${HOSTILE}`, `Vu ${HOSTILE}`, `Article 1 — Article ${HOSTILE}`, `Titre 1 — ${HOSTILE}`, `réf ${HOSTILE}`,
            `puce ${HOSTILE}`, `Légende ${HOSTILE}`, `Col ${HOSTILE}`, `cellule ${HOSTILE}`, `Total ${HOSTILE}`, `Partie ${HOSTILE}`,
            `Fait ${HOSTILE}`, `Annexe 1 — ${HOSTILE}`, 'ABCDEFGHI', 'nowhere']) {
            literal(s);
        }
        // { PAGE } and \o are text, not fields: the only field codes are the table of contents and its page references.
        const instructions = [...docx.body.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map(m => m[1]!.trim());
        expect(instructions.every(i => i.startsWith('TOC ') || i.startsWith('PAGEREF '))).toBe(true);
    });

    it('turns line breaks into Word line breaks and tabs into spaces', () => {
        expect(docx.body).toMatch(/ligne 1<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">ligne 2 fin<\/w:t>/);
    });

    it('names bookmarks with letters, digits and underscores only, and links resolved references to them', () => {
        const starts = [...docx.body.matchAll(/<w:bookmarkStart w:id="(\d+)" w:name="([^"]*)"\/>/g)];
        const names = starts.map(m => m[2]!);
        expect(names.length).toBeGreaterThan(0);
        for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
        expect(new Set(names).size).toBe(names.length);
        // Unique ids, each start with its end.
        const ids = starts.map(m => m[1]!);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(docx.body).toContain(`<w:bookmarkEnd w:id="${id}"/>`);
        expect(docx.body).toMatch(/<w:hyperlink w:anchor="cpom_article____1_"[^>]*>.*?réf &lt;script/s);
    });
});

describe('renderDocx on a parsed contract with hostile strings', () => {
    it('keeps the strings of the contract literal from the source to the Word document', async () => {
        const seed = readFileSync(path.join(ROOT, 'seeds', 'messidor-2013.cpom'), 'utf8')
            .replace('"CPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017"', '"CPOM <b>MESSIDOR</b> & \\"Cie\\" \u0001"')
            .replace('"ESAT MESSIDOR Lyon Gerland"', '"ESAT <script>Lyon</script> & Gerland"');
        const services = createCpomServices(EmptyFileSystem);
        const { shared } = services;
        const document = shared.workspace.LangiumDocumentFactory.fromString(seed, URI.parse('memory:///hostile.cpom'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const root = document.parseResult.value as ast.CpomFile;
        const contract = root.elements.find(ast.isContrat)!;
        const docx = await readDocx(await renderDocx(buildContractDocument(contract)));
        for (const xml of docx.parts.values()) expectWellFormedText(xml);
        expect(docx.body).not.toContain('<script');
        expect(docx.body).not.toContain('<b>');
        const text = paragraphs(docx.body);
        expect(text).toContain('CPOM <b>MESSIDOR</b> & "Cie" ');
        expect(text).toContain('ESAT <script>Lyon</script> & Gerland');
    });
});
