/**
 * The language server runs in a dedicated web worker of this page; the LSP client talks to it through a
 * `Transport` of strings. Served over http(s), the worker is `server-worker.js`; opened from a file (file://, where
 * Chromium refuses `new Worker(url)`), the page loads `server-worker-source.js` and starts the worker from a Blob.
 */
import type { Transport } from '@codemirror/lsp-client';

declare global {
    interface Window { CPOM_SERVER_WORKER_SOURCE?: string }
}

function loadScript(src: string): Promise<void> {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`${src} could not be loaded`));
        document.head.append(script);
    });
}

async function startWorker(): Promise<Worker> {
    if (location.protocol !== 'file:') return new Worker('server-worker.js');
    if (!window.CPOM_SERVER_WORKER_SOURCE) await loadScript('server-worker-source.js');
    const blob = new Blob([window.CPOM_SERVER_WORKER_SOURCE ?? ''], { type: 'text/javascript' });
    return new Worker(URL.createObjectURL(blob));
}

export async function workerTransport(onError: (message: string) => void): Promise<Transport> {
    const worker = await startWorker();
    let handlers: Array<(value: string) => void> = [];
    worker.addEventListener('message', event => {
        const text = JSON.stringify(event.data);
        for (const handler of handlers) handler(text);
    });
    worker.addEventListener('error', event => onError(event.message));
    return {
        send: message => worker.postMessage(JSON.parse(message)),
        subscribe: handler => { handlers.push(handler); },
        unsubscribe: handler => { handlers = handlers.filter(h => h !== handler); },
    };
}
