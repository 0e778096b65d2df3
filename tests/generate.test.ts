/** `cpom generate`: every format for every bundled contract, refusal of broken contracts, safe writes. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../packages/cli/src/pdf.js';
import { ROOT } from './helpers.js';
import { runCpom } from './cli-run.js';

let out: string;

async function cpom(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
    return runCpom(args, cwd);
}

const chromium = findChromium();
const hasPdfTools = (() => {
    try {
        execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
        return chromium !== undefined;
    } catch {
        return false;
    }
})();

beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), 'cpom-generate-'));
});

describe('cpom generate', () => {
    it('writes html, md, docx and json for every seed and example', async () => {
        const run = await cpom(['generate', 'seeds', 'examples', '--format', 'html,md,docx,json', '--out', out]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const files = readdirSync(out).sort();
        for (const name of ['CPOM_MESSIDOR_2013']) {
            for (const ext of ['html', 'md', 'docx', 'json']) {
                expect(files).toContain(`${name}.${ext}`);
            }
        }
        // One document per contract (5 contracts), no temporary file left behind.
        expect(files.filter(f => f.endsWith('.html'))).toHaveLength(5);
        expect(files.filter(f => f.endsWith('.tmp'))).toEqual([]);
        const html = readFileSync(path.join(out, 'CPOM_MESSIDOR_2013.html'), 'utf8');
        expect(html).toContain('Article 4');
        expect(readFileSync(path.join(out, 'CPOM_MESSIDOR_2013.docx')).subarray(0, 2).toString()).toBe('PK');
        expect(JSON.parse(readFileSync(path.join(out, 'CPOM_MESSIDOR_2013.json'), 'utf8')).formatVersion).toBe(2);
    });

    it('refuses a contract with errors, unless --force', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'cpom-generate-bad-'));
        const broken = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8').replace('finess 260999016', 'finess 260999017');
        writeFileSync(path.join(dir, 'broken.cpom'), broken);
        const refused = await cpom(['generate', 'broken.cpom', '--format', 'html', '--out', 'out'], dir);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('CPOM041');
        expect(refused.stderr).toContain('--force');
        expect(existsSync(path.join(dir, 'out'))).toBe(false);
        const forced = await cpom(['generate', 'broken.cpom', '--format', 'html', '--out', 'out', '--force'], dir);
        expect(forced.code).toBe(0);
        expect(statSync(path.join(dir, 'out', 'CPOM_MESSIDOR_2013.html')).size).toBeGreaterThan(1000);
    });

    it('refuses a contract whose imported catalogue has errors, unless --force', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'cpom-generate-catalogue-'));
        cpSync(path.join(ROOT, 'examples/avenant-catalogue'), dir, { recursive: true });
        const catalogue = path.join(dir, 'referentiel-cote-dor.cpom');
        writeFileSync(catalogue, readFileSync(catalogue, 'utf8').replace('finess 210999017', 'finess 210999018'));
        const refused = await cpom(['generate', 'cpom-les-sources.cpom', '--format', 'md', '--out', 'out'], dir);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/referentiel-cote-dor\.cpom:\d+:\d+.*CPOM041/);
        expect(existsSync(path.join(dir, 'out'))).toBe(false);
        const forced = await cpom(['generate', 'cpom-les-sources.cpom', '--format', 'md', '--out', 'out', '--force'], dir);
        expect(forced.code).toBe(0);
        expect(existsSync(path.join(dir, 'out', 'CPOM_LES_SOURCES_2019.md'))).toBe(true);
    });

    it('exits 2 on an unknown format, a missing file or a folder without contract', async () => {
        expect((await cpom(['generate', 'seeds', '--format', 'odt', '--out', out])).code).toBe(2);
        expect((await cpom(['generate', 'nowhere.cpom', '--out', out])).code).toBe(2);
        const catalogueOnly = await cpom(['generate', 'examples/avenant-catalogue/catalogue-anap.cpom', '--out', out]);
        expect(catalogueOnly.code).toBe(2);
        expect(catalogueOnly.stderr).toContain('aucun contrat trouvé');
    });

    it.runIf(hasPdfTools)('prints a PDF for every seed and example: its text and pages are a contract', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'cpom-pdf-all-'));
        const run = await cpom(['generate', 'seeds', 'examples', '--format', 'pdf', '--out', dir]);
        expect(run.code).toBe(0);
        const pdfs = readdirSync(dir).filter(f => f.endsWith('.pdf')).sort();
        expect(pdfs).toEqual(['CPOM_EHPAD_JARDINS_PERIGORD_2019.pdf', 'CPOM_EHPAD_VAL_DE_LOIRE_2020.pdf', 'CPOM_ESTUAIRE_HANDICAP_2021.pdf', 'CPOM_LES_SOURCES_2019.pdf', 'CPOM_MESSIDOR_2013.pdf']);
        for (const pdf of pdfs) {
            const file = path.join(dir, pdf);
            const content = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
            for (const expected of ['Sommaire', 'Visas', 'Titre 1', 'Article 4', 'Annexe 1', 'Fait ']) {
                expect(content, `${pdf}: ${expected}`).toContain(expected);
            }
            const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
            expect(pages, pdf).toBeGreaterThanOrEqual(8);
        }
    });

    it.runIf(hasPdfTools)('prints the PDF with Chromium: text and pages of a contract', async () => {
        const run = await cpom(['generate', 'seeds/messidor-2013.cpom', '--format', 'pdf', '--out', out]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const pdf = path.join(out, 'CPOM_MESSIDOR_2013.pdf');
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
        const textContent = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        expect(textContent).toContain('MESSIDOR');
        expect(textContent).toContain('Article 4');
        const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
        expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(5);
        // First pages as PNG, for a person to look at (tests/output is not tracked).
        const pngDir = path.join(ROOT, 'tests/output');
        execFileSync('mkdir', ['-p', pngDir]);
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, path.join(pngDir, 'messidor-page')]);
        expect(readdirSync(pngDir).filter(f => f.startsWith('messidor-page')).length).toBeGreaterThanOrEqual(3);
    });
});
