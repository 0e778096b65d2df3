/**
 * Open documents first: in a folder of 1,000 contracts, the file the editor opens gets its diagnostics before the
 * background indexing of the rest ends (background-indexing.ts), with what it imports loaded for it, and the
 * indexing shows its progress. Event-based: no time is measured or asserted.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
    DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
} from 'vscode-languageserver-protocol/node.js';
import { ROOT } from './helpers.js';
import { startOtherServer } from './lsp-server.js';

const CONTRACTS = 1000;

describe('a folder of 1,000 contracts', () => {
    const server = startOtherServer('cpom-open-first-', 60_000);
    afterAll(() => server.stop());

    it('publishes the opened file (an avenant, its imports loaded for it) before the workspace is indexed, with progress', { timeout: 120_000 }, async () => {
        const seed = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
        for (let i = 1; i <= CONTRACTS; i++) {
            writeFileSync(path.join(server.folder, `contrat-${String(i).padStart(4, '0')}.cpom`), seed.replace(/CPOM_MESSIDOR_2013/g, `CPOM_LOT_${i}`));
        }
        cpSync(path.join(ROOT, 'examples/avenant-catalogue'), path.join(server.folder, 'avenant-catalogue'), { recursive: true });
        const opened = pathToFileURL(path.join(server.folder, 'avenant-catalogue/avenant-2.cpom')).toString();

        const published = new Set<string>();
        const progress: Array<{ kind: string; message?: string }> = [];
        server.conn.onRequest('window/workDoneProgress/create', () => null);
        server.conn.onNotification('$/progress', (params: { value: { kind: string; message?: string } }) => { progress.push(params.value); });
        let seenBeforeOpened: { files: number; progressEnded: boolean } | undefined;
        // This handler replaces the helper's (one handler per method): it waits for the opened file itself.
        let openedPublished: (diagnostics: unknown[]) => void = () => {};
        const diagnostics = new Promise<unknown[]>(resolve => { openedPublished = resolve; });
        server.conn.onNotification(PublishDiagnosticsNotification.type, params => {
            if (params.uri === opened && !seenBeforeOpened) {
                seenBeforeOpened = { files: published.size, progressEnded: progress.some(p => p.kind === 'end') };
                openedPublished(params.diagnostics);
            }
            published.add(params.uri);
        });
        server.conn.listen();
        const folderUri = pathToFileURL(server.folder).toString();
        await server.conn.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'lot' }],
            capabilities: { window: { workDoneProgress: true } }, initializationOptions: { lang: 'fr' },
        });
        await server.conn.sendNotification(InitializedNotification.type, {});
        await server.conn.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: opened, languageId: 'cpom', version: 1, text: readFileSync(path.join(ROOT, 'examples/avenant-catalogue/avenant-2.cpom'), 'utf8') },
        });
        // The contract, the catalogues and the earlier avenant it imports were loaded for it: nothing to report.
        expect(await diagnostics).toEqual([]);
        expect(seenBeforeOpened?.progressEnded).toBe(false);
        expect(seenBeforeOpened?.files).toBeLessThan(CONTRACTS);
        expect(progress[0]).toMatchObject({ kind: 'begin', message: `Indexation des contrats 0/1\u202F007` });
    });
});
