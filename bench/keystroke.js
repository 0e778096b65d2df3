// The language server's work for one keystroke, in process: the services of the server (createCpomLspServices,
// with its typing-time build options), the contract held as an editor buffer, each edit applied to it and then
// `DocumentBuilder.update` as the server's didChange does. CPU time of the process (process.cpuUsage, all threads:
// GC included) and wall time per edit, phase by phase. Run alone to profile the update path:
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/keystroke.js --lines 5000 --edits 60
//   node bench/keystroke.js --lines 300 --workspace seeds examples tests/fixtures   (other files beside it)
//   node bench/keystroke.js --root ../other-checkout   (the built packages of another checkout: before/after)
//
// Same edits as lsp.js (EditableContract). Not a test: nothing is asserted but the diagnostics of each edit.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as os from 'node:os';
import { CPOM_CONFIG, contractOfAboutLines } from './generate.js';
import { EditableContract, makeEdit } from './lsp.js';
import { countDiagnostics } from './diagnostic-counts.js';

const BENCH_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EDIT_CYCLE = ['target', 'amount', 'finess', 'target', 'amount', 'finess'];

const cpuMs = (start) => { const u = process.cpuUsage(start); return (u.user + u.system) / 1000; };

function quantile(values, q) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summary(values) {
    return { median: quantile(values, 0.5), p95: quantile(values, 0.95), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Opens the contract of about `lines` lines and measures `edits` one-at-a-time edits after `warmup` unmeasured ones.
 * @returns {Promise<{lines: number, workspaceFiles: number, rebuiltPerEdit: number, cpu: any, wall: any, phases: any, samples: any[]}>}
 */
export async function measureKeystrokes({ lines = 5000, edits = 48, warmup = 6, workspace = [], root = BENCH_ROOT } = {}) {
    const language = await import(pathToFileURL(path.join(root, 'packages/language/dist/index.js')).href);
    const { createCpomLspServices } = await import(pathToFileURL(path.join(root, 'packages/language/dist/lsp/index.js')).href);
    const { NodeFileSystem } = await import('langium/node');
    const { Cancellation, DocumentState, URI } = await import('langium');
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    const { shared, Cpom } = createCpomLspServices({ ...NodeFileSystem });
    const config = language.resolveConfig(CPOM_CONFIG, 'bench config');
    Cpom.cpom.Settings.setConfigResolver(() => config);
    const builder = shared.workspace.DocumentBuilder;
    const buffers = shared.workspace.TextDocuments;
    const documents = shared.workspace.LangiumDocuments;

    const { text } = contractOfAboutLines(lines, 2);
    const uri = URI.file(path.join(os.tmpdir(), 'cpom-bench-keystroke', 'big.cpom'));
    let buffer = TextDocument.create(uri.toString(), 'cpom', 1, text);
    buffers.set(buffer);
    documents.addDocument(shared.workspace.LangiumDocumentFactory.fromTextDocument(buffer, uri));
    let phaseAt = {};
    let last = 0;
    for (const state of [DocumentState.Parsed, DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated]) {
        builder.onBuildPhase(state, () => { const t = performance.now(); phaseAt[DocumentState[state]] = t - last; last = t; });
    }
    // Other files of a folder, built beside the contract (`--workspace`): what an edit rebuilds besides it.
    const others = [];
    for (const file of workspace) {
        const other = TextDocument.create(URI.file(file).toString(), 'cpom', 1, readFileSync(file, 'utf8'));
        buffers.set(other);
        others.push(shared.workspace.LangiumDocumentFactory.fromTextDocument(other, URI.file(file)));
    }
    for (const other of others) documents.addDocument(other);
    await builder.build([documents.getDocument(uri), ...others], { validation: true });
    let rebuilt = 0;
    builder.onBuildPhase(DocumentState.Validated, built => { rebuilt += built.length; });

    const contract = new EditableContract(text);
    const samples = [];
    for (let i = 0; i < warmup + edits; i++) {
        const edit = makeEdit(contract, EDIT_CYCLE[i % EDIT_CYCLE.length]);
        buffer = TextDocument.update(buffer, [edit.change], buffer.version + 1);
        buffers.set(buffer);
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        phaseAt = {};
        last = t0;
        rebuilt = 0;
        // A real token, as the server's workspace lock gives: Langium's loops then check it (and yield) per node.
        await builder.update([uri], [], new Cancellation.CancellationTokenSource().token);
        const wall = performance.now() - t0;
        const cpu = cpuMs(cpu0);
        const diagnostics = documents.getDocument(uri).diagnostics ?? [];
        const counts = countDiagnostics(diagnostics);
        const keyErrors = diagnostics.filter(d => d.code === 'CPOM041').length;
        const ok = edit.expectBroken ? counts.errors === 1 && keyErrors === 1 && counts.warnings === 0 : counts.errors === 0 && counts.warnings === 0;
        if (!ok) throw new Error(`edit ${i + 1} (${edit.kind}): ${counts.errors} error(s), ${counts.warnings} warning(s): ${diagnostics.slice(0, 3).map(d => d.code + ' ' + d.message).join('; ')}`);
        if (i >= warmup) samples.push({ kind: edit.kind, cpu, wall, rebuilt, phases: { ...phaseAt } });
    }
    const phases = {};
    for (const key of Object.keys(samples[0].phases)) phases[key] = quantile(samples.map(s => s.phases[key] ?? 0), 0.5);
    return {
        lines: text.split('\n').length,
        workspaceFiles: workspace.length,
        rebuiltPerEdit: quantile(samples.map(s => s.rebuilt), 0.5),
        cpu: summary(samples.map(s => s.cpu)),
        wall: summary(samples.map(s => s.wall)),
        phases,
        samples,
    };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
    if (process.argv.includes('--help')) {
        console.log('node bench/keystroke.js [--lines 5000] [--edits 48] [--warmup 6] [--workspace DIR…] [--root DIR]: server CPU and wall time per edit (DIR of --root: another checkout, built)');
        process.exit(0);
    }
    const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
    const folders = process.argv.includes('--workspace') ? process.argv.slice(process.argv.indexOf('--workspace') + 1).filter(a => !a.startsWith('--')) : [];
    const workspace = folders.flatMap(folder => readdirSync(folder, { recursive: true }).map(f => path.join(folder, String(f))).filter(f => f.endsWith('.cpom')));
    const rootAt = process.argv.indexOf('--root');
    const root = rootAt > 0 ? path.resolve(process.argv[rootAt + 1]) : BENCH_ROOT;
    const r = await measureKeystrokes({ lines: arg('--lines', 5000), edits: arg('--edits', 48), warmup: arg('--warmup', 6), workspace, root });
    const f = (s) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)}, min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}`;
    console.log(`keystroke, ${r.lines} lines, ${r.samples.length} edits, ${r.workspaceFiles} other files (documents rebuilt per edit: ${r.rebuiltPerEdit}); load ${os.loadavg().map(x => x.toFixed(2)).join(' ')}`);
    console.log(`  CPU  ${f(r.cpu)}`);
    console.log(`  wall ${f(r.wall)}`);
    console.log(`  phases (wall, median): ${Object.entries(r.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
}
