/**
 * What `generate` and `avenant` share: refusing versions with errors (printed as `cpom check` prints them),
 * and writing a document in each asked format, atomically, never over a contract.
 */
import * as path from 'node:path';
import { type ContractDocument, renderDocx, renderHtml, renderMarkdown } from '@cpom/generator';
import type { CommandIO } from './check.js';
import type { DocumentFormat } from './document-formats.js';
import { UsageError } from './files.js';
import { formatHuman } from './formats/human.js';
import { writeFileAtomic } from './output.js';
import { htmlToPdf } from './pdf.js';
import { makeReport, sortDiagnostics, toReported } from './report.js';
import { diagnosticsOf, type LoadedFile } from './workspace.js';


/** The files among `files` that have errors; when there are some, prints them with `refusal` and returns them. */
export function refuseErrors(files: readonly LoadedFile[], refusal: string, io: CommandIO): LoadedFile[] {
    const withErrors = files.filter(f => diagnosticsOf(f).some(d => d.severity === 1));
    if (withErrors.length > 0) {
        const report = makeReport('fr', withErrors.map(f => ({
            path: path.relative(io.cwd, f.path).split(path.sep).join('/'),
            absolutePath: f.path, text: f.text,
            diagnostics: sortDiagnostics(diagnosticsOf(f).map(toReported).filter(d => d.severity === 'error')),
        })));
        io.stderr(formatHuman(report, { color: false }));
        io.stderr(`cpom: ${refusal}\n`);
    }
    return withErrors;
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

/** Writes the document in each format; prints each path written. */
export async function writeDocument(document: ContractDocument, formats: readonly DocumentFormat[], target: DocumentTarget, io: CommandIO): Promise<void> {
    let html: string | undefined;
    for (const format of formats) {
        const file = path.join(target.outDir, `${target.baseName}.${format}`);
        if (target.sources.has(file) || file.endsWith('.cpom')) {
            throw new UsageError(`refusing to overwrite a contract: '${file}'`);
        }
        switch (format) {
            case 'html':
                html ??= renderHtml(document);
                writeFileAtomic(file, html);
                break;
            case 'md':
                writeFileAtomic(file, renderMarkdown(document));
                break;
            case 'docx':
                writeFileAtomic(file, await renderDocx(document));
                break;
            case 'pdf':
                html ??= renderHtml(document);
                writeFileAtomic(file, await htmlToPdf(html));
                break;
            case 'json':
                writeFileAtomic(file, target.json());
                break;
        }
        io.stdout(`${path.relative(io.cwd, file) || file}\n`);
    }
}
