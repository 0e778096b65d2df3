/**
 * Requests about a file wait for its build, they are never refused while it is queued (server-document-builder.ts).
 * VS Code keeps the outline of each text version: one outline refused (« No document found ») while the file's
 * first build waited behind a step of the background indexing stayed empty until the file was edited — the editor
 * suite's outline test failed after 60 s. Here files are opened while a folder of 300 contracts is indexed
 * (entered on the indexing's `$/progress` reports, not by timing), and the editor suite's sequence follows at
 * once — formatting, the formatted text, undo, save — with the outline, folding, hover and formatting asked for
 * in the middle of it: each answers, with the contract.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DidSaveTextDocumentNotification, DocumentFormattingRequest,
    DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, InitializedNotification, InitializeRequest,
} from 'vscode-languageserver-protocol/node.js';
import type { DocumentSymbol, Hover, Position, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from './helpers.js';
import { startOtherServer } from './lsp-server.js';

const CONTRACTS = 300;
const SEED = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
const FORMATTING = { tabSize: 4, insertSpaces: true };

describe('requests about files opened while the folder is indexed', () => {
    const server = startOtherServer('cpom-request-waits-', 90_000);
    const versions = new Map<string, number>();
    /** Resolves at the indexing's first progress report: the indexing is under way (and has steps left). */
    let indexing: Promise<void>;
    afterAll(() => server.stop());

    beforeAll(async () => {
        mkdirSync(path.join(server.folder, 'lot'));
        for (let i = 1; i <= CONTRACTS; i++) {
            writeFileSync(path.join(server.folder, 'lot', `contrat-${String(i).padStart(4, '0')}.cpom`), SEED.replace(/CPOM_MESSIDOR_2013/g, `CPOM_LOT_${i}`));
        }
        let reported: () => void = () => {};
        indexing = new Promise(resolve => { reported = resolve; });
        server.conn.onRequest('window/workDoneProgress/create', () => null);
        server.conn.onNotification('$/progress', (params: { value: { kind: string } }) => { if (params.value.kind === 'report') reported(); });
        server.conn.listen();
        const folder = server.uriOf('');
        await server.conn.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'lot' }],
            capabilities: { window: { workDoneProgress: true } }, initializationOptions: { lang: 'fr' },
        });
        await server.conn.sendNotification(InitializedNotification.type, {});
    });

    function open(uri: string, text: string): void {
        versions.set(uri, 1);
        void server.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'cpom', version: 1, text } });
    }

    function change(uri: string, text: string): void {
        const version = versions.get(uri)! + 1;
        versions.set(uri, version);
        void server.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    const outline = (uri: string) => server.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as Promise<DocumentSymbol[]>;
    const format = (uri: string) => server.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: FORMATTING }) as Promise<TextEdit[]>;
    const hover = (uri: string, position: Position) => server.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position }) as Promise<Hover | null>;

    it('a file opened then: its outline, folding, hover and formatting wait for its first build', async () => {
        await indexing;
        const uri = server.uriOf('ouvert.cpom'); // not on disk: only the editor knows it
        open(uri, SEED);
        const at = TextDocument.create(uri, 'cpom', 1, SEED).positionAt(SEED.indexOf('établissements ESAT_LYON_GERLAND') + 'établissements '.length + 2);
        const [symbols, folding, card, edits] = await Promise.all([
            outline(uri), server.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), hover(uri, at), format(uri),
        ]);
        expect(symbols.map(s => s.name)).toContain('CPOM_MESSIDOR_2013');
        expect(folding?.length).toBeGreaterThan(0);
        expect(JSON.stringify(card?.contents)).toContain('690999016');
        expect(Array.isArray(edits)).toBe(true);
    });

    it('the editor suite\'s sequence (formatting, the formatted text, undo, save) in quick succession: every request answers', async () => {
        await indexing;
        const seed = server.uriOf('seeds/messidor-2013.cpom');
        const messyUri = server.uriOf('scratch/unformatted.cpom');
        const messy = SEED.replace('contrat CPOM_MESSIDOR_2013', 'contrat CPOM_UNFORMATTED').split('\n').map(line => line.trimStart()).join('\n');
        mkdirSync(path.join(server.folder, 'scratch'));
        writeFileSync(path.join(server.folder, 'scratch/unformatted.cpom'), messy);
        open(seed, SEED);
        const seedOutline = outline(seed);
        open(messyUri, messy);
        const edits = await format(messyUri);
        expect(edits.length).toBeGreaterThan(0);
        const formatted = TextDocument.applyEdits(TextDocument.create(messyUri, 'cpom', 1, messy), edits);
        change(messyUri, formatted);
        const outlines = [outline(seed), outline(messyUri)];
        // Asked right after the edit: the edits are those of the formatted text (none), not of the parse before.
        const again = await format(messyUri);
        change(messyUri, messy); // undo
        void server.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: messyUri } });
        outlines.push(outline(seed), outline(messyUri));
        const card = hover(messyUri, TextDocument.create(messyUri, 'cpom', 1, messy).positionAt(messy.indexOf('établissements ESAT_LYON_GERLAND') + 'établissements '.length + 2));

        expect((await seedOutline).map(s => s.name)).toContain('CPOM_MESSIDOR_2013');
        expect(TextDocument.applyEdits(TextDocument.create(messyUri, 'cpom', 2, formatted), again)).toBe(formatted);
        const names = (await Promise.all(outlines)).map(symbols => symbols.map(s => s.name));
        expect(names).toEqual([['CPOM_MESSIDOR_2013'], ['CPOM_UNFORMATTED'], ['CPOM_MESSIDOR_2013'], ['CPOM_UNFORMATTED']]);
        expect(JSON.stringify((await card)?.contents)).toContain('690999016');
    });
});
