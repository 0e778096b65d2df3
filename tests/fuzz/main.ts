/**
 * `npm run fuzz -- [--seed S] [--count N] [--start I] [--workers W] [--timeout MS] [--max-run C] [--docx-percent P]
 * [--no-save | --found DIR]`: a long fuzz campaign. Prints the seed first (a run is replayed with the same --seed and
 * --count; one input with --start I --count 1), progress every 1,000 inputs, then the counts: inputs, per stage,
 * crashes, hangs, and every distinct signature with its first input and fixture. Exits 1 when any input crashed or
 * hung. Ctrl-C stops it with the report so far. The step limit is the worker thread's CPU time (pool.ts), so the
 * machine's load does not count. Also: `--replay FILE… [--source CORPUS-FILE]` runs saved findings (or plain files) and prints each outcome
 * with its slowest stages; `--dump FILE` writes input --start of --seed to FILE; `--minimise FILE [--source CORPUS-FILE]` saves a failing file, minimised, as a finding.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type CampaignReport, fixtureName, runCampaign, SLOW_STEP_CPU_MS, startPool } from './campaign.js';
import { readFinding, writeFinding } from './fixture-file.js';
import { loadCorpus } from './corpus.js';
import { minimise } from './minimise.js';
import { grammarKeywords, makeInput } from './mutators.js';
import { signatureOf } from './signature.js';
import { STAGES } from './stages.js';

/** Set by run.mjs: this module runs from a bundle in a temporary folder. */
const ROOT = process.env.CPOM_FUZZ_ROOT!;

const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
        seed: { type: 'string' },
        count: { type: 'string', default: '1000' },
        start: { type: 'string', default: '0' },
        workers: { type: 'string', default: '2' },
        timeout: { type: 'string', default: '1000' },
        'max-run': { type: 'string', default: '5000000' },
        'no-save': { type: 'boolean', default: false },
        found: { type: 'string' },
        replay: { type: 'boolean', default: false },
        minimise: { type: 'boolean', default: false },
        source: { type: 'string' },
        'minimise-ms': { type: 'string', default: '60000' },
        'docx-percent': { type: 'string', default: '20' },
        dump: { type: 'string' },
    },
});

function integer(name: string, value: string): number {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0) {
        process.stderr.write(`fuzz: --${name} expects a non-negative integer, not '${value}'\n`);
        process.exit(2);
    }
    return n;
}

function print(report: CampaignReport): void {
    const lines = [
        '',
        `seed ${report.seed}: ${report.inputs} inputs in ${Math.round(report.ms / 1000)} s`,
        `per stage (inputs that completed it): ${STAGES.filter(s => s !== 'idle').map(s => `${s} ${report.stages[s]}`).join(', ')}`,
        `time per stage (s): ${STAGES.map(s => `${s} ${(report.stageMs[s] / 1000).toFixed(1)}`).join(', ')}`,
        `crashes ${report.crashes}, hangs ${report.hangs}, hangs not repeated ${report.flakyHangs}, distinct signatures ${report.failures.filter(f => !f.flaky).length}`,
        ...report.failures.map(f => `  ${f.flaky ? '(not repeated) ' : ''}${f.count} × ${f.signature}\n      first: --seed ${report.seed} --start ${f.firstIndex} --count 1${f.fixture ? `; fixture tests/fuzz/found/${f.fixture}` : ''}`),
        `steps over ${SLOW_STEP_CPU_MS} ms of CPU time (not hangs), by stage: ${Object.keys(report.slowSteps).length === 0 ? 'none' : ''}`,
        ...Object.entries(report.slowSteps).map(([stage, slow]) => `  ${stage}: ${slow.count}, slowest ${Math.round(slow.maxCpuMs)} ms (--seed ${report.seed} --start ${slow.index} --count 1)`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
}

/** `--replay FILE…`: runs saved findings (or plain .cpom files, diffed against `--source`) and prints each outcome. */
async function replay(files: string[]): Promise<number> {
    const pool = await startPool(ROOT, 1, integer('timeout', values.timeout));
    let failures = 0;
    try {
        for (const file of files) {
            const content = readFileSync(path.resolve(file), 'utf8');
            const finding = content.includes('\n// ---\n') ? readFinding(content) : { source: values.source, text: content };
            const outcome = await pool.run(finding.source, finding.text);
            if (outcome.kind !== 'ok') failures++;
            const slowest = Object.entries(outcome.ms).sort(([, a], [, b]) => b - a).slice(0, 3).map(([stage, ms]) => `${stage} ${Math.round(ms)} ms`);
            const cpu = outcome.slowest ? `; slowest step ${outcome.slowest.stage} ${Math.round(outcome.slowest.cpuMs)} ms CPU` : '';
            process.stdout.write(`${file}: ${outcome.kind === 'ok' ? 'ok' : signatureOf(outcome)}${slowest.length ? ` (slowest: ${slowest.join(', ')}${cpu})` : ''}\n`);
            if (outcome.kind === 'crash') process.stdout.write(`${outcome.stack}\n`);
        }
    } finally {
        await pool.close();
    }
    return failures > 0 ? 1 : 0;
}

/** `--minimise FILE [--source CORPUS-FILE]`: minimises a failing input by hand and saves it as a finding. */
async function minimiseFile(file: string): Promise<number> {
    const pool = await startPool(ROOT, 2, integer('timeout', values.timeout));
    try {
        const text = readFileSync(path.resolve(file), 'utf8');
        const first = await pool.run(values.source, text);
        if (first.kind === 'ok') {
            process.stdout.write(`${file}: ok, nothing to minimise\n`);
            return 0;
        }
        const signature = signatureOf(first);
        const name = fixtureName(first, signature);
        if (existsSync(path.join(ROOT, 'tests/fuzz/found', name))) {
            process.stdout.write(`${file}: ${signature}, already saved as tests/fuzz/found/${name}\n`);
            return 1;
        }
        const minimal = await minimise(text, async candidate => {
            const again = await pool.run(values.source, candidate);
            return again.kind !== 'ok' && signatureOf(again) === signature;
        }, { maxRuns: 400, maxMs: integer('minimise-ms', values['minimise-ms']) });
        writeFileSync(path.join(ROOT, 'tests/fuzz/found', name), writeFinding({
            kind: first.kind, stage: first.stage, error: first.kind === 'hang' ? first.message : `${first.name}: ${first.message}`,
            signature, found: `by hand from ${path.basename(file)}`, source: values.source, text: minimal,
        }));
        process.stdout.write(`${file}: ${signature}\n  minimised from ${text.length} to ${minimal.length} characters: tests/fuzz/found/${name}\n`);
        return 1;
    } finally {
        await pool.close();
    }
}

/** `--seed S --start I --dump FILE`: writes input I of seed S to FILE (to profile it with `--replay FILE`). */
if (values.dump !== undefined) {
    const context = { corpus: loadCorpus(ROOT), keywords: grammarKeywords(readFileSync(path.join(ROOT, 'grammar/cpom.langium'), 'utf8')), maxRun: integer('max-run', values['max-run']) };
    const input = makeInput(integer('seed', values.seed ?? ''), integer('start', values.start), context);
    writeFileSync(path.resolve(values.dump), input.text);
    process.stdout.write(`${values.dump}: input ${values.start} of seed ${values.seed} (from ${context.corpus[input.source].name}: ${input.mutations.join(', ')}), ${input.text.length} characters\n`);
    process.exit();
}

if (values.minimise) {
    process.exitCode = await minimiseFile(positionals[0]);
    process.exit();
}

if (values.replay) {
    process.exitCode = await replay(positionals);
    process.exit();
}

const seed = values.seed === undefined ? Date.now() % 0x1_0000_0000 : integer('seed', values.seed);
process.stdout.write(`fuzz: seed ${seed} (replay with --seed ${seed} --count ${values.count})\n`);
// Ctrl-C (or SIGTERM) ends the campaign after the inputs in flight, with the report of what ran.
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
const report = await runCampaign({
    signal: stop.signal,
    root: ROOT,
    seed,
    count: integer('count', values.count),
    start: integer('start', values.start),
    workers: Math.max(1, integer('workers', values.workers)),
    stepTimeoutMs: integer('timeout', values.timeout),
    maxRun: integer('max-run', values['max-run']),
    docxRate: integer('docx-percent', values['docx-percent']) / 100,
    minimise: { maxRuns: 400, maxMs: integer('minimise-ms', values['minimise-ms']) },
    foundDir: values['no-save'] ? undefined : path.resolve(values.found ?? path.join(ROOT, 'tests/fuzz/found')),
    log: line => process.stdout.write(`${line}\n`),
});
print(report);
process.exitCode = report.crashes + report.hangs > 0 ? 1 : 0;
