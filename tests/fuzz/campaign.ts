/**
 * A fuzz campaign: inputs `start … start+count-1` of a seed, run by a pool of workers; each new failure signature
 * is confirmed (run again), minimised and saved as a fixture in the found folder. Shared by `npm run fuzz` and the
 * short run of `tests/fuzz.test.ts`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { loadCorpus } from './corpus.js';
import { readFinding, writeFinding } from './fixture-file.js';
import { minimise, type MinimiseBudget } from './minimise.js';
import { grammarKeywords, makeInput } from './mutators.js';
import { type Outcome, WorkerPool } from './pool.js';
import { Random } from './random.js';
import { signatureOf } from './signature.js';
import { STAGES, type Stage } from './stages.js';
import { bundleFuzzEntries } from './bundle.mjs';

export interface CampaignOptions {
    readonly root: string;
    readonly seed: number;
    readonly count: number;
    /** First input index (a replay of one input is `start: i, count: 1`). */
    readonly start?: number;
    readonly workers: number;
    readonly stepTimeoutMs: number;
    /** Longest run a mutation writes (characters). */
    readonly maxRun: number;
    readonly minimise: MinimiseBudget;
    /** Share of the inputs rendered as DOCX too (the slowest stage, by far): 1 in `npm test`. */
    readonly docxRate: number;
    /** Where new findings are saved; none: not saved. */
    readonly foundDir?: string;
    readonly log?: (line: string) => void;
    /** A pool to use (and leave open); else one is started and closed. */
    readonly pool?: WorkerPool;
    /** When aborted (Ctrl-C), no new input starts; the report covers the inputs run. */
    readonly signal?: AbortSignal;
    /** Signatures that are expected (known failures): counted, neither confirmed, minimised nor saved. */
    readonly expected?: ReadonlySet<string>;
}

export interface FailureReport {
    readonly signature: string;
    readonly kind: 'crash' | 'hang';
    readonly stage: Stage;
    readonly message: string;
    /** First input index that showed it, and how many did. */
    readonly firstIndex: number;
    count: number;
    /** The fixture it was saved as, or the one already saved with this signature. */
    fixture?: string;
    /** A hang that did not happen again when run a second time (a busy machine): not counted as a hang. */
    readonly flaky?: boolean;
    /** Listed as a known failure. */
    readonly expected?: boolean;
}

export interface CampaignReport {
    readonly seed: number;
    inputs: number;
    /** Inputs that completed each stage. */
    readonly stages: Record<Stage, number>;
    /** Time spent in each stage by the inputs that completed it, in ms. */
    readonly stageMs: Record<Stage, number>;
    crashes: number;
    hangs: number;
    flakyHangs: number;
    readonly failures: FailureReport[];
    /** Steps that took more than SLOW_STEP_CPU_MS of the worker's CPU time without being hangs, by stage. */
    readonly slowSteps: Partial<Record<Stage, SlowSteps>>;
    readonly ms: number;
}

/** A step this slow (worker CPU time) is reported, though under the hang limit: the margin left. */
export const SLOW_STEP_CPU_MS = 250;

export interface SlowSteps {
    count: number;
    maxCpuMs: number;
    /** The input of the slowest one. */
    index: number;
}

function countSlowStep(report: CampaignReport, outcome: Outcome, index: number): void {
    const step = outcome.slowest;
    if (!step || step.cpuMs <= SLOW_STEP_CPU_MS) return;
    const slow = report.slowSteps[step.stage] ??= { count: 0, maxCpuMs: 0, index };
    slow.count++;
    if (step.cpuMs > slow.maxCpuMs) Object.assign(slow, { maxCpuMs: step.cpuMs, index });
}

function countFailure(report: CampaignReport, kind: 'crash' | 'hang'): void {
    if (kind === 'hang') report.hangs++;
    else report.crashes++;
}

/** The signatures of the fixtures already saved, by signature. */
export function savedSignatures(foundDir: string): Map<string, string> {
    const result = new Map<string, string>();
    if (!existsSync(foundDir)) return result;
    for (const name of readdirSync(foundDir).filter(n => n.endsWith('.cpom')).sort()) {
        result.set(readFinding(readFileSync(path.join(foundDir, name), 'utf8')).signature, name);
    }
    return result;
}

export async function startPool(root: string, size: number, stepTimeoutMs: number): Promise<WorkerPool> {
    const bundle = await bundleFuzzEntries(['worker.ts']);
    const pool = new WorkerPool({ root, bundle, size, stepTimeoutMs });
    await pool.ready();
    return pool;
}

export function fixtureName(failure: Exclude<Outcome, { kind: 'ok' }>, signature: string): string {
    const slug = `${failure.kind}-${failure.stage}-${failure.kind === 'hang' ? '' : failure.name}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '');
    return `${slug}-${createHash('sha256').update(signature).digest('hex').slice(0, 8)}.cpom`;
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
    const began = Date.now();
    const log = options.log ?? (() => undefined);
    const corpus = loadCorpus(options.root);
    const keywords = grammarKeywords(readFileSync(path.join(options.root, 'grammar/cpom.langium'), 'utf8'));
    const context = { corpus, keywords, maxRun: options.maxRun };
    const saved = options.foundDir ? savedSignatures(options.foundDir) : new Map<string, string>();
    const report: CampaignReport = {
        seed: options.seed, inputs: 0, stages: Object.fromEntries(STAGES.map(s => [s, 0])) as Record<Stage, number>,
        stageMs: Object.fromEntries(STAGES.map(s => [s, 0])) as Record<Stage, number>,
        crashes: 0, hangs: 0, flakyHangs: 0, failures: [], slowSteps: {}, ms: 0,
    };
    const bySignature = new Map<string, FailureReport>();
    const pool = options.pool ?? await startPool(options.root, options.workers, options.stepTimeoutMs);
    const start = options.start ?? 0;
    let next = start;

    const handle = async (index: number): Promise<void> => {
        const input = makeInput(options.seed, index, context);
        const source = corpus[input.source].name;
        const runOptions = { docx: Random.forInput(options.seed ^ 0x0D0C, index).chance(options.docxRate) };
        const outcome = await pool.run(source, input.text, runOptions);
        report.inputs++;
        for (const stage of outcome.stages) report.stages[stage]++;
        for (const [stage, ms] of Object.entries(outcome.ms)) report.stageMs[stage as Stage] += ms;
        countSlowStep(report, outcome, index);
        if (outcome.kind === 'ok') return;
        const signature = signatureOf(outcome);
        const known = bySignature.get(signature);
        if (known) {
            known.count++;
            if (!known.flaky) countFailure(report, outcome.kind);
            return;
        }
        const reproduces = async (text: string) => {
            const again = await pool.run(source, text, runOptions);
            return again.kind !== 'ok' && signatureOf(again) === signature;
        };
        const expected = options.expected?.has(signature) ?? false;
        // A hang on a busy machine may be slowness: it counts only if it happens again.
        const flaky = !expected && outcome.kind === 'hang' && !(await reproduces(input.text));
        const failure: FailureReport = {
            signature, kind: outcome.kind, stage: outcome.stage, message: outcome.message, firstIndex: index, count: 1, flaky, expected,
        };
        bySignature.set(signature, failure);
        report.failures.push(failure);
        if (flaky) {
            report.flakyHangs++;
            log(`input ${index}: ${signature} (did not happen again: not counted)`);
            return;
        }
        countFailure(report, outcome.kind);
        if (process.env.FUZZ_DEBUG) log(outcome.stack);
        log(`input ${index}: NEW ${signature} (from ${source}: ${input.mutations.join(', ')}; replay: --seed ${options.seed} --start ${index} --count 1)`);
        failure.fixture = saved.get(signature);
        if (failure.fixture || expected || !options.foundDir) return;
        const minimal = await minimise(input.text, reproduces, options.minimise);
        const name = fixtureName(outcome, signature);
        mkdirSync(options.foundDir, { recursive: true });
        writeFileSync(path.join(options.foundDir, name), writeFinding({
            kind: outcome.kind, stage: outcome.stage, error: outcome.kind === 'hang' ? outcome.message : `${outcome.name}: ${outcome.message}`,
            signature, found: `--seed ${options.seed} --start ${index} --count 1 (${input.mutations.join(', ')})`, source, text: minimal,
        }));
        failure.fixture = name;
        saved.set(signature, name);
        log(`  minimised from ${input.text.length} to ${minimal.length} characters: tests/fuzz/found/${name}`);
    };

    const lane = async (): Promise<void> => {
        while (next < start + options.count && !options.signal?.aborted) {
            const index = next++;
            await handle(index);
            if (report.inputs % 1000 === 0) {
                log(`${report.inputs} inputs, ${report.crashes} crashes, ${report.hangs} hangs, ${bySignature.size} signatures, ${Math.round((Date.now() - began) / 1000)} s`);
            }
        }
    };
    try {
        // Two inputs in flight per worker: the next one is generated while a worker runs.
        await Promise.all(Array.from({ length: options.workers * 2 }, lane));
    } finally {
        if (!options.pool) await pool.close();
    }
    return { ...report, ms: Date.now() - began };
}
