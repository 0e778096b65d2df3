/** A language server of its own for a protocol test: the bundled `cpom lsp --stdio` in a temporary folder. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, PublishDiagnosticsNotification, type PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';
import { ROOT } from './helpers.js';

const BIN = path.join(ROOT, 'packages/cli/bin/cpom.js');
const TIMEOUT = 15_000;

/** Another server, in its own folder, for a client configured differently from the shared one. */
export function startOtherServer(prefix: string, timeout = TIMEOUT) {
    const folder = mkdtempSync(path.join(tmpdir(), prefix));
    const serverProcess = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'ignore'] });
    const conn = createProtocolConnection(new StreamMessageReader(serverProcess.stdout!), new StreamMessageWriter(serverProcess.stdin!));
    // One handler for every waiter: a connection keeps only the last handler of a method.
    const waiters = new Set<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }>();
    conn.onNotification(PublishDiagnosticsNotification.type, p => {
        for (const waiter of [...waiters]) {
            if (waiter.uri === p.uri && waiter.accept(p)) { waiters.delete(waiter); waiter.resolve(p); }
        }
    });
    return {
        folder, child: serverProcess, conn,
        uriOf: (name: string) => pathToFileURL(path.join(folder, name)).toString(),
        /** The next diagnostics of `uri` that `accept` takes (bounded). */
        diagnostics: (uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true) => new Promise<PublishDiagnosticsParams>((resolve, reject) => {
            const waiter = { uri, accept, resolve: (p: PublishDiagnosticsParams) => { clearTimeout(timer); resolve(p); } };
            const timer = setTimeout(() => { waiters.delete(waiter); reject(new Error(`no diagnostics for ${uri}`)); }, timeout);
            waiters.add(waiter);
        }),
        stop: () => {
            conn.dispose();
            serverProcess.kill();
            rmSync(folder, { recursive: true, force: true });
        },
    };
}
