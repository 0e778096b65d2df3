/**
 * A fuzz worker (node:worker_threads): one StageRunner, created once, runs the inputs the pool sends, one at a time.
 * The stage it is in and a step counter are written to shared memory, so that the pool can tell a hang (no step for
 * longer than the limit) and its stage even while this thread is stuck in a loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus } from './corpus.js';
import { type Stage, STAGES, StageRunner } from './stages.js';
import { currentThreadStatPath, threadCpuMs } from './thread-cpu.js';
import type { SlowStep, WorkerReady, WorkerReply, WorkerRequest, WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const progress = new Int32Array(setup.progress);
const statPath = currentThreadStatPath();

/** The slowest step of the current input, in this thread's CPU time (reported with each outcome). */
let slowest: SlowStep | undefined;
let step: { stage: Stage; cpuMs: number } | undefined;

const runner = new StageRunner(loadCorpus(setup.root), stage => {
    const cpuMs = threadCpuMs(statPath);
    if (step && cpuMs !== undefined && (!slowest || cpuMs - step.cpuMs > slowest.cpuMs)) slowest = { stage: step.stage, cpuMs: cpuMs - step.cpuMs };
    step = cpuMs === undefined ? undefined : { stage, cpuMs };
    Atomics.store(progress, 0, STAGES.indexOf(stage));
    Atomics.add(progress, 1, 1);
});

function describe(error: unknown): { name: string; message: string; stack: string } {
    if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack ?? '' };
    return { name: typeof error, message: String(error), stack: '' };
}

parentPort!.on('message', (request: WorkerRequest) => {
    slowest = undefined;
    step = undefined;
    void runner.run(request.source, request.text, request.options).then(result => {
        const reply: WorkerReply = result.ok
            ? { id: request.id, ok: true, stages: result.stages, ms: result.ms, slowest }
            : { id: request.id, ok: false, stages: result.stages, ms: result.ms, slowest, stage: result.stage, ...describe(result.error) };
        parentPort!.postMessage(reply);
    });
});
const ready: WorkerReady = { ready: true, statPath };
parentPort!.postMessage(ready);
