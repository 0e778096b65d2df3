/**
 * What `generate` and `avenant` share: showing the errors of the versions they read (as `cpom check` prints them),
 * and writing a document in each asked format, atomically, never over a contract or a file they read.
 */
import * as path from 'node:path';
import { type ContractDocument, renderDocx, renderHtml, renderMarkdown, tocPageEstimateScript, tocPageNumbersScript, withTocMeasureStyle } from '@cpom/generator';
import type { CommandIO } from './check.js';
import type { DocumentFormat } from './document-formats.js';
import { type Bilingual, UsageError } from './errors.js';
import { humanReport } from './formats/human.js';
import { checkOutputTarget, writeFileAtomic } from './output.js';
import { type PdfPrinter, withPdfPrinter } from './pdf.js';
import { anchorPages } from './pdf-pages.js';
import { makeReport, sortDiagnostics, toReported } from './report.js';
import { visibleText } from './terminal-text.js';
import { diagnosticsOf, type LoadedFile } from './workspace.js';


/** The files among `files` that have errors, printed on the standard error as `cpom check` prints them. */
export function printErrors(files: readonly LoadedFile[], io: CommandIO): LoadedFile[] {
    const withErrors = files.filter(f => diagnosticsOf(f).some(d => d.severity === 1));
    if (withErrors.length > 0) {
        const report = makeReport(io.locale ?? 'fr', withErrors.map(f => ({
            path: path.relative(io.cwd, f.path).split(path.sep).join('/'),
            absolutePath: f.path, text: f.text,
            diagnostics: sortDiagnostics(diagnosticsOf(f).map(toReported).filter(d => d.severity === 'error')),
        })));
        for (const piece of humanReport(report, { color: false })) io.stderr(piece);
    }
    return withErrors;
}

/**
 * Whether to go on with `files` when they have errors: the errors are printed, then `refused` unless `force`
 * (false: write nothing), else the note `forced`.
 */
export function goesOnDespiteErrors(files: readonly LoadedFile[], io: CommandIO, force: boolean | undefined, messages: { refused: Bilingual; forced: Bilingual }): boolean {
    if (printErrors(files, io).length === 0) return true;
    const locale = io.locale ?? 'fr';
    io.stderr(force ? `cpom: note: ${messages.forced[locale]}\n` : `cpom: ${messages.refused[locale]}\n`);
    return force === true;
}

export interface DocumentTarget {
    readonly outDir: string;
    /** File name without extension: `CPOM_MESSIDOR_2013`, `AVENANT_1_CPOM_MESSIDOR_2013`. */
    readonly baseName: string;
    /** Files that must never be overwritten (the contracts read). */
    readonly sources: ReadonlySet<string>;
    /** The JSON written for `json`. */
    readonly json: () => string;
}

/**
 * Writes the document in each format; prints each path written. `printer`: the command's PDF printer (a batch shares
 * one Chromium); without it, a PDF starts a Chromium of its own.
 */
export async function writeDocument(document: ContractDocument, formats: readonly DocumentFormat[], target: DocumentTarget, io: CommandIO, printer?: PdfPrinter): Promise<void> {
    if (!target.baseName || path.basename(target.baseName) !== target.baseName || target.baseName.startsWith('.')) {
        throw new UsageError({ fr: `nom de fichier impossible : « ${target.baseName} »`, en: `impossible file name: '${target.baseName}'` });
    }
    let html: string | undefined;
    for (const format of formats) {
        const file = path.join(target.outDir, `${target.baseName}.${format}`);
        const shown = path.relative(io.cwd, file) || file;
        checkOutputTarget(file, target.sources, shown);
        switch (format) {
            case 'html':
                html ??= renderHtml(document);
                writeFileAtomic(file, html, shown);
                break;
            case 'md':
                writeFileAtomic(file, renderMarkdown(document), shown);
                break;
            case 'docx':
                writeFileAtomic(file, await renderDocx(document), shown);
                break;
            case 'pdf':
                writeFileAtomic(file, await pdfWithPageNumbers(document, printer), shown);
                break;
            case 'json':
                writeFileAtomic(file, target.json(), shown);
                break;
        }
        io.stdout(`${visibleText(shown, '')}\n`);
    }
}

/**
 * The PDF with the pages in its table of contents. The page of each heading is measured in the page laid out with
 * the print style sheet, without printing (`tocPageEstimateScript`), written in the room left for it, and the PDF printed (tagged,
 * for screen readers); the pages of the headings in that PDF (`pdf-pages.ts`) confirm the numbers. Should one
 * differ, the numbers are those pages and the PDF is printed again (the layout is the same: the room was there).
 * Before, a draft was printed (untagged) for the pages: a print of 241 pages costs most of the PDF's time (issue 15).
 */
export async function pdfWithPageNumbers(document: ContractDocument, printer?: PdfPrinter): Promise<Buffer> {
    if (!printer) return withPdfPrinter(own => pdfWithPageNumbers(document, own));
    printer.warmUp(); // Chromium starts while the HTML is rendered
    const page = await printer.load(withTocMeasureStyle(renderHtml(document, { pageNumbers: new Map() })), { media: 'print' });
    const estimated = new Map(await page.evaluate(tocPageEstimateScript()) as Array<[string, number]>);
    if (estimated.size > 0) await page.evaluate(tocPageNumbersScript(estimated));
    const pdf = await page.print();
    const printed = anchorPages(pdf);
    if ([...estimated].every(([id, estimate]) => printed.get(id) === estimate)) return pdf;
    await page.evaluate(tocPageNumbersScript(printed));
    return page.print();
}
