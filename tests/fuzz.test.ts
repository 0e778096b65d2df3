/**
 * The fuzz suite (tests/fuzz/): a few hundred seeded mutations of the bundled contracts through every stage —
 * parse, link, validate, format, export, HTML/Markdown/DOCX, diff both ways, avenant, every LSP provider — each in
 * a worker with a time limit; and the replay of every saved finding in tests/fuzz/found/.
 *
 * FUZZ_SEED, FUZZ_COUNT and FUZZ_TIMEOUT_MS (time a stage may take without a step; generous: a busy CI machine)
 * change the run; a failure prints the seed and the command that replays it (`npm run fuzz -- --seed S --start I
 * --count 1`), and saves the minimised input as a new finding. The long campaign is `npm run fuzz -- --count 100000`.
 */
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCampaign, startPool } from './fuzz/campaign.js';
import { loadCorpus } from './fuzz/corpus.js';
import { escapeInput, readFinding, unescapeInput, writeFinding } from './fuzz/fixture-file.js';
import { grammarKeywords, makeInput } from './fuzz/mutators.js';
import { savedFindings } from './fuzz/known-failures.js';
import type { WorkerPool } from './fuzz/pool.js';
import { currentThreadStatPath, threadCpuMs } from './fuzz/thread-cpu.js';
import { ROOT } from './helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 7);
const COUNT = Number(process.env.FUZZ_COUNT ?? 150);
const STEP_TIMEOUT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? 10_000);
const findings = savedFindings(ROOT);
const expected = new Set(findings.filter(f => f.knownFailure).map(f => f.signature));

let pool: WorkerPool;

beforeAll(async () => {
    pool = await startPool(ROOT, 2, STEP_TIMEOUT_MS);
}, 120_000);

afterAll(async () => {
    await pool?.close();
}, 60_000);

describe('fuzz harness', () => {
    it('makes the same input from the same seed and index, another from another', () => {
        const context = { corpus: loadCorpus(ROOT), keywords: grammarKeywords(readFileSync(path.join(ROOT, 'grammar/cpom.langium'), 'utf8')), maxRun: 10_000 };
        const inputs = Array.from({ length: 20 }, (_, i) => makeInput(SEED, i, context));
        expect(Array.from({ length: 20 }, (_, i) => makeInput(SEED, i, context))).toEqual(inputs);
        expect(new Set(inputs.map(i => i.text)).size).toBeGreaterThan(15);
        expect(makeInput(SEED + 1, 0, context).text).not.toBe(inputs[0].text);
    });

    it('saves what a UTF-8 file and git would change: CR, controls, lone surrogates, BOM, long runs', () => {
        const text = `\uFEFFcontrat X "a\\u{41}\r\n\u0000\uD800\uDFFF😀\u2028${' '.repeat(30_000)}"\r{}\n`;
        const escaped = escapeInput(text);
        // eslint-disable-next-line no-control-regex -- the escaped text must hold no raw control character
        expect(escaped).not.toMatch(/[\r\u0000\uD800-\uDFFF\uFEFF\u2028]/u);
        expect(escaped.length).toBeLessThan(100);
        expect(unescapeInput(escaped)).toBe(text);
        const finding = { kind: 'crash' as const, stage: 'html', error: 'TypeError: x\nat y', signature: 'crash in html: TypeError: x', found: 'by hand', source: 'seeds/messidor-2013.cpom', text };
        expect(readFinding(writeFinding(finding))).toEqual({ ...finding, error: 'TypeError: x ⏎ at y' });
    });
});

describe('fuzz watchdog clock', () => {
    it.runIf(process.platform === 'linux')('reads a thread\'s CPU time from /proc, which grows while the thread computes', () => {
        const stat = currentThreadStatPath();
        const before = threadCpuMs(stat)!;
        expect(before).toBeGreaterThanOrEqual(0);
        // Computes until the clock (10 ms ticks) moves: a wait on CPU time, not on a delay.
        let after = before;
        for (let spins = 0; after === before; spins++) after = threadCpuMs(stat)!;
        expect(after).toBeGreaterThan(before);
        expect(threadCpuMs('/proc/nonexistent/stat')).toBeUndefined();
    });
});

describe('fuzz pool', () => {
    it('stops a worker that hangs, names the stage, and goes on with a new worker', async () => {
        const small = await startPool(ROOT, 1, 300);
        try {
            const hang = await small.run('seeds/messidor-2013.cpom', 'contrat X "x" {}', { docx: false, selfTestHang: true });
            expect(hang.kind === 'hang' && hang.stage).toBe('parse');
            const next = await small.run(undefined, 'contrat X "x" {}', { docx: true });
            expect(next.kind).toBe('ok');
            expect(next.stages).toEqual(expect.arrayContaining(['parse', 'validate', 'format', 'html', 'docx', 'hover']));
        } finally {
            await small.close();
        }
    });
});

describe('fuzz', () => {
    it(`${COUNT} mutated contracts of seed ${SEED} go through every stage without a crash or a hang`, async () => {
        const report = await runCampaign({
            root: ROOT, seed: SEED, count: COUNT, workers: 2, stepTimeoutMs: STEP_TIMEOUT_MS, pool, expected,
            // Long runs up to 100,000 characters: the megabyte ones are for the long campaign.
            maxRun: 100_000, docxRate: 1,
            minimise: { maxRuns: 200, maxMs: 60_000 },
            foundDir: path.join(ROOT, 'tests/fuzz/found'),
        });
        const unexpected = report.failures.filter(f => !f.expected && !f.flaky)
            .map(f => `${f.signature}\n  replay: npm run fuzz -- --seed ${SEED} --start ${f.firstIndex} --count 1${f.fixture ? `\n  saved: tests/fuzz/found/${f.fixture}` : ''}`);
        expect(unexpected, `seed ${SEED}`).toEqual([]);
        // Every stage was reached: a mutation that always broke parsing would hide the later ones.
        for (const [stage, count] of Object.entries(report.stages)) {
            if (stage !== 'idle') expect(count, stage).toBeGreaterThan(0);
        }
        expect(report.inputs).toBe(COUNT);
    }, 600_000);

    describe('saved findings (tests/fuzz/found/) no longer fail', () => {
        it('are readable fixtures, each with a distinct signature', () => {
            expect(new Set(findings.map(f => f.signature)).size).toBe(findings.length);
        });

        for (const finding of findings) {
            const title = `${finding.file}: ${finding.kind} in ${finding.stage}`;
            if (finding.knownFailure) {
                it.skip(`${title} — expected to fail until fixed: ${finding.knownFailure}`, () => undefined);
                continue;
            }
            // Side by side: the pool's two workers replay two findings at a time.
            it.concurrent(title, async ({ expect }) => {
                const outcome = await pool.run(finding.source, finding.text);
                expect(outcome.kind === 'ok' ? 'ok' : `${outcome.kind} in ${outcome.stage}: ${outcome.name}: ${outcome.message}`).toBe('ok');
            }, 120_000);
        }
    });
});
