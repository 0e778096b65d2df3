#!/usr/bin/env node
/**
 * `npm run bench`: how fast the CPOM toolchain parses, links and validates contracts, and how that
 * compares with a floor (the same content as JSON through JSON.parse + an ajv-compiled JSON Schema);
 * then the latency of the language server (`cpom lsp --stdio`, see lsp.js, also runnable alone).
 *
 *   node bench/run.js            full run (≈3–4 min on 2 cores, of which ≈40 s for the language server)
 *   node bench/run.js --quick    fewer repetitions, 200-file batch (targets of the batch not judged)
 *   node bench/run.js --strict   exit 1 when a target is missed (correctness failures always exit 1)
 *
 * Prints a report and writes bench/results/latest.json. See bench/README.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Ajv } from 'ajv';
import { CONTRACT_SCHEMA, CPOM_CONFIG, contractOfAboutLines, countLines, generateContract, generateContractJson } from './generate.js';
import { measureLsp, measureOpenInFolder, printLspReport } from './lsp.js';
import { countDiagnostics } from './diagnostic-counts.js';
import { measureStudio, printStudioReport, studioTargets } from './studio.js';
import { measureBatches } from './batch.js';
import { issueRows, printIssueTable } from './issue-table.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const CLI = path.join(ROOT, 'packages/cli/bin/cpom.js');
const LANGUAGE_DIST = path.join(ROOT, 'packages/language/dist/index.js');

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const STRICT = args.has('--strict');

/** Repetitions per size: warm-up runs (discarded after the first, which is reported as "first") and measured runs. */
const PLAN = QUICK
    ? { sizes: [{ lines: 300, warmup: 3, runs: 5 }, { n: 100, warmup: 2, runs: 5 }, { lines: 20000, warmup: 1, runs: 2 }], fiveK: { warmup: 2, runs: 5 }, batches: [100, 300], batch: 300, cli: 3 }
    : { sizes: [{ lines: 300, warmup: 5, runs: 20 }, { n: 100, warmup: 3, runs: 10 }, { lines: 20000, warmup: 1, runs: 5 }], fiveK: { warmup: 3, runs: 10 }, batches: [100, 1000, 3000], batch: 1000, cli: 5 };
const BATCH_LINES = 300;
const BIG_LINES = 5000;
const BATCH_TIMEOUT_MS = 600_000;
const CLI_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// Helpers

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const now = () => performance.now();
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const ms = (x) => (x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const round = (x, digits = 3) => (x === undefined ? undefined : Number(x.toFixed(digits)));

class BenchFailure extends Error {}

function heapUsed() {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
}

function log(text = '') {
    process.stdout.write(text + '\n');
}

function progress(text) {
    process.stderr.write(`  … ${text}\n`);
}

// ---------------------------------------------------------------------------------------------
// In-process pipeline: parse, then scope + link (DocumentBuilder.build without validation), then validate

async function loadLanguage() {
    if (!existsSync(LANGUAGE_DIST)) {
        throw new BenchFailure(`${path.relative(ROOT, LANGUAGE_DIST)} is missing: run 'npm run build' first.`);
    }
    const language = await import(pathToFileURL(LANGUAGE_DIST).href);
    const { NodeFileSystem } = await import('langium/node');
    const { DocumentState, URI } = await import('langium');
    return { language, NodeFileSystem, DocumentState, URI };
}

function createPipeline({ language, NodeFileSystem, DocumentState, URI }) {
    const services = language.createCpomServices(NodeFileSystem);
    const config = language.resolveConfig(CPOM_CONFIG, 'bench config');
    services.Cpom.cpom.Settings.setConfigResolver(() => config);
    const { shared } = services;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const indexManager = shared.workspace.IndexManager;
    const validator = services.Cpom.validation.DocumentValidator;
    let scopedAt = 0;
    builder.onBuildPhase(DocumentState.ComputedScopes, () => { scopedAt = now(); });
    const folder = path.join(os.tmpdir(), 'cpom-bench-virtual');

    return {
        /** Parses, links and validates one contract; the document stays loaded until `unload`. */
        async run(text, name) {
            const uri = URI.file(path.join(folder, `${name}.cpom`));
            const t0 = now();
            const document = factory.fromString(text, uri);
            const t1 = now();
            documents.addDocument(document);
            scopedAt = 0;
            await builder.build([document], { validation: false });
            const t2 = now();
            const diagnostics = await validator.validateDocument(document);
            const t3 = now();
            const scoped = scopedAt || t1;
            return {
                uri,
                diagnostics,
                times: { parse: t1 - t0, scope: scoped - t1, linking: t2 - scoped, link: t2 - t1, validate: t3 - t2, total: t3 - t0 },
            };
        },
        unload(uri) {
            documents.deleteDocument(uri);
            indexManager.remove(uri);
        },
    };
}


function assertClean(label, diagnostics) {
    const counts = countDiagnostics(diagnostics);
    if (counts.errors > 0 || counts.warnings > 0) {
        const sample = diagnostics.filter(d => (d.severity ?? 1) <= 2).slice(0, 5)
            .map(d => `    ${d.code} line ${d.range.start.line + 1}: ${d.message}`).join('\n');
        throw new BenchFailure(`generated contract '${label}' is not clean: ${counts.errors} error(s), ${counts.warnings} warning(s)\n${sample}`);
    }
    return counts;
}

/** Runs one contract `warmup + runs` times; the first run is reported apart, warm figures are medians of `runs`. */
async function measureContract(pipeline, label, text, { warmup, runs }) {
    const samples = [];
    let first;
    let heap;
    let counts;
    // Baseline: load and unload a tiny contract first, so that workspace caches left by the previous
    // size are flushed (Langium clears its caches on the next build), then collect garbage.
    pipeline.unload((await pipeline.run(generateContract({ establishments: 1, seed: 99 }), 'bench_baseline')).uri);
    const before = heapUsed();
    for (let i = 0; i < warmup + runs; i++) {
        const result = await pipeline.run(text, label);
        if (i === 0) {
            first = result.times;
            counts = assertClean(label, result.diagnostics);
            const after = heapUsed();
            heap = { heapUsedBytes: after, retainedBytes: after - before };
        }
        if (i >= warmup) samples.push(result.times);
        pipeline.unload(result.uri);
    }
    const warm = {};
    const best = {};
    for (const key of Object.keys(samples[0])) {
        warm[key] = median(samples.map(s => s[key]));
        best[key] = Math.min(...samples.map(s => s[key]));
    }
    return { first, warm, best, heap, diagnostics: counts, runs, warmup };
}

// ---------------------------------------------------------------------------------------------
// Floor: JSON.parse + ajv

function measureFloor(validate, json, runs) {
    const text = JSON.stringify(json);
    const samples = [];
    for (let i = 0; i < runs + 3; i++) {
        const t0 = now();
        const value = JSON.parse(text);
        const t1 = now();
        const ok = validate(value);
        const t2 = now();
        if (!ok) throw new BenchFailure(`JSON floor: the generated JSON does not match its schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
        if (i >= 3) samples.push({ parse: t1 - t0, validate: t2 - t1, total: t2 - t0 });
    }
    return {
        bytes: Buffer.byteLength(text),
        parse: median(samples.map(s => s.parse)),
        validate: median(samples.map(s => s.validate)),
        total: median(samples.map(s => s.total)),
        runs,
    };
}

// ---------------------------------------------------------------------------------------------
// CLI runs

/**
 * @param {string} command
 * @param {string[]} argv
 * @param {{ cwd: string, timeoutMs: number, env?: Record<string, string> }} options `env`: added to the bench's own
 */
function runProcess(command, argv, { cwd, timeoutMs, env }) {
    return new Promise((resolve, reject) => {
        const t0 = now();
        const child = spawn(command, argv, { cwd, env: env ? { ...process.env, ...env } : process.env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += chunk; });
        child.stderr.on('data', chunk => { stderr += chunk; });
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new BenchFailure(`'${path.basename(argv[0] ?? command)} ${argv.slice(1).join(' ')}' still running after ${timeoutMs / 1000} s: killed`));
        }, timeoutMs);
        child.on('error', error => { clearTimeout(timer); reject(error); });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stdout, stderr, seconds: (now() - t0) / 1000 });
        });
    });
}

function assertCliReport(label, result, reportFile, expectedFiles) {
    if (result.code !== 0) {
        throw new BenchFailure(`${label}: cpom check exited with ${result.code ?? result.signal}\n${(result.stderr || result.stdout).slice(0, 2000)}`);
    }
    if (!reportFile) return undefined;
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    const { files, errors, warnings } = report.summary;
    if (files !== expectedFiles || errors !== 0 || warnings !== 0) {
        throw new BenchFailure(`${label}: expected ${expectedFiles} clean files, got ${files} files, ${errors} error(s), ${warnings} warning(s)`);
    }
    return report.summary;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
    const started = now();
    const cpus = os.cpus();
    const environment = {
        node: process.version,
        platform: `${process.platform} ${os.release()} ${process.arch}`,
        cpuCount: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        availableParallelism: os.availableParallelism?.() ?? cpus.length,
        totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024),
        loadAverageAtStart: os.loadavg().map(x => round(x, 2)),
    };
    log('CPOM toolchain benchmark' + (QUICK ? ' (--quick)' : ''));
    log(`Node ${environment.node}, ${environment.cpuCount} CPU(s) (${environment.cpuModel}), ${environment.platform}`);
    if (environment.loadAverageAtStart[0] > environment.cpuCount * 0.5) {
        log(`warning: load average ${environment.loadAverageAtStart.join(' ')} at start: other processes compete for the CPU, figures will be pessimistic.`);
    }
    log('');

    const tmp = mkdtempSync(path.join(os.tmpdir(), 'cpom-bench-'));
    const results = { date: new Date().toISOString(), quick: QUICK, environment, plan: PLAN, sizes: [], big: undefined, batch: undefined, coldCli: undefined, floor: [], targets: [] };
    try {
        // --- In-process: 10, 100, 1000 establishments and the ~5,000-line contract
        const modules = await loadLanguage();
        const t0 = now();
        const pipeline = createPipeline(modules);
        results.servicesMs = round(now() - t0);
        // Process-cold run: the first document of the process pays for the lazy parser construction and a cold JIT.
        {
            const n = 10;
            const cold = await pipeline.run(generateContract({ establishments: n, seed: 1 }), 'bench_cold');
            assertClean('cold', cold.diagnostics);
            pipeline.unload(cold.uri);
            results.processCold = { establishments: n, servicesMs: results.servicesMs, ...cold.times };
        }

        /** @type {{label: string, key: string, establishments: number, json: any, text: string, warmup: number, runs: number, big?: boolean}[]} */
        const cases = PLAN.sizes.map(({ n, lines, warmup, runs }) => {
            if (lines) {
                const sized = contractOfAboutLines(lines, 1);
                return { label: `~${lines} lines`, key: `lines${lines}`, establishments: sized.establishments, json: sized.json, text: sized.text, warmup, runs };
            }
            const json = generateContractJson({ establishments: n, seed: 1 });
            const text = generateContract({ establishments: n, seed: 1 });
            return { label: `${n} establishments`, key: `n${n}`, establishments: n, json, text, warmup, runs };
        });
        const big = contractOfAboutLines(BIG_LINES, 2);
        cases.push({ label: `~${BIG_LINES} lines`, key: 'lines5000', establishments: big.establishments, json: big.json, text: big.text, ...PLAN.fiveK, big: true });

        for (const c of cases) {
            progress(`in-process: ${c.label} (${countLines(c.text)} lines), ${c.warmup} warm-up + ${c.runs} runs`);
            const m = await measureContract(pipeline, `bench_${c.key}`, c.text, c);
            const entry = {
                key: c.key, label: c.label, establishments: c.establishments, lines: countLines(c.text), bytes: Buffer.byteLength(c.text),
                objectives: c.json.axes.reduce((s, a) => s + a.objectifs.length, 0), ...m,
            };
            if (c.big) results.big = entry; else results.sizes.push(entry);
        }

        // --- Floor
        const ajv = new Ajv({ allErrors: false });
        const tc = now();
        const validateJson = ajv.compile(CONTRACT_SCHEMA);
        results.floorSchemaCompileMs = round(now() - tc);
        for (const c of cases) {
            progress(`floor: ${c.label} as JSON`);
            const runs = c.establishments >= 1000 ? 10 : c.establishments >= 200 ? 20 : 50;
            const floor = measureFloor(validateJson, c.json, runs);
            const cpom = c.big ? results.big : results.sizes.find(s => s.key === c.key);
            results.floor.push({
                key: c.key, label: c.label, ...floor,
                cpomParseValidate: cpom.warm.parse + cpom.warm.validate,
                cpomTotal: cpom.warm.total,
                ratioParseValidate: (cpom.warm.parse + cpom.warm.validate) / floor.total,
                ratioTotal: cpom.warm.total / floor.total,
            });
        }

        // --- Batches: N contracts of ~300 lines, one CLI process per N (CPU time and peak memory by a probe)
        const small = contractOfAboutLines(BATCH_LINES, 1);
        results.batches = await measureBatches({
            tmp, cli: CLI, root: ROOT, sizes: PLAN.batches, establishments: small.establishments, runProcess, timeoutMs: BATCH_TIMEOUT_MS,
            check: (label, run, report, files) => assertCliReport(label, run, report, files), progress,
        });
        results.batch = results.batches.find(b => b.files === PLAN.batch) ?? results.batches[results.batches.length - 1];

        // --- Cold CLI on one file
        const oneDir = path.join(tmp, 'one');
        mkdirSync(oneDir);
        writeFileSync(path.join(oneDir, 'cpom.config.json'), JSON.stringify(CPOM_CONFIG));
        writeFileSync(path.join(oneDir, 'one.cpom'), small.text);
        progress(`cold CLI: check one.cpom (${small.lines} lines) × ${PLAN.cli}`);
        // As a user's second and later checks run: from the startup snapshot, which the first check builds in the
        // background (bin/snapshot-build.js), built here first in a cache folder of the bench's own.
        const coldEnv = { XDG_CACHE_HOME: path.join(tmp, 'cache'), CPOM_NO_SNAPSHOT: '', CI: '' };
        const built = await runProcess(process.execPath, [path.join(path.dirname(CLI), 'snapshot-build.js')], { cwd: oneDir, timeoutMs: CLI_TIMEOUT_MS, env: coldEnv });
        if (built.code !== 0) throw new BenchFailure(`the startup snapshot could not be built: ${built.stderr.slice(0, 2000)}`);
        const coldSamples = [];
        for (let i = 0; i < PLAN.cli; i++) {
            const run = await runProcess(process.execPath, [CLI, 'check', 'one.cpom'], { cwd: oneDir, timeoutMs: CLI_TIMEOUT_MS, env: coldEnv });
            assertCliReport('one-file CLI run', run);
            coldSamples.push(run.seconds);
        }
        const nodeOnly = [];
        for (let i = 0; i < 3; i++) nodeOnly.push((await runProcess(process.execPath, ['-e', '0'], { cwd: oneDir, timeoutMs: CLI_TIMEOUT_MS })).seconds);
        results.coldCli = { lines: small.lines, runs: PLAN.cli, seconds: median(coldSamples), samples: coldSamples, nodeStartupSeconds: median(nodeOnly) };

        // --- Generation of each format for the ~5,000-line contract
        progress(`generation: document, html, md, docx, json and pdf (Chromium) for the ~${BIG_LINES}-line contract`);
        const { measureGeneration } = await import('./generation.js');
        results.generation = await measureGeneration(ROOT, big.text, { runs: QUICK ? 2 : 5 });

        // --- Semantic diff of two versions of the ~5,000-line contract
        progress(`diff: two versions of the ~${BIG_LINES}-line contract (targets and amounts changed)`);
        const { measureDiff } = await import('./diff.js');
        results.diff = await measureDiff(ROOT, big.text, { runs: QUICK ? 2 : 5, runProcess, cli: CLI });

        // --- Language server: first diagnostics, didChange → diagnostics, completion, hover, 50 open contracts.
        // A failure here is reported (and exits 1) without losing the figures above.
        progress(`language server: cpom lsp --stdio on the ~${BIG_LINES}-line contract, then 50 × ~${BATCH_LINES} lines`);
        try {
            results.lsp = await measureLsp(ROOT, { text: big.text, quick: QUICK, progress, smallEstablishments: small.establishments });
        } catch (error) {
            results.lsp = { error: error?.message ?? String(error) };
        }

        // --- The studio (bench/studio.js): transferred size, interactive page, first diagnostics in Chromium.
        progress('studio: transferred size (gzip), time to interactive and to first diagnostics (headless Chromium)');
        results.studio = await measureStudio(ROOT, { runs: QUICK ? 1 : 3 }).catch(error => ({ error: error?.message ?? String(error) }));
        results.studioTargets = studioTargets(results.studio);

        progress(`language server: ~${BATCH_LINES}-line contract, edits one at a time`);
        try {
            results.lspSmall = await measureLsp(ROOT, { text: small.text, quick: QUICK, progress, editsOnly: true });
        } catch (error) {
            results.lspSmall = { error: error?.message ?? String(error) };
        }
        try {
            results.lspFolder = await measureOpenInFolder(ROOT, { files: QUICK ? 200 : 1000, establishments: small.establishments, progress });
        } catch (error) {
            results.lspFolder = { error: error?.message ?? String(error) };
        }

        // --- Targets: the rows of issue 15's table, each against its floor
        results.targets = issueRows({ ...results, lsp: results.lsp.error ? undefined : results.lsp, lspSmall: results.lspSmall.error ? undefined : results.lspSmall, lspFolder: results.lspFolder.error ? undefined : results.lspFolder });
        results.environment.loadAverageAtEnd = os.loadavg().map(x => round(x, 2));
        results.elapsedSeconds = (now() - started) / 1000;

        printReport(results);
        const outDir = path.join(BENCH_DIR, 'results');
        mkdirSync(outDir, { recursive: true });
        writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(roundAll(results), null, 2) + '\n');
        log(`\nWritten ${path.relative(process.cwd(), path.join(outDir, 'latest.json')) || 'bench/results/latest.json'} in ${results.elapsedSeconds.toFixed(0)} s.`);
        for (const part of [results.lsp, results.lspSmall, results.lspFolder]) {
            if (!part.error) continue;
            process.stderr.write(`\nbench FAILED (language server): ${part.error}\n`);
            process.exitCode = 1;
        }
        const missed = results.targets.filter(t => t.pass === false);
        if (missed.length > 0) log(`\n${missed.length} target(s) missed.`);
        if (STRICT && missed.length > 0) {
            process.exitCode = 1;
        }
    } finally {
        rmSync(tmp, { recursive: true, force: true });
    }
}

function roundAll(value) {
    if (typeof value === 'number') return Number.isInteger(value) ? value : round(value, 3);
    if (Array.isArray(value)) return value.map(roundAll);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundAll(v)]));
    return value;
}

function table(headers, rows) {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
    const fmt = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
    return [fmt(headers), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

function printReport(r) {
    log('');
    const c = r.processCold;
    log(`Process-cold first document (${c.establishments} establishments): services ${ms(c.servicesMs)} ms + parse ${ms(c.parse)} + link ${ms(c.link)} + validate ${ms(c.validate)} = ${ms(c.servicesMs + c.total)} ms (includes the lazy parser construction).`);
    log('');
    log('In-process pipeline (ms; warm = median after warm-up; first = first run of that size, after the smaller sizes).');
    const all = [...r.sizes, r.big];
    log(table(
        ['contract', 'lines', 'parse', 'link', '(scope', 'linking)', 'validate', 'total', 'best total', 'first total', 'heap MB', 'retained MB', 'runs'],
        all.map(s => [s.label + ` (N=${s.establishments})`, s.lines, ms(s.warm.parse), ms(s.warm.link), ms(s.warm.scope), ms(s.warm.linking), ms(s.warm.validate), ms(s.warm.total), ms(s.best.total), ms(s.first.total), mb(s.heap.heapUsedBytes), mb(s.heap.retainedBytes), s.runs]),
    ));
    log(`All generated contracts: 0 errors, 0 warnings (${all.map(s => s.diagnostics.infos).reduce((a, b) => a + b, 0)} infos).`);
    log('');
    log(`Floor: same content as JSON, JSON.parse + ajv-compiled JSON Schema (schema compiled once in ${ms(r.floorSchemaCompileMs)} ms)`);
    log(table(
        ['contract', 'JSON KB', 'JSON.parse', 'ajv', 'floor total', 'cpom parse+validate', '×floor', 'cpom total', '×floor'],
        r.floor.map(f => [f.label, (f.bytes / 1024).toFixed(0), ms(f.parse), ms(f.validate), ms(f.total), ms(f.cpomParseValidate), f.ratioParseValidate.toFixed(0), ms(f.cpomTotal), f.ratioTotal.toFixed(0)]),
    ));
    log('');
    log("Batches: one 'cpom check DIR --format json -o FILE' process per size (CPU = user + system of all its threads)");
    log(table(['files', 'lines each', 'wall s', 'files/s', 'CPU s', 'CPU ms/file', 'peak RSS MB'],
        r.batches.map(b => [b.files, b.linesPerFile, b.seconds.toFixed(2), b.filesPerSecond.toFixed(0), b.cpuSeconds?.toFixed(2) ?? '—', ms(b.cpuMsPerFile), b.peakRssMB?.toFixed(0) ?? '—'])));
    if (r.generation) {
        const g = r.generation;
        log(`Generation for the ~${BIG_LINES}-line contract (ms, median): ` + Object.entries(g).map(([format, m]) => `${format} ${ms(m.ms)}${m.bytes ? ` (${(m.bytes / 1024).toFixed(0)} KB)` : ''}`).join(', ') + (g.pdf ? '' : '; pdf not measured (no Chromium)'));
    }
    if (r.diff) {
        log(`Diff of two versions of the ~${BIG_LINES}-line contract: ${r.diff.changes} changes; load both + compare ${ms(r.diff.endToEndMs)} ms, compare alone ${ms(r.diff.diffMs)} ms${r.diff.cliSeconds ? `, 'cpom diff' process ${r.diff.cliSeconds.toFixed(2)} s` : ''}`);
    }
    log(`Cold CLI: 'cpom check one.cpom' (${r.coldCli.lines} lines, startup snapshot built first), median of ${r.coldCli.runs}: ${r.coldCli.seconds.toFixed(3)} s (samples ${r.coldCli.samples.map(s => s.toFixed(2)).join(', ')}; bare 'node -e 0' ${r.coldCli.nodeStartupSeconds.toFixed(3)} s)`);
    log('');
    if (r.lsp.error) log(`Language server: FAILED: ${r.lsp.error}`);
    else printLspReport(r.lsp, log);
    if (r.studio) printStudioReport(r.studio, log);
    for (const t of r.studioTargets ?? []) {
        const value = t.unit === 'ms' ? `${ms(t.value)} ms` : `${t.value.toFixed(2)} ${t.unit}`;
        log(`  [${t.pass ? 'PASS' : 'FAIL'}] ${t.name}: ${value} (target < ${t.target} ${t.unit})`);
    }
    log('');
    const busy = Math.max(r.environment.loadAverageAtStart[0], r.environment.loadAverageAtEnd[0]) > r.environment.cpuCount * 0.75;
    log(`Load average: start ${r.environment.loadAverageAtStart.join(' ')}, end ${r.environment.loadAverageAtEnd.join(' ')} (${r.environment.cpuCount} CPUs)${busy ? ': the machine was busy, figures are pessimistic; rerun on an idle machine before judging' : ''}.`);
    log('');
    if (r.lspSmall.error) log(`Language server, ~${BATCH_LINES} lines: FAILED: ${r.lspSmall.error}`);
    else log(`Language server, ~${BATCH_LINES}-line contract (${r.lspSmall.lines} lines): didChange → diagnostics median ${ms(r.lspSmall.edits.median)} ms, p95 ${ms(r.lspSmall.edits.p95)} ms (min ${ms(r.lspSmall.edits.min)}, max ${ms(r.lspSmall.edits.max)}, ${r.lspSmall.edits.n} edits).`);
    if (r.lspFolder.error) log(`Language server, open one file in a folder: FAILED: ${r.lspFolder.error}`);
    else log(`Language server, folder of ${r.lspFolder.files} contracts on disk: didOpen of one → its diagnostics ${ms(r.lspFolder.openToDiagnostics)} ms; every file's diagnostics ${ms(r.lspFolder.openToWorkspaceBuilt)} ms after the didOpen; ${r.lspFolder.progressReports} progress notifications${r.lspFolder.progressMessages.length ? ` (${r.lspFolder.progressMessages.join(' · ')})` : ''}.`);
    log('');
    printIssueTable(r.targets, log);
}

main().catch(error => {
    if (error instanceof BenchFailure) {
        process.stderr.write(`\nbench FAILED: ${error.message}\n`);
    } else {
        process.stderr.write(`\nbench crashed: ${error?.stack ?? error}\n`);
    }
    process.exitCode = 1;
});
