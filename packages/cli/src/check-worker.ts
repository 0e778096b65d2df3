/**
 * A worker thread of `cpom check --jobs N` (check-workers.ts starts it): one set of services, then chunks of
 * files checked one after the other as the main thread sends them; each chunk's reports go back as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type BatchSettings, checkChunk, createCheckServices } from './check-batch.js';

export type ToWorker = { readonly chunk: readonly string[] } | { readonly done: true };
export type FromWorker =
    | { readonly ready: true }
    | { readonly reports: import('./report.js').FileReport[] }
    | { readonly note: import('./errors.js').Bilingual }
    | { readonly failure: string };

const port = parentPort;
if (port) {
    const settings = workerData as BatchSettings;
    const post = (message: FromWorker) => port.postMessage(message);
    const services = createCheckServices(settings);
    port.on('message', (message: ToWorker) => {
        if ('done' in message) {
            port.close();
            return;
        }
        checkChunk(services, message.chunk, settings, note => post({ note }))
            .then(reports => post({ reports }), (error: unknown) => post({ failure: error instanceof Error ? error.stack ?? error.message : String(error) }));
    });
    post({ ready: true });
}
