/** Messages between the fuzz pool and its workers. */
import type { RunOptions, Stage } from './stages.js';

export interface WorkerSetup {
    /** The repository root, where the worker reads the corpus. */
    readonly root: string;
    /** Int32 [stage index, step counter], written by the worker, read by the pool's watchdog. */
    readonly progress: SharedArrayBuffer;
}

export interface WorkerRequest {
    readonly id: number;
    /** Corpus file the text was made from (relative name). */
    readonly source: string | undefined;
    readonly text: string;
    readonly options: RunOptions;
}

/** The first message of a worker: its services are ready; where the pool reads its thread's CPU time (thread-cpu.ts). */
export interface WorkerReady {
    readonly ready: true;
    readonly statPath: string | undefined;
}

/** The step (one stage, one provider call) of an input that took the most CPU time of the worker's thread. */
export interface SlowStep {
    readonly stage: Stage;
    readonly cpuMs: number;
}

export type WorkerReply =
    | { readonly id: number; readonly ok: true; readonly stages: Stage[]; readonly ms: Partial<Record<Stage, number>>; readonly slowest?: SlowStep }
    | { readonly id: number; readonly ok: false; readonly stages: Stage[]; readonly ms: Partial<Record<Stage, number>>; readonly slowest?: SlowStep; readonly stage: Stage; readonly name: string; readonly message: string; readonly stack: string };
