/**
 * PDF through headless Chromium: the PDF is the printed HTML, so there is one layout to maintain (see
 * ARCHITECTURE.md). Chromium is found through CPOM_CHROMIUM or on the PATH.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './errors.js';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
    if (env.CPOM_CHROMIUM) {
        return existsSync(env.CPOM_CHROMIUM) ? env.CPOM_CHROMIUM : undefined;
    }
    for (const dir of (env.PATH ?? '').split(path.delimiter)) {
        for (const name of CANDIDATES) {
            const candidate = path.join(dir, name);
            if (dir && existsSync(candidate)) return candidate;
        }
    }
    return undefined;
}

/** Prints a self-contained HTML document to PDF; returns the PDF bytes. */
export async function htmlToPdf(html: string, chromium = findChromium()): Promise<Buffer> {
    if (!chromium) {
        throw new UsageError({
            fr: 'le format PDF a besoin de Chromium : installez-le (apt-get install chromium) ou donnez son chemin dans CPOM_CHROMIUM',
            en: 'PDF output needs Chromium: install it (apt-get install chromium) or set CPOM_CHROMIUM to its path',
        });
    }
    const work = mkdtempSync(path.join(tmpdir(), 'cpom-pdf-'));
    try {
        const input = path.join(work, 'contract.html');
        const output = path.join(work, 'contract.pdf');
        writeFileSync(input, html, 'utf8');
        await new Promise<void>((resolve, reject) => {
            execFile(chromium, [
                '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions', `--user-data-dir=${path.join(work, 'profile')}`,
                '--no-pdf-header-footer', '--run-all-compositor-stages-before-draw', `--print-to-pdf=${output}`, pathToFileURL(input).href,
            ], { timeout: 120_000 }, (error, _stdout, stderr) => {
                if (error || !existsSync(output)) {
                    reject(new Error(`Chromium could not print the PDF: ${error?.message ?? stderr}`));
                } else {
                    resolve();
                }
            });
        });
        return readFileSync(output);
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}
