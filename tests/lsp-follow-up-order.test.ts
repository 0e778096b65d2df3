/**
 * A yearly follow-up file and its contract reaching the server in any order, as in VS Code for the web (no folder
 * the server can read: the client sends each file as it opens it). The follow-up first judged without its contract
 * is judged again once the contract arrives — the two indicators off track (CPOM123) — and its « Suivi » preview
 * counts the contract's indicators. Its model was kept per follow-up block whatever its links: computed while the
 * contract was missing, it said « 0 indicateur sur 0 » and no diagnostic, until the follow-up was edited.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol/node.js';
import { PreviewRequestMethod, type PreviewResult } from '../packages/server/src/protocol.js';
import { ROOT } from './helpers.js';
import { startOtherServer } from './lsp-server.js';

const FOLDER = 'examples/ehpad-ivter';
/** Under a folder that does not exist: the server cannot read the contract from disk, only from the editor. */
const uriOf = (name: string) => `file:///absent/ehpad-ivter/${name}`;

describe('a follow-up opened before its contract (no folder, as on the web)', () => {
    const server = startOtherServer('cpom-follow-up-order-', 60_000);
    afterAll(() => server.stop());

    beforeAll(async () => {
        server.conn.listen();
        await server.conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {}, initializationOptions: { lang: 'fr' } });
        await server.conn.sendNotification(InitializedNotification.type, {});
    });

    function open(name: string): void {
        const text = readFileSync(path.join(ROOT, FOLDER, name), 'utf8');
        void server.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(name), languageId: 'cpom', version: 1, text } });
    }

    it('is checked against the contract once it arrives, and its preview counts the contract\'s indicators', async () => {
        const followUp = uriOf('suivi-2022.cpom');
        const alone = server.diagnostics(followUp);
        open('suivi-2022.cpom');
        // Alone: its import is missing, nothing to judge its values against.
        expect((await alone).diagnostics.some(d => d.code === 'CPOM123')).toBe(false);
        const checked = server.diagnostics(followUp, p => p.diagnostics.some(d => d.code === 'CPOM123'));
        open('cpom-ehpad-dordogne.cpom');
        expect((await checked).diagnostics.filter(d => d.code === 'CPOM123')).toHaveLength(2);
        const preview = await server.conn.sendRequest(PreviewRequestMethod, { uri: followUp }) as PreviewResult;
        expect(preview.html).toMatch(/<p class="headline">6\sindicateurs atteints sur\s8/);
    });
});
