/**
 * PDF through headless Chromium: the PDF is the printed HTML, so there is one layout to maintain (see
 * ARCHITECTURE.md). Chromium is found through CPOM_CHROMIUM or on the PATH; one runs for a whole command (`pdf-engine.ts`).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './errors.js';
import { type LoadOptions, PdfEngine } from './pdf-engine.js';

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

function noChromium(): UsageError {
    return new UsageError({
        fr: 'le format PDF a besoin de Chromium : installez-le (apt-get install chromium) ou donnez son chemin dans CPOM_CHROMIUM',
        en: 'PDF output needs Chromium: install it (apt-get install chromium) or set CPOM_CHROMIUM to its path',
    });
}

/**
 * The PDF printer of one command: Chromium starts at the first print and serves every later one (a batch of 100
 * contracts starts it once); `close()` when the command ends.
 */
export class PdfPrinter {
    private engine: Promise<PdfEngine> | undefined;

    constructor(private readonly chromium = findChromium()) {}

    /**
     * Starts Chromium now, while the caller does other work (parsing the contracts, rendering the HTML: ~0.5 s of
     * Chromium's start on another core; issue 15). A failure to start is reported by the next `load`.
     */
    warmUp(): void {
        if (!this.chromium || this.engine) return;
        this.engine = PdfEngine.start(this.chromium);
        this.engine.catch(() => undefined);
    }

    /** The browser's page, the HTML loaded in it, for printing and scripts. */
    async load(html: string, options?: LoadOptions): Promise<PdfEngine> {
        if (!this.chromium) throw noChromium();
        const engine = await (this.engine ??= PdfEngine.start(this.chromium));
        await engine.load(html, options);
        return engine;
    }

    /** Prints a self-contained HTML document to PDF (tagged, for screen readers); returns the PDF bytes. */
    async print(html: string): Promise<Buffer> {
        return (await this.load(html)).print();
    }

    async close(): Promise<void> {
        const engine = this.engine;
        this.engine = undefined;
        if (engine) await (await engine.catch(() => undefined))?.close();
    }
}

/** Runs `work` with a printer that is closed after it, whatever happens. */
export async function withPdfPrinter<T>(work: (printer: PdfPrinter) => Promise<T>, chromium = findChromium()): Promise<T> {
    const printer = new PdfPrinter(chromium);
    try {
        return await work(printer);
    } finally {
        await printer.close();
    }
}

/** Prints a self-contained HTML document to PDF with a Chromium of its own; returns the PDF bytes. */
export function htmlToPdf(html: string, chromium = findChromium()): Promise<Buffer> {
    return withPdfPrinter(printer => printer.print(html), chromium);
}
