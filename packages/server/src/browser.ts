/**
 * The language server in a browser worker (VS Code for the web): messages over the worker's postMessage,
 * documents only from the client (no file system: imports resolve among the files the editor has opened or
 * the workspace the client announces), no cpom.config.json.
 */
import { EmptyFileSystem } from 'langium';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import { startCpomServer } from './start-server.js';

declare const self: DedicatedWorkerGlobalScope;

export function startBrowserServer(): void {
    const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
    // As on Node: a refused registration must not end the worker, only be logged.
    self.addEventListener('unhandledrejection', event => {
        event.preventDefault();
        connection.console.error(`cpom: ${String(event.reason)}`);
    });
    startCpomServer({ connection, ...EmptyFileSystem });
}
