/**
 * One Chromium per command (issue 15): a printer serves every PDF of a batch from one browser, the pages of the table
 * of contents are measured without a draft print (and printed again should one be wrong), and the table of
 * contents' page numbers written into the page already laid out give the same table as a document rendered with them.
 */
import { EmptyFileSystem, URI } from 'langium';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ast, createCpomServices } from '@cpom/language';
import { buildContractDocument, type ContractDocument, renderHtml, tocPageEstimateScript, tocPageNumbersScript, withTocMeasureStyle } from '@cpom/generator';
import { pdfWithPageNumbers } from '../packages/cli/src/document-output.js';
import { PdfEngine } from '../packages/cli/src/pdf-engine.js';
import { findChromium, withPdfPrinter } from '../packages/cli/src/pdf.js';
import { anchorPages } from '../packages/cli/src/pdf-pages.js';
import { ROOT } from './helpers.js';

const poppler = (() => {
    try {
        execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
        return true;
    } catch {
        return false;
    }
})();

/** Each page of a PDF in grey at 50 dpi, as pdftoppm draws it. */
function pagePixels(pdf: Buffer): string[] {
    const work = mkdtempSync(path.join(tmpdir(), 'cpom-pdf-pixels-'));
    try {
        writeFileSync(path.join(work, 'a.pdf'), pdf);
        execFileSync('pdftoppm', ['-r', '50', '-gray', path.join(work, 'a.pdf'), path.join(work, 'page')]);
        return readdirSync(work).filter(f => f.endsWith('.pgm')).sort().map(f => readFileSync(path.join(work, f)).toString('base64'));
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

/** 120 titres of a page each after the seed's style sheet: the pages of the bench's ~5,000-line contract were one too few from the 80th on. */
async function longDocument(): Promise<{ html: string; ids: string[] }> {
    const html = renderHtml(await seedDocument(), { pageNumbers: new Map() });
    const ids = Array.from({ length: 120 }, (_, i) => `titre-${i + 1}`);
    const toc = ids.map(id => `<li><span class="toc-line"><a href="#${id}">${id}</a><span class="toc-page" aria-hidden="true">000</span></span></li>`).join('');
    const sections = ids.map(id => `<section id="${id}" class="section titre"><h2>${id}</h2><p>Texte.</p></section>`).join('\n');
    return { html: `${html.slice(0, html.indexOf('<body>'))}<body><nav class="toc"><ol>${toc}</ol></nav>\n${sections}</body></html>`, ids };
}

async function seedDocument(): Promise<ContractDocument> {
    const services = createCpomServices(EmptyFileSystem);
    const text = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<ast.CpomFile>(text, URI.parse('memory:///messidor.cpom'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    const contract = document.parseResult.value.elements.find(ast.isContrat)!;
    return buildContractDocument(contract, services.Cpom.cpom.WorkspaceIndex.avenantsOf(contract));
}

describe.runIf(findChromium() !== undefined)('PDF printer', () => {
    it('prints every PDF of a command with one Chromium', async () => {
        const document = await seedDocument();
        const start = vi.spyOn(PdfEngine, 'start');
        try {
            const pdfs = await withPdfPrinter(async printer => [await pdfWithPageNumbers(document, printer), await pdfWithPageNumbers(document, printer)]);
            expect(start).toHaveBeenCalledTimes(1);
            for (const pdf of pdfs) {
                expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
                expect(anchorPages(pdf).size).toBeGreaterThan(5);
            }
        } finally {
            start.mockRestore();
        }
    }, 120_000);

    it('fills the table of contents in the page as renderHtml does with the page numbers', async () => {
        const document = await seedDocument();
        await withPdfPrinter(async printer => {
            const draft = await printer.load(renderHtml(document, { pageNumbers: new Map() }));
            const pages = anchorPages(await draft.print({ generateTaggedPDF: false }));
            expect(pages.size).toBeGreaterThan(5);
            // Every entry of the table is a link target; some link targets (cross-references) are not in the table.
            expect(await draft.evaluate(tocPageNumbersScript(pages))).toBeGreaterThan(5);
            const toc = 'document.querySelector("nav.toc").outerHTML';
            const filled = await draft.evaluate(toc);
            const rendered = await (await printer.load(renderHtml(document, { pageNumbers: pages }))).evaluate(toc);
            expect(filled).toBe(rendered);
        });
    }, 120_000);

    it('measures the pages of the table of contents as the print puts them', async () => {
        const document = await seedDocument();
        await withPdfPrinter(async printer => {
            const page = await printer.load(renderHtml(document, { pageNumbers: new Map() }), { media: 'print' });
            const measured = new Map(await page.evaluate(tocPageEstimateScript()) as Array<[string, number]>);
            const printed = anchorPages(await page.print({ generateTaggedPDF: false }));
            expect(measured.size).toBeGreaterThan(5);
            expect(Object.fromEntries(measured)).toEqual(Object.fromEntries([...measured.keys()].map(id => [id, printed.get(id)])));
            // The measure leaves the page as it was.
            expect(await page.evaluate('document.head.querySelectorAll("style").length')).toBe(1);
        });
    }, 120_000);

    it('measures the pages of a long document as the print puts them (an error per column adds up)', async () => {
        const { html, ids } = await longDocument();
        await withPdfPrinter(async printer => {
            const page = await printer.load(html, { media: 'print' });
            const measured = new Map(await page.evaluate(tocPageEstimateScript()) as Array<[string, number]>);
            const printed = anchorPages(await page.print({ generateTaggedPDF: false }));
            expect(printed.get('titre-120')).toBeGreaterThan(100);
            expect(Object.fromEntries(measured)).toEqual(Object.fromEntries(ids.map(id => [id, printed.get(id)])));
        });
    }, 120_000);

    it.runIf(poppler)('prints the same pixels after the measure, the page left at the print\'s width or not (wider)', async () => {
        // The seed has a table wider than the page (Chromium lays it out wider and shrinks it); the long one none.
        for (const [html, kept] of [[(await longDocument()).html, true], [renderHtml(await seedDocument(), { pageNumbers: new Map() }), false]] as const) {
            await withPdfPrinter(async printer => {
                const plain = pagePixels(await (await printer.load(html)).print({ generateTaggedPDF: false }));
                const page = await printer.load(withTocMeasureStyle(html), { media: 'print' });
                await page.evaluate(tocPageEstimateScript());
                // Chromium lays a printed A4 page with 18 mm side margins out 658 px wide (rounded from 657.64).
                expect(await page.evaluate('document.body.getBoundingClientRect().width') === 658).toBe(kept);
                const measured = pagePixels(await page.print({ generateTaggedPDF: false }));
                expect(measured.length).toBe(plain.length);
                expect(measured.map((pixels, i) => pixels === plain[i] ? '' : `page ${i + 1}`).filter(Boolean)).toEqual([]);
            });
        }
    }, 180_000);

    it.runIf(poppler)('prints a page again the same after a print (the second print of a wrong measure)', async () => {
        const html = withTocMeasureStyle(renderHtml(await seedDocument(), { pageNumbers: new Map() }));
        await withPdfPrinter(async printer => {
            const page = await printer.load(html, { media: 'print' });
            const first = await page.print({ generateTaggedPDF: false });
            const second = await page.print({ generateTaggedPDF: false });
            const [a, b] = [pagePixels(first), pagePixels(second)];
            expect(a.length).toBeGreaterThan(5);
            expect(b.map((pixels, i) => pixels === a[i] ? '' : `page ${i + 1}`).filter(Boolean)).toEqual([]);
            expect(b.length).toBe(a.length);
        });
    }, 120_000);

    it('starts Chromium once when warmed up before the first page, and not without Chromium', async () => {
        const start = vi.spyOn(PdfEngine, 'start');
        try {
            await withPdfPrinter(async printer => {
                printer.warmUp();
                printer.warmUp();
                await printer.load('<p>x</p>');
            });
            expect(start).toHaveBeenCalledTimes(1);
            start.mockClear();
            await withPdfPrinter(async printer => printer.warmUp(), '');
            expect(start).not.toHaveBeenCalled();
        } finally {
            start.mockRestore();
        }
    }, 60_000);

    it('prints again with the printed pages when a measured page is wrong', async () => {
        const document = await seedDocument();
        const estimate = tocPageEstimateScript();
        const { evaluate } = Object.getOwnPropertyDescriptors(PdfEngine.prototype);
        const scripts: string[] = [];
        const spy = vi.spyOn(PdfEngine.prototype, 'evaluate').mockImplementation(async function (this: PdfEngine, expression: string) {
            scripts.push(expression);
            const value: unknown = await (evaluate!.value as PdfEngine['evaluate']).call(this, expression);
            // Every measured page one too far.
            return expression === estimate ? (value as Array<[string, number]>).map(([id, page]) => [id, page + 1]) : value;
        });
        const print = vi.spyOn(PdfEngine.prototype, 'print');
        try {
            const pdf = await withPdfPrinter(printer => pdfWithPageNumbers(document, printer));
            expect(print).toHaveBeenCalledTimes(2);
            const fills = scripts.filter(s => s !== estimate);
            const printed = anchorPages(pdf);
            expect(fills.at(-1)).toBe(tocPageNumbersScript(printed));
        } finally {
            spy.mockRestore();
            print.mockRestore();
        }
    }, 120_000);

    it('says clearly when Chromium stops', async () => {
        const engine = await PdfEngine.start(findChromium()!);
        await engine.close();
        await expect(engine.load('<p>x</p>')).rejects.toThrow(/Chromium/);
    }, 60_000);
});

describe('PDF printer without a usable Chromium', () => {
    it('fails with a message, never hangs, when the browser cannot start', async () => {
        // A file that exists but cannot be run.
        await expect(PdfEngine.start(path.join(ROOT, 'package.json'))).rejects.toThrow(/Chromium|EACCES|spawn/);
    }, 30_000);

    it('reports a failed warm-up at the first page, not as an unhandled rejection', async () => {
        await withPdfPrinter(async printer => {
            printer.warmUp();
            await expect(printer.load('<p>x</p>')).rejects.toThrow(/Chromium|EACCES|spawn/);
        }, path.join(ROOT, 'package.json'));
    }, 30_000);
});
