/**
 * A pool of fuzz workers with a watchdog. Each input runs in a worker thread whose services are reused; a worker
 * that makes no step (a stage, a provider call) for longer than the limit is terminated — a hang, attributed to the
 * stage it was in — and replaced; so is one that dies (out of memory, an uncaught error).
 *
 * The limit is CPU time of the worker's own thread (thread-cpu.ts), so that other jobs on a shared machine do not
 * make hangs; a wall-clock backstop (`wallTimeoutMs`, scaled by the load) still catches a worker that waits forever
 * without computing. Without /proc the limit is wall time scaled by the load (`stepLimit`).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { type RunOptions, STAGES, type Stage } from './stages.js';
import type { SlowStep, WorkerReady, WorkerReply, WorkerRequest, WorkerSetup } from './protocol.js';
import { threadCpuMs } from './thread-cpu.js';

export type Outcome =
    | { readonly kind: 'ok'; readonly stages: Stage[]; readonly ms: Partial<Record<Stage, number>>; readonly slowest?: SlowStep }
    | { readonly kind: 'crash' | 'hang'; readonly stages: Stage[]; readonly ms: Partial<Record<Stage, number>>; readonly slowest?: SlowStep; readonly stage: Stage; readonly name: string; readonly message: string; readonly stack: string };

export interface PoolOptions {
    readonly root: string;
    /** The folder holding the bundled worker.js (bundle.mjs). */
    readonly bundle: string;
    readonly size: number;
    /** Longest step, in ms of the worker thread's CPU time (wall time on an idle machine where /proc is missing). */
    readonly stepTimeoutMs: number;
    /** Longest step in wall time on an idle machine (scaled by the load): a worker that waits without computing. */
    readonly wallTimeoutMs?: number;
    /** Heap of a worker: an input that needs more dies as out of memory. */
    readonly heapMb?: number;
}

interface Job {
    readonly request: WorkerRequest;
    readonly resolve: (outcome: Outcome) => void;
}

class FuzzWorker {
    readonly progress = new Int32Array(new SharedArrayBuffer(8));
    readonly worker: Worker;
    readonly ready: Promise<void>;
    job: Job | undefined;
    lastStep = 0;
    lastStepAt = 0;
    lastStepCpu: number | undefined;
    /** The worker thread's /proc stat file, once it is ready. */
    statPath: string | undefined;
    dead = false;

    constructor(options: PoolOptions, onReply: (w: FuzzWorker, reply: WorkerReply) => void, onDeath: (w: FuzzWorker, error: Error) => void) {
        const setup: WorkerSetup = { root: options.root, progress: this.progress.buffer as SharedArrayBuffer };
        this.worker = new Worker(path.join(options.bundle, 'worker.js'), {
            workerData: setup,
            execArgv: ['--enable-source-maps'],
            // A main thread's stack (about 1 MB, as in the CLI and the server), not a worker's 4 MB: the same overflows.
            resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? 2048, stackSizeMb: 1 },
            stdout: true,
            stderr: true,
        });
        // Dependencies may print; the campaign's output is the pool's.
        this.worker.stdout.resume();
        this.worker.stderr.resume();
        this.ready = new Promise((resolve, reject) => {
            this.worker.once('message', (ready: WorkerReady) => {
                this.statPath = ready.statPath;
                resolve();
            });
            this.worker.once('error', reject);
        });
        this.ready.then(() => this.worker.on('message', (reply: WorkerReply) => onReply(this, reply)), () => undefined);
        this.worker.on('error', error => onDeath(this, error));
        this.worker.on('exit', code => onDeath(this, new Error(`the worker exited with code ${code}`)));
    }

    get stage(): Stage {
        return STAGES[Atomics.load(this.progress, 0)] ?? 'idle';
    }
}

/**
 * The step limit on this machine now: the limit times the load per core (os.loadavg) when above 1. A worker gets a
 * share of a core on a busy machine (another campaign, CI, other jobs), and a second of that share is not a hang.
 */
export function stepLimit(limitMs: number): number {
    return limitMs * Math.max(1, os.loadavg()[0] / os.availableParallelism());
}

export class WorkerPool {
    private readonly workers: FuzzWorker[] = [];
    private readonly queue: Job[] = [];
    private readonly watchdog: NodeJS.Timeout;
    private nextId = 0;
    private closed = false;

    constructor(private readonly options: PoolOptions) {
        for (let i = 0; i < options.size; i++) this.workers.push(this.spawn());
        this.watchdog = setInterval(() => this.checkHangs(), Math.min(100, options.stepTimeoutMs / 4));
    }

    /** Resolves once every worker has its services (the first start costs a second or two). */
    async ready(): Promise<void> {
        await Promise.all(this.workers.map(w => w.ready));
    }

    run(source: string | undefined, text: string, options: RunOptions = { docx: true }): Promise<Outcome> {
        return new Promise(resolve => {
            this.queue.push({ request: { id: this.nextId++, source, text, options }, resolve });
            this.dispatch();
        });
    }

    async close(): Promise<void> {
        this.closed = true;
        clearInterval(this.watchdog);
        await Promise.all(this.workers.map(w => w.worker.terminate()));
        rmSync(this.options.bundle, { recursive: true, force: true });
    }

    private spawn(): FuzzWorker {
        const worker = new FuzzWorker(this.options, (w, reply) => this.onReply(w, reply), (w, error) => this.onDeath(w, error));
        worker.ready.then(() => this.dispatch(), error => this.onDeath(worker, error as Error));
        return worker;
    }

    private dispatch(): void {
        for (const worker of this.workers) {
            if (this.queue.length === 0) return;
            if (worker.job || worker.dead) continue;
            // A worker still starting is not idle: its 'ready' dispatches again.
            void worker.ready.then(() => {
                if (worker.job || worker.dead || this.queue.length === 0) return;
                worker.job = this.queue.shift()!;
                worker.lastStep = Atomics.load(worker.progress, 1);
                worker.lastStepAt = Date.now();
                worker.lastStepCpu = threadCpuMs(worker.statPath);
                worker.worker.postMessage(worker.job.request);
            });
        }
    }

    private onReply(worker: FuzzWorker, reply: WorkerReply): void {
        const job = worker.job;
        if (!job || job.request.id !== reply.id) return;
        worker.job = undefined;
        job.resolve(reply.ok
            ? { kind: 'ok', stages: reply.stages, ms: reply.ms, slowest: reply.slowest }
            : { kind: 'crash', stages: reply.stages, ms: reply.ms, slowest: reply.slowest, stage: reply.stage, name: reply.name, message: reply.message, stack: reply.stack });
        this.dispatch();
    }

    /** The worker died with a job (out of memory, an error outside the stages): a crash in the stage it was in. */
    private onDeath(worker: FuzzWorker, error: Error): void {
        if (worker.dead) return;
        worker.dead = true;
        void worker.worker.terminate();
        const job = worker.job;
        worker.job = undefined;
        if (job) {
            job.resolve({ kind: 'crash', stages: [], ms: {}, stage: worker.stage, name: error.name || 'Error', message: error.message, stack: error.stack ?? '' });
        }
        this.replace(worker);
    }

    private replace(worker: FuzzWorker): void {
        const index = this.workers.indexOf(worker);
        if (index >= 0 && !this.closed) {
            this.workers[index] = this.spawn();
        }
    }

    private checkHangs(): void {
        const now = Date.now();
        for (const worker of this.workers) {
            if (!worker.job || worker.dead) continue;
            const step = Atomics.load(worker.progress, 1);
            const cpu = threadCpuMs(worker.statPath);
            if (step !== worker.lastStep) {
                worker.lastStep = step;
                worker.lastStepAt = now;
                worker.lastStepCpu = cpu;
                continue;
            }
            const message = this.hangMessage(now - worker.lastStepAt, cpu === undefined || worker.lastStepCpu === undefined ? undefined : cpu - worker.lastStepCpu);
            if (message) this.stopHung(worker, message);
        }
    }

    /** Why a step that has lasted `wallMs` (and `cpuMs` of the worker's thread) is a hang; undefined: it is not. */
    private hangMessage(wallMs: number, cpuMs: number | undefined): string | undefined {
        const { stepTimeoutMs, wallTimeoutMs = Math.max(30_000, 10 * stepTimeoutMs) } = this.options;
        if (cpuMs === undefined) {
            return wallMs > stepLimit(stepTimeoutMs) ? `no progress for ${stepTimeoutMs} ms (wall time, scaled by the load)` : undefined;
        }
        if (cpuMs > stepTimeoutMs) return `no progress for ${stepTimeoutMs} ms of the worker's CPU time`;
        return wallMs > stepLimit(wallTimeoutMs) ? `no progress for ${wallTimeoutMs} ms (wall time, scaled by the load) with ${Math.round(cpuMs)} ms of CPU time` : undefined;
    }

    private stopHung(worker: FuzzWorker, message: string): void {
        const job = worker.job!;
        const stage = worker.stage;
        worker.job = undefined;
        worker.dead = true;
        void worker.worker.terminate();
        job.resolve({ kind: 'hang', stages: [], ms: {}, stage, name: 'Hang', message, stack: '' });
        this.replace(worker);
        this.dispatch();
    }
}
