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

describe.runIf(canConvert)('DOCX table of contents in LibreOffice', () => {
    it('shows the page of every heading, Visas and Signatures included', async () => {
        const bytes = await renderDocx(await documentOfSeed());
        const work = mkdtempSync(path.join(tmpdir(), 'cpom-docx-toc-'));
        try {
            writeFileSync(path.join(work, 'contract.docx'), bytes);
            execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf', '--outdir', work, path.join(work, 'contract.docx')], { stdio: 'ignore', timeout: 180_000 });
            const pages = execFileSync('pdftotext', ['-layout', path.join(work, 'contract.pdf'), '-'], { encoding: 'utf8' }).split('\f');
            // Every line of dots ends with a page number.
            expect(pages[1]!.split('\n').filter(l => /\.{5,}/.test(l)).every(l => /\.{3,}\s*\d+\s*$/.test(l))).toBe(true);
            expectTocPages(pages, TITLES, '\\.{3,}\\s*');
        } finally {
            rmSync(work, { recursive: true, force: true });
        }
    });
});
