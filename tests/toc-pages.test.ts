/**
 * Tables of contents with page numbers, read back with pdftotext: in the PDF (Chromium prints twice, the second time
 * with the pages of the first) and in the DOCX as LibreOffice opens it (converted with `soffice --headless`; CI
 * installs libreoffice-writer-nogui). Each number must be the page its heading is on. Skipped only when Chromium,
 * LibreOffice or poppler is absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContractDocument, renderDocx } from '@cpom/generator';
import { pdfWithPageNumbers } from '../packages/cli/src/document-output.js';
import { findChromium } from '../packages/cli/src/pdf.js';
import { withContracts } from './every-output.js';
import { ROOT } from './helpers.js';

function installed(command: string, args: string[]): boolean {
    try {
        execFileSync(command, args, { stdio: 'ignore', timeout: 60_000 });
        return true;
    } catch {
        return false;
    }
}

const poppler = installed('pdftotext', ['-v']);
const canConvert = installed('soffice', ['--version']) && poppler;

const seed = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
const documentOfSeed = () => withContracts(new Map([['c.cpom', seed]]), 'c.cpom', async ([parsed]) => buildContractDocument(parsed!.contract, parsed!.avenants));

/** The TOC page (page 2) names each heading's page: that page holds the heading. */
function expectTocPages(pages: readonly string[], titles: readonly string[], leader: string): void {
    const toc = pages[1]!;
    for (const title of titles) {
        const page = Number(new RegExp(`^\\s*${title}${leader}(\\d+)\\s*$`, 'm').exec(toc)?.[1]);
        expect(page, title).toBeGreaterThan(2);
        // Pages are 1-based: the text of page n is pages[n - 1].
        // Headings in small capitals with spaced letters come out of pdftotext as `S i g n at u r e s`.
        const spaced = [...title].map(c => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s?');
        expect(pages[page - 1], title).toMatch(new RegExp(`^\\s*${spaced}\\s*$`, 'mi'));
    }
}

const TITLES = ['Visas', 'Préambule', 'Signatures', 'Annexe 2 — Fiches actions'];

describe.runIf(findChromium() !== undefined && poppler)('PDF table of contents', () => {
    it('shows the page of every heading', async () => {
        const pdf = await pdfWithPageNumbers(await documentOfSeed());
        const pages = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' }).split('\f');
        expectTocPages(pages, TITLES, '\\s{2,}');
    });
});

/** The seed's DOCX as LibreOffice lays it out, as text page by page (converted once for the tests below). */
let docxPages: Promise<string[]> | undefined;
function docxAsLaidOut(): Promise<string[]> {
    docxPages ??= (async () => {
        const bytes = await renderDocx(await documentOfSeed());
        const work = mkdtempSync(path.join(tmpdir(), 'cpom-docx-toc-'));
        try {
            writeFileSync(path.join(work, 'contract.docx'), bytes);
            execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf', '--outdir', work, path.join(work, 'contract.docx')], { stdio: 'ignore', timeout: 180_000 });
            return execFileSync('pdftotext', ['-layout', path.join(work, 'contract.pdf'), '-'], { encoding: 'utf8' }).split('\f');
        } finally {
            rmSync(work, { recursive: true, force: true });
        }
    })();
    return docxPages;
}

describe.runIf(canConvert)('DOCX table of contents in LibreOffice', () => {
    it('shows the page of every heading, Visas and Signatures included', async () => {
        const pages = await docxAsLaidOut();
        // Every line of dots ends with a page number.
        expect(pages[1]!.split('\n').filter(l => /\.{5,}/.test(l)).every(l => /\.{3,}\s*\d+\s*$/.test(l))).toBe(true);
        expectTocPages(pages, TITLES, '\\.{3,}\\s*');
    });

    it('lists titres, articles and annexes as the PDF does, not the parts of an article (the diagnostic\'s)', async () => {
        const toc = (await docxAsLaidOut())[1]!;
        expect(toc).toMatch(/^\s*Article 2 — Diagnostic partagé\.{3,}\s*\d+\s*$/m);
        expect(toc).toMatch(/^\s*Fiche action n° 1 — /m);
        for (const part of ['Activité', 'Organisation et fonctionnement', 'Ressources', 'Qualité', 'Axe 1 — ']) {
            expect(toc).not.toMatch(new RegExp(`^\\s*${part}`, 'm'));
        }
    });

    // LibreOffice without Arial draws the document in a wider font (Liberation Sans, or DejaVu Sans): the columns
    // are measured for the wider one, so that no number or word is cut across two lines of a cell.
    it('cuts no FINESS number, amount or column heading across two lines of a table cell', async () => {
        const text = (await docxAsLaidOut()).join('\n');
        // A FINESS number cut in the perimeter table leaves eight digits on a line (`69099902` then `4`).
        expect(text.match(/(?<!\d)\d{6,8}(?!\d)/g) ?? []).toEqual([]);
        // Column headings and words cut before their last letters (`Référenc` then `e`).
        expect(text.match(/Établissemen(?!t)|Référenc(?!e)|Catégori(?!e)|Indicateu(?!r)|Anné(?!e)/g) ?? []).toEqual([]);
    });
});
