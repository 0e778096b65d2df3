/**
 * One headless Chromium for a whole command, spoken to with the DevTools protocol over a pipe
 * (`--remote-debugging-pipe`: JSON messages ended by a NUL byte, written to its fd 3 and read from its fd 4). A batch
 * of 100 contracts starts the browser once instead of twice per contract, and the second print of a table of
 * contents (its page numbers) reuses the page already laid out (issue 15). No library: the few commands used here
 * are ~150 lines, where puppeteer-core or playwright-core would add megabytes to the command line's bundle.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

/** How long one command may take (a 1,000-page contract prints in well under this). */
const COMMAND_TIMEOUT_MS = 120_000;

interface Pending {
    readonly resolve: (result: Record<string, unknown>) => void;
    readonly reject: (error: Error) => void;
    readonly timer: NodeJS.Timeout;
}

/**
 * What the browser would start for nothing (issue 15): Chromium's headless mode is the whole browser without a
 * window, and it preloads the WebUI of the address bar's popup in a renderer of its own (~0.5–1 s of CPU running its
 * scripts while the contract loads), and keeps a spare renderer for the next site. Unknown names are ignored.
 */
const DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI', 'SpareRendererForSitePerProcess'];

/** The same settings as `chromium --print-to-pdf --no-pdf-header-footer`: the page size and margins of the CSS. */
const PRINT_OPTIONS = { displayHeaderFooter: false, preferCSSPageSize: true, printBackground: false, generateTaggedPDF: true, transferMode: 'ReturnAsBase64' };

export class PdfEngine {
    private nextId = 1;
    private readonly pending = new Map<number, Pending>();
    private readonly waiters: Array<{ method: string; sessionId: string; resolve: () => void; reject: (error: Error) => void }> = [];
    /** The pieces of the message being received (a printed PDF comes in many chunks). */
    private pieces: string[] = [];
    private failure: Error | undefined;
    private page: { sessionId: string; file: string } | undefined;
    /** The media the page is laid out for: the screen's (`''`) unless a load asked for `print`. */
    private media: LoadOptions['media'] = '';

    private constructor(private readonly browser: ChildProcess, private readonly work: string) {
        const output = browser.stdio[4] as Readable;
        output.setEncoding('utf8');
        output.on('data', (chunk: string) => this.receive(chunk));
        const stop = (error: Error) => this.fail(new Error(`Chromium: ${error.message}`));
        browser.on('exit', code => stop(new Error(`stopped (exit code ${code})`)));
        browser.on('error', stop);
        // A browser that stops closes its pipes: a write then fails (EPIPE), which must not end the command.
        (browser.stdio[3] as Writable).on('error', stop);
        output.on('error', stop);
    }

    /** Starts Chromium; `close()` it when done (also on failure). */
    static async start(chromium: string): Promise<PdfEngine> {
        const work = mkdtempSync(path.join(profileParent(), 'cpom-pdf-'));
        const browser = spawn(chromium, [
            '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
            '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions', `--user-data-dir=${path.join(work, 'profile')}`,
            '--run-all-compositor-stages-before-draw', `--disable-features=${DISABLED_FEATURES.join(',')}`, '--remote-debugging-pipe', 'about:blank',
        ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: KILL_GROUP });
        const engine = new PdfEngine(browser, work);
        try {
            // The tab Chromium opened at start (about:blank), or a new one: a tab costs a renderer to start.
            const { targetInfos } = await engine.send('Target.getTargets', {}) as { targetInfos?: Array<{ type: string; targetId: string }> };
            const targetId = targetInfos?.find(t => t.type === 'page')?.targetId
                ?? (await engine.send('Target.createTarget', { url: 'about:blank' })).targetId;
            const { sessionId } = await engine.send('Target.attachToTarget', { targetId, flatten: true });
            await engine.send('Page.enable', {}, sessionId as string);
            engine.page = { sessionId: sessionId as string, file: path.join(work, 'document.html') };
        } catch (error) {
            await engine.close();
            throw error;
        }
        return engine;
    }

    /**
     * Loads a self-contained HTML document in the page (from a file: big documents do not fit in a URL), laid out for
     * the screen or, with `media: 'print'`, with the print style sheet (in one long page, for scripts that measure
     * it: the print itself is the same either way, and its layout costs less after a print-media one).
     */
    async load(html: string, { media = '' }: LoadOptions = {}): Promise<void> {
        const page = this.ready();
        if (media !== this.media) {
            await this.send('Emulation.setEmulatedMedia', { media }, page.sessionId);
            this.media = media;
        }
        writeFileSync(page.file, html, 'utf8');
        const loaded = this.waitFor('Page.loadEventFired', page.sessionId);
        await this.send('Page.navigate', { url: pathToFileURL(page.file).href }, page.sessionId);
        await loaded;
    }

    /** Runs a script in the loaded page; returns its value (as JSON). */
    async evaluate(expression: string): Promise<unknown> {
        const { result, exceptionDetails } = await this.send('Runtime.evaluate', { expression, returnByValue: true }, this.ready().sessionId);
        if (exceptionDetails) throw new Error(`Chromium could not run a script: ${JSON.stringify(exceptionDetails)}`);
        return (result as { value?: unknown } | undefined)?.value;
    }

    /** Prints the loaded page to PDF: tagged (for screen readers) unless `generateTaggedPDF: false`. */
    async print(options: { readonly generateTaggedPDF?: boolean } = {}): Promise<Buffer> {
        const { data } = await this.send('Page.printToPDF', { ...PRINT_OPTIONS, ...options }, this.ready().sessionId);
        return Buffer.from(data as string, 'base64');
    }

    /**
     * Stops the browser and removes its profile. Where processes have groups (not Windows), the browser's group is
     * killed at once, not asked to close: its profile is thrown away, and an orderly shutdown (writing that profile,
     * stopping each process in turn) took ~0.5 s of every PDF command (issue 15). The whole group, so that no
     * process of it still writes in the profile being removed.
     */
    async close(): Promise<void> {
        const pid = this.browser.pid;
        // No pid: it never started (not executable), and will send no `exit`.
        if (pid !== undefined && this.browser.exitCode === null && this.browser.signalCode === null) {
            const exited = new Promise(resolve => this.browser.once('exit', resolve));
            if (KILL_GROUP) {
                killGroup(pid);
            } else {
                const polite = this.failure ? Promise.resolve() : this.send('Browser.close', {}).catch(() => undefined);
                const kill = setTimeout(() => this.browser.kill('SIGKILL'), 5_000);
                await polite;
                await exited;
                clearTimeout(kill);
            }
            await exited;
        }
        this.fail(new Error('Chromium closed'));
        rmSync(this.work, { recursive: true, force: true, maxRetries: 3 });
    }

    private ready(): { sessionId: string; file: string } {
        if (this.failure) throw this.failure;
        return this.page!;
    }

    private send(method: string, params: Record<string, unknown>, sessionId?: string): Promise<Record<string, unknown>> {
        if (this.failure) return Promise.reject(this.failure);
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new Error(`Chromium did not answer ${method} within ${COMMAND_TIMEOUT_MS / 1000} s`));
            }, COMMAND_TIMEOUT_MS);
            this.pending.set(id, { resolve, reject, timer });
            (this.browser.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
        });
    }

    /** The next event `method` of the session; rejected when Chromium stops or does not send it in time. */
    private waitFor(method: string, sessionId: string): Promise<void> {
        return new Promise((resolve, reject) => {
            const waiter = {
                method, sessionId,
                resolve: () => {
                    clearTimeout(timer);
                    resolve();
                },
                reject: (error: Error) => {
                    clearTimeout(timer);
                    reject(error);
                },
            };
            const timer = setTimeout(() => {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                reject(new Error(`Chromium did not send ${method} within ${COMMAND_TIMEOUT_MS / 1000} s`));
            }, COMMAND_TIMEOUT_MS);
            this.waiters.push(waiter);
        });
    }

    /** Messages end with a NUL byte; only the new chunk is searched for it. */
    private receive(chunk: string): void {
        let start = 0;
        for (let end = chunk.indexOf('\0'); end >= 0; end = chunk.indexOf('\0', start)) {
            this.pieces.push(chunk.slice(start, end));
            const text = this.pieces.join('');
            this.pieces = [];
            start = end + 1;
            this.dispatch(JSON.parse(text) as Message);
        }
        if (start < chunk.length) this.pieces.push(chunk.slice(start));
    }

    private dispatch(message: Message): void {
        if (message.id !== undefined) {
            const pending = this.pending.get(message.id);
            if (!pending) return;
            this.pending.delete(message.id);
            clearTimeout(pending.timer);
            if (message.error) pending.reject(new Error(`Chromium: ${message.error.message}`));
            else pending.resolve(message.result ?? {});
        } else if (message.method) {
            const index = this.waiters.findIndex(w => w.method === message.method && w.sessionId === message.sessionId);
            if (index >= 0) this.waiters.splice(index, 1)[0]!.resolve();
        }
    }

    private fail(error: Error): void {
        this.failure ??= error;
        for (const pending of this.pending.values()) {
            clearTimeout(pending.timer);
            pending.reject(this.failure);
        }
        this.pending.clear();
        for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
    }
}

/** Chromium runs in a process group of its own, killed whole at the end (`close`); not on Windows, which has none. */
const KILL_GROUP = process.platform !== 'win32';

function killGroup(pid: number): void {
    try {
        process.kill(-pid, 'SIGKILL');
    } catch {
        // Already gone.
    }
}

/**
 * Where the browser's throwaway profile goes: memory (`/dev/shm`) where there is one, since the ~200 files Chromium
 * writes there took 0.3–0.6 s to remove from a disk (issue 15); else the temporary folder.
 */
function profileParent(): string {
    try {
        if (process.platform === 'linux') {
            accessSync('/dev/shm', constants.W_OK);
            return '/dev/shm';
        }
    } catch {
        // Not writable here (some containers): the temporary folder.
    }
    return tmpdir();
}

export interface LoadOptions {
    readonly media?: '' | 'print';
}

interface Message {
    readonly id?: number;
    readonly method?: string;
    readonly sessionId?: string;
    readonly result?: Record<string, unknown>;
    readonly error?: { readonly message: string };
}
