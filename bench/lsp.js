#!/usr/bin/env node
/**
 * Latency of the language server (`cpom lsp --stdio`, the bundled packages/cli/bin/cpom.js), spoken to
 * over stdio as an editor would, on the ~5,000-line synthetic contract of generate.js:
 *
 *   1. first diagnostics after process start (spawn → initialize → didOpen → first publishDiagnostics);
 *   2. didChange → publishDiagnostics for ≥ 40 small incremental edits (a yearly target, an amount, a
 *      FINESS key broken then fixed), one at a time, each waiting for its diagnostics (typing pauses);
 *      then bursts of 10 changes 30 ms apart (time from the last change to the last diagnostics);
 *   3. completion (an establishment reference, a keyword, an authority) and hover (an establishment
 *      reference, an indicator) latency;
 *   4. memory: RSS of a fresh server with 50 distinct ~300-line contracts open, and time to the last of
 *      their diagnostics.
 *
 *   node bench/lsp.js            standalone: prints a report, writes bench/results/lsp.json
 *   node bench/lsp.js --quick    fewer cold starts and bursts (still ≥ 40 edits, ≥ 30 requests)
 *   node bench/lsp.js --strict   exit 1 when a target is missed
 *
 * `npm run bench` (run.js) runs the same measurements through `measureLsp` and puts them in
 * bench/results/latest.json under `lsp`. Every wait is bounded; the server processes are killed at the
 * end and on failure. See bench/README.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    CompletionRequest, createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    ExitNotification, HoverRequest, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
    ShutdownRequest, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';
import { CPOM_CONFIG, contractOfAboutLines, countLines, generateContract } from './generate.js';
import { countDiagnostics } from './diagnostic-counts.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT_DIR = path.resolve(BENCH_DIR, '..');

export const LSP_TARGETS = { editMedianMs: 100, editP95Ms: 200 };

const LIMITS = {
    startMs: 30_000, // spawn → initialize result
    firstDiagnosticsMs: 60_000, // didOpen of the 5,000-line contract → its diagnostics
    diagnosticsMs: 20_000, // one edit → its diagnostics
    requestMs: 10_000, // one completion / hover
    quietMs: 750, // a burst is over when no diagnostics came for this long…
    burstMs: 30_000, // …or after this long (then it is a failure)
    manyMs: 120_000, // 50 didOpen → all their diagnostics
    stopMs: 3_000, // shutdown + exit before SIGKILL
};

const now = () => performance.now();

class LspBenchFailure extends Error {}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

function quantile(values, q) {
    const sorted = [...values].sort((a, b) => a - b);
    if (sorted.length === 0) return undefined;
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]; // nearest rank
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length === 0 ? undefined : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function stats(samples) {
    return { n: samples.length, median: median(samples), p95: quantile(samples, 0.95), min: Math.min(...samples), max: Math.max(...samples), samples };
}

const ms = (x) => (x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (bytes) => (bytes === undefined ? '—' : (bytes / 1024 / 1024).toFixed(1));

function table(headers, rows) {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
    const fmt = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
    return [fmt(headers), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

function withTimeout(promise, limitMs, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new LspBenchFailure(`${what}: no answer after ${limitMs / 1000} s`)), limitMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (delayMs) => new Promise(resolve => setTimeout(resolve, delayMs));


const describeDiagnostics = (diagnostics) => diagnostics.filter(d => (d.severity ?? 1) <= 2).slice(0, 5)
    .map(d => `    ${d.code} line ${d.range.start.line + 1}: ${d.message}`).join('\n');

/** Resident set (and its peak) of a process, from /proc (Linux); undefined elsewhere. */
function processMemory(pid) {
    try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (key) => {
            const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
            return match ? Number(match[1]) * 1024 : undefined;
        };
        return { rssBytes: kb('VmRSS'), peakRssBytes: kb('VmHWM') };
    } catch {
        return { rssBytes: undefined, peakRssBytes: undefined };
    }
}

/**
 * CPU time of a process in ms, all its threads (the main thread, V8's GC and compiler helpers), from the
 * scheduler's nanosecond counters (`/proc/<pid>/task/<tid>/schedstat`, Linux); undefined elsewhere. Unlike wall
 * time, it does not count the time the server waited for a core taken by other processes.
 */
function processCpuMs(pid) {
    try {
        let ns = 0;
        for (const tid of readdirSync(`/proc/${pid}/task`)) {
            try {
                ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
            } catch {
                // A thread that ended meanwhile: its time is lost from the sum (V8's threads live as long as the process).
            }
        }
        return ns / 1e6;
    } catch {
        return undefined;
    }
}

// ---------------------------------------------------------------------------------------------
// One server process

/**
 * Preloaded in the memory measurement only (never in the timed processes): on SIGUSR2 the server
 * collects garbage and writes its heap figures to stderr (stdout carries the protocol).
 */
const HEAP_PROBE = 'data:text/javascript,' + encodeURIComponent(
    'process.on("SIGUSR2", () => { globalThis.gc?.(); globalThis.gc?.(); '
    + 'process.stderr.write("CPOM_BENCH_HEAP " + JSON.stringify(process.memoryUsage()) + "\\n"); });');

class LspServer {
    /** @type {number | undefined} When the first diagnostics of any document arrived. */
    firstPublishAt;
    /** @type {((params: any, at: number) => void)[] | undefined} Called on every publishDiagnostics. */
    listeners;

    /**
     * @param {{cli: string, cwd: string, heapProbe?: boolean, nodeArgs?: string[]}} options
     */
    constructor({ cli, cwd, heapProbe = false, nodeArgs: extraNodeArgs = [] }) {
        this.cwd = cwd;
        this.waiters = [];
        this.publishes = 0;
        this.publishWithVersion = 0;
        this.latest = new Map();
        this.stderr = '';
        this.heapReports = [];
        this.heapProbe = heapProbe;
        const nodeArgs = [...extraNodeArgs, ...(heapProbe ? ['--expose-gc', '--import', HEAP_PROBE] : [])];
        this.spawnedAt = now();
        this.child = spawn(process.execPath, [...nodeArgs, cli, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        this.pid = this.child.pid;
        LIVE.add(this.child);
        this.exited = new Promise(resolve => this.child.once('exit', (code, signal) => {
            LIVE.delete(this.child);
            this.exitInfo = { code, signal };
            const error = new LspBenchFailure(`the language server exited (${signal ?? code})${this.stderr ? `; stderr:\n${this.stderr.slice(-2000)}` : ''}`);
            for (const waiter of this.waiters.splice(0)) waiter.reject(error);
            resolve();
        }));
        this.child.on('error', error => { this.stderr += String(error); });
        this.child.stdin.on('error', () => { /* the server is gone: reported through 'exit' */ });
        this.child.stderr.on('data', chunk => {
            const text = String(chunk);
            for (const match of text.matchAll(/CPOM_BENCH_HEAP (\{.*\})/g)) this.heapReports.push(JSON.parse(match[1]));
            this.stderr = (this.stderr + text.replace(/CPOM_BENCH_HEAP .*\n?/g, '')).slice(-20_000);
        });
        this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            const at = now();
            this.publishes++;
            if (params.version !== undefined && params.version !== null) this.publishWithVersion++;
            this.latest.set(params.uri, { params, at });
            this.firstPublishAt ??= at;
            for (const waiter of [...this.waiters]) {
                if (waiter.uri === params.uri && waiter.accept(params)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve({ params, at });
                }
            }
            for (const listener of this.listeners ?? []) listener(params, at);
        });
        this.connection.onError(() => { /* a broken pipe shows as an exit */ });
        /** `$/progress` reports, in order, with when they came. */
        this.progressReports = [];
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onNotification('$/progress', params => { this.progressReports.push({ ...params.value, at: now() }); });
        this.connection.listen();
    }

    uriOf(name) {
        return pathToFileURL(path.join(this.cwd, name)).toString();
    }

    async initialize() {
        const result = await this.request(InitializeRequest.type, {
            processId: process.pid,
            rootUri: pathToFileURL(this.cwd).toString(),
            workspaceFolders: [{ uri: pathToFileURL(this.cwd).toString(), name: 'bench' }],
            capabilities: { window: { workDoneProgress: true } },
            initializationOptions: { lang: 'fr' },
        }, LIMITS.startMs, 'initialize');
        this.initializedAt = now();
        await this.connection.sendNotification(InitializedNotification.type, {});
        return result;
    }

    /** Resolves with the next diagnostics of `uri` that `accept` takes (registered before anything is sent). */
    nextDiagnostics(uri, limitMs, accept = () => true) {
        let waiter;
        const promise = new Promise((resolve, reject) => { waiter = { uri, accept, resolve, reject }; });
        this.waiters.push(waiter);
        return withTimeout(promise, limitMs, `diagnostics of ${path.basename(uri)}`).finally(() => {
            const index = this.waiters.indexOf(waiter);
            if (index >= 0) this.waiters.splice(index, 1);
        });
    }

    /** Resolves when `uri` had no diagnostics published for `LIMITS.quietMs` (bounded by `LIMITS.burstMs`). */
    async quiet(uri) {
        const deadline = now() + LIMITS.burstMs;
        while (now() < deadline && !this.exitInfo) {
            const last = this.latest.get(uri)?.at ?? 0;
            if (now() - last >= LIMITS.quietMs) return;
            await sleep(50);
        }
    }

    open(uri, text, version = 1) {
        const sentAt = now();
        void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'cpom', version, text } });
        return sentAt;
    }

    change(uri, version, contentChanges) {
        const sentAt = now();
        void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
        return sentAt;
    }

    async request(type, params, limitMs = LIMITS.requestMs, what = type.method) {
        const pending = this.connection.sendRequest(type, params);
        pending.catch(() => { /* reported by the race below, or abandoned after a timeout */ });
        const exited = this.exited.then(() => { throw new LspBenchFailure(`${what}: the language server exited (${this.exitInfo?.signal ?? this.exitInfo?.code})\n${this.stderr.slice(-2000)}`); });
        exited.catch(() => {});
        return withTimeout(Promise.race([pending, exited]), limitMs, what);
    }

    /** Server heap after GC, when started with `heapProbe` (Linux/macOS signals); undefined otherwise. */
    async heap() {
        if (!this.heapProbe) return undefined; // without the probe, SIGUSR2 would end the server
        const before = this.heapReports.length;
        try {
            this.child.kill('SIGUSR2');
        } catch {
            return undefined;
        }
        const deadline = now() + 5_000;
        while (this.heapReports.length === before && now() < deadline && this.child.exitCode === null) await sleep(20);
        return this.heapReports[before];
    }

    memory() {
        return processMemory(this.pid);
    }

    async stop() {
        if (this.child.exitCode === null && this.child.signalCode === null) {
            try {
                await withTimeout(this.connection.sendRequest(ShutdownRequest.type), LIMITS.stopMs, 'shutdown');
                await this.connection.sendNotification(ExitNotification.type);
                await withTimeout(this.exited, LIMITS.stopMs, 'exit');
            } catch {
                // killed below
            }
        }
        this.connection.dispose();
        if (this.child.exitCode === null && this.child.signalCode === null) {
            this.child.kill('SIGKILL');
            await withTimeout(this.exited, LIMITS.stopMs, 'kill').catch(() => {});
        }
    }
}

/** Server processes alive: killed if this process ends abruptly. */
const LIVE = new Set();
process.once('exit', () => { for (const child of LIVE) child.kill('SIGKILL'); });

// ---------------------------------------------------------------------------------------------
// Edits of the ~5,000-line contract

/** French grouping with plain spaces, as generate.js writes numbers: 4 150 000,07. */
function frenchNumber(integer) {
    return String(integer).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** `count` indices spread over `list` (start, middle, end of the file). */
function spread(list, count) {
    return Array.from({ length: Math.min(count, list.length) }, (_, k) => list[Math.floor((k + 0.5) * list.length / Math.min(count, list.length))]);
}

/**
 * The text as lines, and small realistic edits on it; each edit toggles one token between its original
 * and a changed value, so every edit changes the text and the contract stays clean except while a
 * FINESS key is broken.
 */
class EditableContract {
    constructor(text) {
        this.lines = text.split('\n');
        this.original = new Map(); // line → original token
        this.broken = undefined; // line of the FINESS whose key is wrong
        const candidates = (test) => this.lines.flatMap((line, i) => (test(line, i) ? [i] : []));
        // Targets of indicators that rise: raising the last target by 1 keeps the trajectory in its direction.
        this.targetLines = spread(candidates((line, i) => /^\s*cibles /.test(line) && /^\s*sens hausse\s*$/.test(this.lines[i - 2] ?? '')
            && !(/ %$/.test(line) && Number(line.slice(line.lastIndexOf(': ') + 2, -2).replace(/ /g, '').replace(',', '.')) >= 99)), 8);
        // Amounts of the last year (not distributed, so no sum to keep).
        this.amountLines = spread(candidates(line => /^\s*montants .*: [\d ]+(,\d\d)? €$/.test(line)), 8);
        // FINESS numbers of establishments (not the gestionnaire's).
        this.finessLines = spread(candidates(line => /^ {12}finess \d{9}$/.test(line)), 8);
        if (this.targetLines.length === 0 || this.amountLines.length === 0 || this.finessLines.length === 0) {
            throw new LspBenchFailure('the generated contract has no cibles / montants / finess line to edit');
        }
        this.counters = { target: 0, amount: 0, finess: 0 };
    }

    text() {
        return this.lines.join('\n');
    }

    /** Replaces columns [start, end) of `line`; returns the LSP incremental change. */
    replace(line, start, end, newText) {
        const old = this.lines[line];
        this.lines[line] = old.slice(0, start) + newText + old.slice(end);
        return { range: { start: { line, character: start }, end: { line, character: end } }, text: newText };
    }

    /** Toggles token [start, end) of `line` between its original value and `changed(original)`. */
    toggle(line, start, end, changed) {
        const current = this.lines[line].slice(start, end);
        if (!this.original.has(line)) this.original.set(line, current);
        const original = this.original.get(line);
        return this.replace(line, start, end, current === original ? changed(original) : original);
    }

    /** Last yearly target of an indicator (`cibles …, 2028: 26` or `… 2028: 26 %`): +1 or back. */
    editTarget() {
        const line = this.targetLines[this.counters.target++ % this.targetLines.length];
        const text = this.lines[line];
        const start = text.lastIndexOf(': ') + 2;
        const end = text.endsWith(' %') ? text.length - 2 : text.length;
        return this.toggle(line, start, end, value => {
            const [int, dec] = value.replace(/ /g, '').split(',');
            return frenchNumber(Number(int) + 1) + (dec ? ',' + dec : '');
        });
    }

    /** Last yearly amount of a dotation (`montants …, 2028: 6 505 669 €`): +1 000 € or back. */
    editAmount() {
        const line = this.amountLines[this.counters.amount++ % this.amountLines.length];
        const text = this.lines[line];
        const start = text.lastIndexOf(': ') + 2;
        return this.toggle(line, start, text.length - 2, value => {
            const [int, dec] = value.replace(/ /g, '').split(',');
            return frenchNumber(Number(int) + 1000) + (dec ? ',' + dec : '');
        });
    }

    /** Breaks the key (last digit) of an establishment's FINESS number, or restores the broken one. */
    editFiness() {
        let line = this.broken;
        if (line === undefined) {
            line = this.finessLines[this.counters.finess++ % this.finessLines.length];
            this.broken = line;
        } else {
            this.broken = undefined;
        }
        const end = this.lines[line].length;
        return this.toggle(line, end - 1, end, digit => String((Number(digit) + 1) % 10));
    }
}

/** Edits left out of the `afterWarmup` figures (all edits are in the judged ones). */
const EDIT_WARMUP = 3;

/** The typing-pause plan: target, amount, FINESS broken, target, amount, FINESS fixed, … */
const EDIT_CYCLE = ['target', 'amount', 'finess', 'target', 'amount', 'finess'];

function makeEdit(contract, kind) {
    const change = kind === 'target' ? contract.editTarget() : kind === 'amount' ? contract.editAmount() : contract.editFiness();
    const label = kind === 'finess' ? (contract.broken === undefined ? 'finess fix' : 'finess break') : kind;
    return { kind: label, change, expectBroken: contract.broken !== undefined };
}

/** Checks the diagnostics against the expected state: clean (infos allowed), or exactly one CPOM041 error. */
function checkDiagnostics(diagnostics, expectBroken) {
    const counts = countDiagnostics(diagnostics);
    const keyErrors = diagnostics.filter(d => d.code === 'CPOM041').length;
    if (expectBroken ? counts.errors === 1 && keyErrors === 1 && counts.warnings === 0 : counts.errors === 0 && counts.warnings === 0) return undefined;
    return `expected ${expectBroken ? 'one CPOM041 error' : 'no error or warning'}, got ${counts.errors} error(s), ${counts.warnings} warning(s)\n${describeDiagnostics(diagnostics)}`;
}

// ---------------------------------------------------------------------------------------------
// Positions for completion and hover

function positionIn(lines, lineTest, needle, offsetInNeedle, from = 0.5) {
    const start = Math.floor(lines.length * from);
    for (let k = 0; k < lines.length; k++) {
        const i = (start + k) % lines.length;
        const column = lineTest(lines[i], i) ? lines[i].indexOf(needle) : -1;
        if (column >= 0) return { line: i, character: column + offsetInNeedle, text: lines[i].trim() };
    }
    throw new LspBenchFailure(`no line with '${needle}' in the generated contract`);
}

function probes(text) {
    const lines = text.split('\n');
    // Second reference of an objective's establishment list, cursor after "ET_0".
    const refLine = positionIn(lines, (l, i) => /^\s*etablissements ET_\d+, ET_\d+/.test(l) && /^\s*objectif /.test(lines[i - 1] ?? ''), ', ET_', ', ET_'.length + 1);
    const ref = lines[refLine.line].slice(refLine.character - 4).match(/^ET_\d+/)[0];
    const keyword = positionIn(lines, l => /^\s*indicateur IND_/.test(l), 'indicateur', 3);
    const authority = positionIn(lines, l => /^\s*tarification ARS_ARA$/.test(l), 'tarification ', 'tarification '.length + 2);
    const hoverRef = { ...refLine, character: refLine.character + 1 };
    const indicatorLine = positionIn(lines, l => /^\s*indicateur IND_\w+ "/.test(l), 'IND_', 3);
    const indicator = lines[indicatorLine.line].match(/IND_\w+/)[0];
    return {
        completion: [
            { name: `reference in an objective's 'etablissements' list (prefix ET_0 of ${ref})`, key: 'reference', position: refLine, expect: ref },
            { name: "keyword inside an objective ('ind|icateur')", key: 'keyword', position: keyword, expect: 'indicateur' },
            { name: "authority after 'tarification' (prefix AR)", key: 'authority', position: authority, expect: 'ARS_ARA' },
        ],
        hover: [
            { name: `establishment reference ${ref} in an objective`, key: 'establishment', position: hoverRef, expect: ref },
            { name: `indicator ${indicator} (its declaration)`, key: 'indicator', position: indicatorLine, expect: indicator },
        ],
    };
}

const labelsOf = (result) => (Array.isArray(result) ? result : result?.items ?? []).map(i => i.label);

// ---------------------------------------------------------------------------------------------
// Measurements

/**
 * Runs every measurement. `text` is the ~5,000-line contract (run.js passes its own; standalone
 * generates it). Returns a plain object (ms unless the key says otherwise).
 * @param {string} [root]
 * @param {{text?: string, quick?: boolean, progress?: (message: string) => void, smallEstablishments?: number, editsOnly?: boolean}} [options]
 */
export async function measureLsp(root = ROOT_DIR, { text, quick = false, progress = () => {}, smallEstablishments, editsOnly = false } = {}) {
    const cli = path.join(root, 'packages/cli/bin/cpom.js');
    if (!existsSync(path.join(root, 'packages/cli/dist/bundle/main.js'))) {
        throw new LspBenchFailure("packages/cli/dist/bundle/main.js is missing: run 'npm run build' first.");
    }
    const plan = { coldStarts: quick || editsOnly ? 1 : 3, edits: 48, bursts: quick ? 3 : 6, burstSize: 10, burstGapMs: 30, requests: 30, warmupRequests: 3, contracts: 50 };
    const big = text ?? contractOfAboutLines(5000, 2).text;
    const small = smallEstablishments ?? contractOfAboutLines(300, 1).establishments;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpom-bench-lsp-'));
    // The contracts are only opened (not written): the workspace holds nothing but the config, so the
    // server builds exactly what the client opens. CPOM056 off as in run.js: the big contract is clean.
    writeFileSync(path.join(dir, 'cpom.config.json'), JSON.stringify(CPOM_CONFIG));
    const result = { plan, lines: countLines(big), bytes: Buffer.byteLength(big) };
    let server;
    try {
        // --- 1. Cold start to first diagnostics (the last process stays for the rest)
        const cold = [];
        for (let i = 0; i < plan.coldStarts; i++) {
            progress(`lsp: cold start ${i + 1}/${plan.coldStarts}, open the ~5,000-line contract (${result.lines} lines)`);
            server = new LspServer({ cli, cwd: dir });
            const initializeResult = await server.initialize();
            const uri = server.uriOf('big.cpom');
            const first = server.nextDiagnostics(uri, LIMITS.firstDiagnosticsMs);
            const openedAt = server.open(uri, big);
            const { params, at } = await first;
            const problem = checkDiagnostics(params.diagnostics, false);
            if (problem) throw new LspBenchFailure(`the ~5,000-line contract is not clean in the language server: ${problem}`);
            cold.push({ spawnToFirstDiagnostics: at - server.spawnedAt, spawnToInitialized: server.initializedAt - server.spawnedAt, openToDiagnostics: at - openedAt, infos: countDiagnostics(params.diagnostics).infos });
            if (i === 0) {
                const sync = initializeResult.capabilities.textDocumentSync;
                result.textDocumentSync = typeof sync === 'object' ? sync.change : sync; // 2 = incremental
            }
            if (i < plan.coldStarts - 1) { await server.stop(); server = undefined; }
        }
        result.coldStart = {
            runs: cold.length,
            spawnToFirstDiagnostics: median(cold.map(c => c.spawnToFirstDiagnostics)),
            spawnToInitialized: median(cold.map(c => c.spawnToInitialized)),
            openToDiagnostics: median(cold.map(c => c.openToDiagnostics)),
            samples: cold,
        };
        const uri = server.uriOf('big.cpom');
        // The open may be published twice (its first diagnostics, then every rule's): edits start once it is quiet.
        await server.quiet(uri);
        const contract = new EditableContract(big);
        let version = 1;

        // --- 3. Completion and hover on the freshly opened contract (before any edit: positions are exact)
        const { completion, hover } = editsOnly ? { completion: [], hover: [] } : probes(big);
        const timeRequests = async (probe, send, check) => {
            const samples = [];
            for (let i = 0; i < plan.warmupRequests + plan.requests; i++) {
                const t0 = now();
                const answer = await send();
                const elapsed = now() - t0;
                const problem = check(answer);
                if (problem) throw new LspBenchFailure(`${probe.name} at ${probe.position.line + 1}:${probe.position.character + 1} ('${probe.position.text}'): ${problem}`);
                if (i >= plan.warmupRequests) samples.push(elapsed);
            }
            return samples;
        };
        result.completion = [];
        for (const probe of completion) {
            progress(`lsp: completion, ${probe.name}`);
            let items = 0;
            const samples = await timeRequests(probe,
                () => server.request(CompletionRequest.type, { textDocument: { uri }, position: { line: probe.position.line, character: probe.position.character } }),
                answer => { const labels = labelsOf(answer); items = labels.length; return labels.includes(probe.expect) ? undefined : `'${probe.expect}' not proposed (${labels.slice(0, 10).join(', ')}…)`; });
            const { samples: _, ...figures } = stats(samples);
            result.completion.push({ name: probe.name, key: probe.key, line: probe.position.line + 1, items, ...figures, samples });
        }
        result.hover = [];
        for (const probe of hover) {
            progress(`lsp: hover, ${probe.name}`);
            const samples = await timeRequests(probe,
                () => server.request(HoverRequest.type, { textDocument: { uri }, position: { line: probe.position.line, character: probe.position.character } }),
                answer => (answer && JSON.stringify(answer.contents).includes(probe.expect) ? undefined : `hover without '${probe.expect}': ${JSON.stringify(answer?.contents ?? null).slice(0, 200)}`));
            const { samples: _, ...figures } = stats(samples);
            result.hover.push({ name: probe.name, key: probe.key, line: probe.position.line + 1, ...figures, samples });
        }

        // --- 2a. Edits, one at a time (typing pauses)
        progress(`lsp: ${plan.edits} edits of the ~5,000-line contract, each waiting for its diagnostics`);
        const edits = [];
        const publishesBefore = server.publishes;
        for (let i = 0; i < plan.edits; i++) {
            const edit = makeEdit(contract, EDIT_CYCLE[i % EDIT_CYCLE.length]);
            version++;
            const published = server.nextDiagnostics(uri, LIMITS.diagnosticsMs);
            const cpuBefore = processCpuMs(server.pid);
            const sentAt = server.change(uri, version, [edit.change]);
            const { params, at } = await published;
            const cpuAfter = processCpuMs(server.pid);
            const problem = checkDiagnostics(params.diagnostics, edit.expectBroken);
            if (problem) {
                throw new LspBenchFailure(`edit ${i + 1} (${edit.kind}, line ${edit.change.range.start.line + 1} → '${edit.change.text}'): ${problem}`);
            }
            const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
            edits.push({ kind: edit.kind, line: edit.change.range.start.line + 1, ms: at - sentAt, cpuMs, version: params.version ?? null });
        }
        // Anything published twice for one edit would show here.
        await sleep(LIMITS.quietMs);
        const extraPublishes = server.publishes - publishesBefore - plan.edits;
        const byKind = {};
        for (const kind of ['target', 'amount', 'finess break', 'finess fix']) {
            const samples = edits.filter(e => e.kind === kind).map(e => e.ms);
            if (samples.length) byKind[kind] = { n: samples.length, median: median(samples), max: Math.max(...samples) };
        }
        const { samples: _e, ...editFigures } = stats(edits.map(e => e.ms));
        // The first edits after opening pay for the JIT of the update path: shown apart (not judged).
        const { samples: _w, ...afterWarmup } = stats(edits.slice(EDIT_WARMUP).map(e => e.ms));
        // The server's CPU per edit (the issue's measure): from the change sent to its diagnostics received.
        const cpuSamples = edits.map(e => e.cpuMs).filter(x => x !== undefined);
        const cpu = cpuSamples.length === edits.length ? (({ samples: _c, ...figures }) => figures)(stats(cpuSamples)) : undefined;
        result.edits = { ...editFigures, cpu, byKind, afterWarmup: { ...afterWarmup, skipped: EDIT_WARMUP }, extraPublishes, publishCarriesVersion: server.publishWithVersion > 0, samples: edits };

        if (editsOnly) {
            result.memory = server.memory();
            return result;
        }
        // --- 2b. Bursts: 10 changes 30 ms apart; last change → last diagnostics (quiet for quietMs)
        progress(`lsp: ${plan.bursts} bursts of ${plan.burstSize} changes ${plan.burstGapMs} ms apart`);
        const bursts = [];
        for (let b = 0; b < plan.bursts; b++) {
            const publishes = [];
            server.listeners = [(params, at) => { if (params.uri === uri) publishes.push({ params, at }); }];
            let lastSentAt = 0;
            let finalBroken = false;
            for (let k = 0; k < plan.burstSize; k++) {
                // The last change of each burst breaks or fixes a FINESS key: the final diagnostics tell the last version from the others.
                const edit = makeEdit(contract, k === plan.burstSize - 1 ? 'finess' : k % 2 ? 'amount' : 'target');
                version++;
                lastSentAt = server.change(uri, version, [edit.change]);
                finalBroken = edit.expectBroken;
                if (k < plan.burstSize - 1) await sleep(plan.burstGapMs);
            }
            const deadline = lastSentAt + LIMITS.burstMs;
            for (;;) {
                const after = publishes.filter(p => p.at > lastSentAt);
                const lastAt = after.length ? after[after.length - 1].at : lastSentAt;
                if (after.length && now() - lastAt >= LIMITS.quietMs) break;
                if (now() > deadline) throw new LspBenchFailure(`burst ${b + 1}: ${after.length ? 'diagnostics still coming' : 'no diagnostics'} ${LIMITS.burstMs / 1000} s after the last change`);
                if (server.exitInfo) throw new LspBenchFailure(`burst ${b + 1}: the language server exited\n${server.stderr.slice(-2000)}`);
                await sleep(20);
            }
            server.listeners = [];
            const after = publishes.filter(p => p.at > lastSentAt);
            const last = after[after.length - 1];
            const problem = checkDiagnostics(last.params.diagnostics, finalBroken);
            if (problem) throw new LspBenchFailure(`burst ${b + 1}: the last diagnostics are not those of the last version: ${problem}`);
            bursts.push({ ms: last.at - lastSentAt, publishesDuringBurst: publishes.length - after.length, publishesAfterLastChange: after.length });
        }
        const { samples: _b, ...burstFigures } = stats(bursts.map(b => b.ms));
        result.bursts = { ...burstFigures, size: plan.burstSize, gapMs: plan.burstGapMs, samples: bursts };
        result.bigServerMemory = server.memory();
        await server.stop();
        server = undefined;

        // --- 4. Memory with 50 contracts open, in a fresh server
        progress(`lsp: fresh server, open ${plan.contracts} contracts of ~300 lines (${small} establishments each)`);
        server = new LspServer({ cli, cwd: dir, heapProbe: true });
        await server.initialize();
        await sleep(300);
        const idleMemory = server.memory();
        const idleHeap = await server.heap();
        const documents = Array.from({ length: plan.contracts }, (_, i) => {
            const contractText = generateContract({ establishments: small, seed: 5000 + i });
            return { uri: server.uriOf(`many/contrat-${String(i + 1).padStart(2, '0')}.cpom`), text: contractText, lines: countLines(contractText) };
        });
        const waits = documents.map(d => server.nextDiagnostics(d.uri, LIMITS.manyMs));
        const firstOpenAt = now();
        for (const d of documents) server.open(d.uri, d.text);
        const published = await Promise.all(waits);
        const lastAt = Math.max(...published.map(p => p.at));
        await sleep(LIMITS.quietMs);
        // The diagnostics that count are the latest of each document (a cancelled build may publish early).
        for (const d of documents) {
            const problem = checkDiagnostics(server.latest.get(d.uri).params.diagnostics, false);
            if (problem) throw new LspBenchFailure(`${path.basename(d.uri)} in the 50-contract workspace: ${problem}`);
        }
        const loaded = server.memory();
        const loadedHeap = await server.heap();
        result.manyContracts = {
            contracts: plan.contracts,
            linesEach: median(documents.map(d => d.lines)),
            totalLines: documents.reduce((s, d) => s + d.lines, 0),
            openToLastDiagnostics: lastAt - firstOpenAt,
            publishes: server.publishes,
            idle: { rssBytes: idleMemory.rssBytes, heapUsedBytes: idleHeap?.heapUsed },
            loaded: { rssBytes: loaded.rssBytes, peakRssBytes: loaded.peakRssBytes, heapUsedBytes: loadedHeap?.heapUsed, heapTotalBytes: loadedHeap?.heapTotal },
        };
        await server.stop();
        server = undefined;
    } finally {
        if (server) await server.stop().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
    }
    return result;
}

/**
 * @param {string} [root]
 * @param {{files?: number, establishments?: number, progress?: (message: string) => void}} [options]
 *
 * Opens one file of a folder of `files` generated ~300-line contracts (written to the disk, so the server loads the
 * whole folder as its workspace): time from didOpen to that file's diagnostics, whether they came before the last
 * file of the folder had its own (the workspace build's end, seen from the client), and the progress shown.
 */
export async function measureOpenInFolder(root = ROOT_DIR, { files = 1000, establishments, progress = () => {} } = {}) {
    const cli = path.join(root, 'packages/cli/bin/cpom.js');
    const small = establishments ?? contractOfAboutLines(300, 1).establishments;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpom-bench-folder-'));
    writeFileSync(path.join(dir, 'cpom.config.json'), JSON.stringify(CPOM_CONFIG));
    const names = Array.from({ length: files }, (_, i) => `contrat-${String(i + 1).padStart(4, '0')}.cpom`);
    const texts = names.map((_, i) => generateContract({ establishments: small, seed: 7000 + i }));
    names.forEach((name, i) => writeFileSync(path.join(dir, name), texts[i]));
    progress(`lsp: folder of ${files} contracts on disk, open one of them`);
    let server;
    try {
        server = new LspServer({ cli, cwd: dir });
        const published = new Set();
        /** @type {number | undefined} */
        let allPublishedAt;
        server.listeners = [(params, at) => { published.add(params.uri); if (published.size === files && allPublishedAt === undefined) allPublishedAt = at; }];
        await server.initialize();
        const chosen = Math.floor(files / 2);
        const uri = server.uriOf(names[chosen]);
        const first = server.nextDiagnostics(uri, LIMITS.manyMs);
        const openedAt = server.open(uri, texts[chosen]);
        const { params, at } = await first;
        const problem = checkDiagnostics(params.diagnostics, false);
        if (problem) throw new LspBenchFailure(`${names[chosen]} in the ${files}-contract folder: ${problem}`);
        const deadline = now() + LIMITS.manyMs;
        while (allPublishedAt === undefined && now() < deadline && !server.exitInfo) await sleep(50);
        const reports = server.progressReports;
        return {
            files, spawnToInitialized: server.initializedAt - server.spawnedAt, openToDiagnostics: at - openedAt,
            openToWorkspaceBuilt: allPublishedAt === undefined ? undefined : allPublishedAt - openedAt,
            beforeBuildEnd: allPublishedAt === undefined || at < allPublishedAt,
            progressShown: reports.some(r => r.kind === 'report' || r.kind === 'begin'),
            progressMessages: reports.filter(r => r.message).slice(0, 3).map(r => `${r.title ?? ''} ${r.message}`.trim()),
            progressReports: reports.length,
        };
    } finally {
        if (server) await server.stop().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
    }
}

export function lspTargets(r) {
    return [
        { name: 'LSP didChange → diagnostics, ~5,000-line contract (median)', value: r.edits.median, target: LSP_TARGETS.editMedianMs, unit: 'ms', pass: r.edits.median < LSP_TARGETS.editMedianMs },
        { name: 'LSP didChange → diagnostics, ~5,000-line contract (p95)', value: r.edits.p95, target: LSP_TARGETS.editP95Ms, unit: 'ms', pass: r.edits.p95 < LSP_TARGETS.editP95Ms },
    ];
}

export function printLspReport(r, log) {
    log(`Language server ('cpom lsp --stdio', bundled), ~5,000-line contract (${r.lines} lines, ${(r.bytes / 1024).toFixed(0)} KB); text sync ${r.textDocumentSync === 2 ? 'incremental' : r.textDocumentSync === 1 ? 'full' : r.textDocumentSync}; diagnostics ${r.edits.publishCarriesVersion ? 'carry' : 'do not carry'} the document version (each edit waits for the next publish).`);
    const c = r.coldStart;
    log(`Cold start (median of ${c.runs}): spawn → initialized ${ms(c.spawnToInitialized)} ms, didOpen → first diagnostics ${ms(c.openToDiagnostics)} ms, spawn → first diagnostics ${ms(c.spawnToFirstDiagnostics)} ms (samples ${c.samples.map(s => ms(s.spawnToFirstDiagnostics)).join(', ')}).`);
    log('');
    const row = (name, s) => [name, s.n, ms(s.median), ms(s.p95), ms(s.min), ms(s.max)];
    log(table(['ms', 'n', 'median', 'p95', 'min', 'max'], [
        row('didChange → diagnostics (one edit, waits for its diagnostics)', r.edits),
        ...(r.edits.cpu ? [row('  server CPU per edit (all threads, schedstat)', r.edits.cpu)] : []),
        ...Object.entries(r.edits.byKind).map(([kind, s]) => [`  of which ${kind}`, s.n, ms(s.median), '', '', ms(s.max)]),
        row(`  the same without the first ${r.edits.afterWarmup.skipped} edits after opening (not judged)`, r.edits.afterWarmup),
        row(`burst: ${r.bursts.size} changes ${r.bursts.gapMs} ms apart, last change → last diagnostics`, r.bursts),
        ...r.completion.map(s => row(`completion: ${s.name}, ${s.items} items`, s)),
        ...r.hover.map(s => row(`hover: ${s.name}`, s)),
    ]));
    const pubs = r.bursts.samples;
    log(`Bursts: ${pubs.map(b => b.publishesDuringBurst).reduce((a, b) => a + b, 0)} diagnostics published during the ${pubs.length} bursts, ${pubs.map(b => b.publishesAfterLastChange).join('/')} after their last change; ${r.edits.extraPublishes} extra publish(es) during the one-at-a-time edits.`);
    log(`Server memory with the ~5,000-line contract after the edits: RSS ${mb(r.bigServerMemory.rssBytes)} MB (peak ${mb(r.bigServerMemory.peakRssBytes)} MB).`);
    const m = r.manyContracts;
    log(`${m.contracts} contracts of ~${m.linesEach} lines (${m.totalLines} lines) opened at once in a fresh server: last diagnostics ${ms(m.openToLastDiagnostics)} ms after the first didOpen (${m.publishes} publishes); RSS ${mb(m.idle.rssBytes)} MB idle → ${mb(m.loaded.rssBytes)} MB (peak ${mb(m.loaded.peakRssBytes)} MB); heap used after GC ${mb(m.idle.heapUsedBytes)} → ${mb(m.loaded.heapUsedBytes)} MB.`);
}

// ---------------------------------------------------------------------------------------------
// Standalone

async function standalone() {
    const args = new Set(process.argv.slice(2));
    const quick = args.has('--quick');
    const log = (text = '') => process.stdout.write(text + '\n');
    const started = now();
    const cpus = os.cpus();
    const environment = {
        node: process.version, platform: `${process.platform} ${os.release()} ${process.arch}`, cpuCount: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown', totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024),
        loadAverageAtStart: os.loadavg().map(x => Number(x.toFixed(2))),
    };
    log('CPOM language server benchmark' + (quick ? ' (--quick)' : ''));
    log(`Node ${environment.node}, ${environment.cpuCount} CPU(s) (${environment.cpuModel}), ${environment.platform}`);
    log('');
    const lsp = await measureLsp(ROOT_DIR, { quick, progress: text => process.stderr.write(`  … ${text}\n`) });
    environment.loadAverageAtEnd = os.loadavg().map(x => Number(x.toFixed(2)));
    const targets = lspTargets(lsp);
    printLspReport(lsp, log);
    log('');
    const busy = Math.max(environment.loadAverageAtStart[0], environment.loadAverageAtEnd[0]) > environment.cpuCount * 0.75;
    log(`Load average: start ${environment.loadAverageAtStart.join(' ')}, end ${environment.loadAverageAtEnd.join(' ')} (${environment.cpuCount} CPUs)${busy ? ': the machine was busy, figures are pessimistic' : ''}.`);
    log('');
    log('Targets');
    for (const t of targets) log(`  [${t.pass ? 'PASS' : 'FAIL'}] ${t.name}: ${ms(t.value)} ms (target < ${t.target} ms)`);
    const results = { date: new Date().toISOString(), quick, environment, lsp, targets, elapsedSeconds: (now() - started) / 1000 };
    const outDir = path.join(BENCH_DIR, 'results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'lsp.json'), JSON.stringify(roundAll(results), null, 2) + '\n');
    log(`\nWritten bench/results/lsp.json in ${results.elapsedSeconds.toFixed(0)} s.`);
    if (args.has('--strict') && targets.some(t => !t.pass)) process.exitCode = 1;
}

function roundAll(value) {
    if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toFixed(3));
    if (Array.isArray(value)) return value.map(roundAll);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundAll(v)]));
    return value;
}

/** For ad-hoc investigations (profiling the server, other edit patterns). */
export { EditableContract, LspBenchFailure, LspServer, makeEdit };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    standalone().catch(error => {
        process.stderr.write(error instanceof LspBenchFailure ? `\nlsp bench FAILED: ${error.message}\n` : `\nlsp bench crashed: ${error?.stack ?? error}\n`);
        process.exitCode = 1;
    }).finally(() => {
        // Nothing may keep the process alive: the servers are stopped, this is a safety net.
        setTimeout(() => process.exit(), 1_000).unref();
    });
}
