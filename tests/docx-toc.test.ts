/**
 * The DOCX as LibreOffice opens it: converted to PDF with `soffice --headless` (CI installs libreoffice-writer-nogui),
 * its table of contents shows page numbers, and each number is the page its heading is on. Skipped only when
 * LibreOffice or poppler is absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContractDocument, renderDocx } from '@cpom/generator';
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

const canConvert = installed('soffice', ['--version']) && installed('pdftotext', ['-v']);

describe.runIf(canConvert)('DOCX table of contents in LibreOffice', () => {
    it('shows the page of every heading, Visas and Signatures included', async () => {
        const seed = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
        const bytes = await withContracts(new Map([['c.cpom', seed]]), 'c.cpom', async ([parsed]) => renderDocx(buildContractDocument(parsed!.contract, parsed!.avenants)));
        const work = mkdtempSync(path.join(tmpdir(), 'cpom-docx-toc-'));
        try {
            writeFileSync(path.join(work, 'contract.docx'), bytes);
            execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf', '--outdir', work, path.join(work, 'contract.docx')], { stdio: 'ignore', timeout: 180_000 });
            const pages = execFileSync('pdftotext', ['-layout', path.join(work, 'contract.pdf'), '-'], { encoding: 'utf8' }).split('\f');
            const toc = pages[1]!;
            const entry = (title: string) => Number(new RegExp(`^\\s*${title}\\.{3,}\\s*(\\d+)\\s*$`, 'm').exec(toc)?.[1]);
            // Every line of dots ends with a page number.
            expect(toc.split('\n').filter(l => /\.{5,}/.test(l)).every(l => /\.{3,}\s*\d+\s*$/.test(l))).toBe(true);
            for (const title of ['Visas', 'Préambule', 'Signatures', 'Annexe 2 — Fiches actions']) {
                const page = entry(title);
                expect(page, title).toBeGreaterThan(2);
                // The heading is on that page (pages are 1-based, the text of page n is pages[n - 1]).
                expect(pages[page - 1], title).toMatch(new RegExp(`^\\s*${title}\\s*$`, 'm'));
            }
        } finally {
            rmSync(work, { recursive: true, force: true });
        }
    });
});
