/**
 * `cpom check --jobs N`: the chunks of a batch (check-batch.ts) checked on N worker threads, each with its own
 * services; the main thread hands the next chunk to whichever worker is free and gathers one report.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchSettings } from './check-batch.js';
import type { FromWorker, ToWorker } from './check-worker.js';
import type { Bilingual } from './errors.js';
import type { FileReport } from './report.js';

/** The default of `--jobs`: one thread per core the process may use. */
export function defaultJobs(): number {
    return Math.max(1, availableParallelism());
}

let workerThreadsWork = true;

/**
 * In a process started from the startup snapshot (snapshot-entry.ts), Node 20's worker threads fail at their first
 * `process.cwd()`: such a process checks on its main thread, which gives the same report (check-batch.ts).
 */
export function withoutWorkerThreads(): void {
    workerThreadsWork = false;
}

/**
 * The worker's script: next to the bundle's entry (dist/bundle/check-worker.js, this code may sit in a chunk one
 * folder below) or next to this file (tsc's output). Undefined when running from the TypeScript sources.
 */
export function workerScript(): URL | undefined {
    if (!workerThreadsWork) return undefined;
    for (const candidate of ['./check-worker.js', '../check-worker.js']) {
        const url = new URL(candidate, import.meta.url);
        if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
    }
    return undefined;
}

/**
 * Checks the chunks on `jobs` threads; the reports come back in the order of the chunks. The threads start at once
 * and build their services (the costly part of their start) while `chunks` is still being computed: the main
 * thread reads every file to group them meanwhile. A thread that finds no chunk left is let go.
 */
export function checkOnWorkers(script: URL, chunks: Promise<readonly string[][]>, jobs: number, settings: BatchSettings, warn: (message: Bilingual) => void): Promise<FileReport[]> {
    return new Promise((resolve, reject) => {
        let results: FileReport[][] = [];
        let all: readonly string[][] | undefined;
        const workers: Worker[] = [];
        let next = 0;
        let finished = 0;
        let failed = false;
        const fail = (error: Error) => {
            if (failed) return;
            failed = true;
            for (const worker of workers) void worker.terminate();
            reject(error);
        };
        const count = Math.max(1, jobs);
        const ready: Array<() => void> = [];
        for (let i = 0; i < count; i++) {
            // A young generation of 32 MB per thread: Node 24's default let 3,000 files peak at ~600 MB instead of ~410
            // (same CPU, 2026-12-03, bench/batch.js).
            const worker = new Worker(script, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: 32 } });
            workers.push(worker);
            let current = -1;
            const send = () => {
                if (failed) return;
                if (next < all!.length) {
                    current = next++;
                    worker.postMessage({ chunk: all![current] } satisfies ToWorker);
                } else {
                    worker.postMessage({ done: true } satisfies ToWorker);
                }
            };
            worker.on('message', (message: FromWorker) => {
                if ('note' in message) warn(message.note);
                else if ('failure' in message) fail(new Error(message.failure));
                else if ('ready' in message) {
                    if (all) send();
                    else ready.push(send);
                } else {
                    results[current] = message.reports;
                    if (++finished === all!.length) {
                        for (const other of workers) void other.terminate();
                        resolve(results.flat());
                    } else {
                        send();
                    }
                }
            });
            worker.on('error', fail);
            worker.on('exit', code => {
                if (code !== 0 && (!all || finished < all.length)) fail(new Error(`cpom check: a worker thread stopped (exit code ${code})`));
            });
        }
        chunks.then(list => {
            all = list;
            results = new Array(list.length);
            if (list.length === 0) {
                for (const worker of workers) void worker.terminate();
                resolve([]);
                return;
            }
            for (const send of ready.splice(0)) send();
        }, fail);
    });
}
