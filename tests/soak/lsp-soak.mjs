#!/usr/bin/env node
/**
 * LSP soak: the bundled `cpom lsp --stdio` (as tests/lsp.test.ts starts it) gets thousands of random edits of a
 * generated contract (bench/generate.js), a hover every few edits, and the original text back now and then; the
 * server must stay up, answer every hover, and keep its memory flat.
 *
 *   npm run soak                                   10,000 edits on the ~300-line and on the ~5,000-line contract
 *   npm run soak -- --edits 2000 --lines 300       one size, fewer edits
 *   options: --seed S, --hover-every N (10), --max-hover-ms (1000), --max-rss-growth-mb (100)
 *
 * Exits 1 when the server dies, a hover is not answered, a hover took more than --max-hover-ms of the server's CPU
 * time (wall time where /proc is missing: other jobs on a shared machine would count), or the resident
 * memory grew by more than --max-rss-growth-mb between the second checkpoint (warmed up) and the last.
 * `tests/lsp-soak.test.ts` runs a short soak (300 edits, 300 lines) through `soak()`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HoverRequest } from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CPOM_CONFIG, contractOfAboutLines, mulberry32 } from '../../bench/generate.js';
import { LspServer } from '../../bench/lsp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** An unanswered hover or diagnostics after this long is a frozen server (a failure, whatever the machine). */
const ANSWER_LIMIT_MS = 60_000;
/** Pieces a user types or pastes. */
const PIECES = ['0', '9', ' ', '\n', '{', '}', '"', ',', ':', 'é', '€', '%', 'contrat', 'etablissement', 'finess ', 'cibles 2020: 5 %',
    'ESAT_', 'montants ', '// note', '/*', '*/', '\t', '2019-02-30', '999999999999'];

/**
 * CPU time (user + system, all its threads) of a process so far, in ms, from /proc (Linux); undefined elsewhere.
 * A hover's wait in the server's CPU time is what it would wait on a machine with a core to spare: on a busy
 * machine (8 jobs on 2 cores) wall time mostly measures the other jobs.
 */
function processCpuMs(pid) {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime and stime (fields 14 and 15) in clock ticks of 10 ms.
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return undefined;
    }
}

/** A random edit of `text` as an LSP change: insert, delete, replace, paste a line elsewhere. */
function randomEdit(document, random) {
    const text = document.getText();
    const at = Math.floor(random() * (text.length + 1));
    const pick = (list) => list[Math.floor(random() * list.length)];
    const range = (start, end) => ({ start: document.positionAt(start), end: document.positionAt(end) });
    const kind = Math.floor(random() * 4);
    if (kind === 0) return { range: range(at, at), text: pick(PIECES) };
    if (kind === 1) return { range: range(at, Math.min(text.length, at + 1 + Math.floor(random() * 20))), text: '' };
    if (kind === 2) return { range: range(at, Math.min(text.length, at + 1)), text: pick(PIECES).slice(0, 1) };
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at);
    return { range: range(lineStart, lineStart), text: text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd + 1) };
}

/**
 * Runs one soak; returns its figures. `log` gets a line per checkpoint. Throws when the server dies or does not
 * answer within a minute (a frozen server).
 */
export async function soak({ lines, edits, seed = 1, hoverEvery = 10, checkpoints = 10, log = () => {} }) {
    const cli = path.join(ROOT, 'packages/cli/bin/cpom.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpom-soak-'));
    writeFileSync(path.join(dir, 'cpom.config.json'), JSON.stringify(CPOM_CONFIG));
    const original = contractOfAboutLines(lines, seed).text;
    const random = mulberry32(seed);
    const server = new LspServer({ cli, cwd: dir });
    const result = { lines: original.split('\n').length, edits: 0, hovers: 0, hoverMs: [], hoverCpuMs: [], rss: [], exited: false };
    try {
        await server.initialize();
        const uri = server.uriOf('soak.cpom');
        let version = 1;
        let document = TextDocument.create(uri, 'cpom', version, original);
        const opened = server.nextDiagnostics(uri, ANSWER_LIMIT_MS);
        server.open(uri, original, version);
        await opened;

        /** The original text back, its diagnostics awaited, then the server's resident memory. */
        const checkpoint = async () => {
            version++;
            const published = server.nextDiagnostics(uri, ANSWER_LIMIT_MS, p => p.version === undefined || p.version === null || p.version >= version);
            server.change(uri, version, [{ text: original }]);
            document = TextDocument.create(uri, 'cpom', version, original);
            await published;
            const { rssBytes } = server.memory();
            result.rss.push(rssBytes);
            log(`${result.edits} edits, ${result.hovers} hovers (slowest ${Math.round(Math.max(0, ...result.hoverMs))} ms), RSS ${(rssBytes / 1048576).toFixed(1)} MB`);
        };

        const every = Math.max(1, Math.floor(edits / checkpoints));
        for (let i = 1; i <= edits; i++) {
            const change = randomEdit(document, random);
            version++;
            document = TextDocument.update(document, [change], version);
            server.change(uri, version, [change]);
            result.edits++;
            if (i % hoverEvery === 0) {
                const position = document.positionAt(Math.floor(random() * (document.getText().length + 1)));
                const sentAt = performance.now();
                const cpuAtSend = processCpuMs(server.child.pid);
                await server.request(HoverRequest.type, { textDocument: { uri }, position }, ANSWER_LIMIT_MS, `hover after edit ${i}`);
                result.hoverMs.push(performance.now() - sentAt);
                const cpu = processCpuMs(server.child.pid);
                if (cpu !== undefined && cpuAtSend !== undefined) result.hoverCpuMs.push(cpu - cpuAtSend);
                result.hovers++;
            }
            if (i % every === 0) await checkpoint();
        }
        if (result.rss.length === 0) await checkpoint();
    } finally {
        result.exited = server.child.exitCode !== null || server.child.signalCode !== null;
        result.stderr = server.stderr;
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
    }
    return result;
}

/** RSS growth from the second checkpoint (the first ones still warm the server up: JIT, caches) to the last, in MB. */
export function rssGrowthMb(result) {
    const base = result.rss[Math.min(1, result.rss.length - 1)];
    return (result.rss[result.rss.length - 1] - base) / 1048576;
}

async function main() {
    const { values } = parseArgs({
        options: {
            edits: { type: 'string', default: '10000' },
            lines: { type: 'string' },
            seed: { type: 'string', default: '1' },
            'hover-every': { type: 'string', default: '10' },
            'max-hover-ms': { type: 'string', default: '1000' },
            'max-rss-growth-mb': { type: 'string', default: '100' },
        },
    });
    const sizes = values.lines ? [Number(values.lines)] : [300, 5000];
    let failed = false;
    for (const lines of sizes) {
        const began = performance.now();
        process.stdout.write(`soak: ${values.edits} edits on a ~${lines}-line contract (seed ${values.seed})\n`);
        const result = await soak({
            lines, edits: Number(values.edits), seed: Number(values.seed), hoverEvery: Number(values['hover-every']),
            log: line => process.stdout.write(`  ${line}\n`),
        });
        const slowest = Math.max(0, ...result.hoverMs);
        const sorted = [...result.hoverMs].sort((a, b) => a - b);
        const cpuSorted = [...result.hoverCpuMs].sort((a, b) => a - b);
        const slowestCpu = cpuSorted.length > 0 ? cpuSorted[cpuSorted.length - 1] : undefined;
        const growth = rssGrowthMb(result);
        process.stdout.write(`  ${result.lines} lines: ${result.edits} edits, ${result.hovers} hovers answered (median ${Math.round(sorted[sorted.length >> 1] ?? 0)} ms, slowest ${Math.round(slowest)} ms; `
            + `in the server's CPU time: median ${cpuSorted[cpuSorted.length >> 1] ?? '?'} ms, 99th percentile ${cpuSorted[Math.floor(cpuSorted.length * 0.99)] ?? '?'} ms, slowest ${slowestCpu ?? '?'} ms), `
            + `RSS ${(result.rss[0] / 1048576).toFixed(1)} MB at the first checkpoint, ${(result.rss[Math.min(1, result.rss.length - 1)] / 1048576).toFixed(1)} → ${(result.rss[result.rss.length - 1] / 1048576).toFixed(1)} MB from the second to the last `
            + `(${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB, max ${(Math.max(...result.rss) / 1048576).toFixed(1)}), ${Math.round((performance.now() - began) / 1000)} s\n`);
        const problems = [
            result.exited && 'the server exited',
            // The bound is on the server's CPU time when /proc gives it (wall time measures the machine's load too).
            (slowestCpu ?? slowest) > Number(values['max-hover-ms'])
                && `a hover waited ${Math.round(slowestCpu ?? slowest)} ms${slowestCpu === undefined ? '' : ' of the server\'s CPU time'} (limit ${values['max-hover-ms']} ms)`,
            growth > Number(values['max-rss-growth-mb']) && `RSS grew by ${growth.toFixed(1)} MB (limit ${values['max-rss-growth-mb']} MB)`,
        ].filter(Boolean);
        for (const problem of problems) process.stdout.write(`  ✗ ${problem}\n`);
        failed ||= problems.length > 0;
    }
    process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main().catch(error => {
        process.stderr.write(`soak: ${error.stack ?? error}\n`);
        process.exit(1);
    });
}
