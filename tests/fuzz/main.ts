/**
 * `npm run fuzz -- [--seed S] [--count N] [--start I] [--workers W] [--timeout MS] [--max-run C] [--docx-percent P] [--no-save | --found DIR]`:
 * a long fuzz campaign. Prints the seed first (a run is replayed with the same --seed and --count; one input with
 * --start I --count 1), progress every 1,000 inputs, then the counts: inputs, per stage, crashes, hangs, and every
 * distinct signature with its first input and fixture. Exits 1 when any input crashed or hung.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type CampaignReport, runCampaign } from './campaign.js';
import { STAGES } from './stages.js';

/** Set by run.mjs: this module runs from a bundle in a temporary folder. */
const ROOT = process.env.CPOM_FUZZ_ROOT!;

const { values } = parseArgs({
    options: {
        seed: { type: 'string' },
        count: { type: 'string', default: '1000' },
        start: { type: 'string', default: '0' },
        workers: { type: 'string', default: '2' },
        timeout: { type: 'string', default: '1000' },
        'max-run': { type: 'string', default: '5000000' },
        'no-save': { type: 'boolean', default: false },
        found: { type: 'string' },
        'minimise-ms': { type: 'string', default: '60000' },
        'docx-percent': { type: 'string', default: '20' },
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
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
}

const seed = values.seed === undefined ? Date.now() % 0x1_0000_0000 : integer('seed', values.seed);
process.stdout.write(`fuzz: seed ${seed} (replay with --seed ${seed} --count ${values.count})\n`);
const report = await runCampaign({
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
