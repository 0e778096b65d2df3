/**
 * Protocol tests of the language server against texts that once froze it (fuzz campaign): after each of them the
 * server still publishes the diagnostics of that file and of the files opened after it, and still answers.
 * Runs the bundled `cpom lsp --stdio` (`npm run build`).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentFormattingRequest, HoverRequest, InitializedNotification,
    InitializeRequest, type Position,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from './helpers.js';
import { startOtherServer } from './lsp-server.js';

const SEED = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
const PREAMBLE = /préambule "[^"]*"/;
/** Generous: bounds a hang (the server used to never answer again), not a speed. */
const TIMEOUT = 30_000;

let server: ReturnType<typeof startOtherServer>;

/** The seed under another contract name (each file of the workspace declares its own contract). */
function seedNamed(name: string): string {
    return SEED.replace('CPOM_MESSIDOR_2013', name);
}

function positionOf(text: string, needle: string, offsetInNeedle = 0): Position {
    const before = text.slice(0, text.indexOf(needle) + offsetInNeedle).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

function open(name: string, text: string): void {
    void server.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: server.uriOf(name), languageId: 'cpom', version: 1, text } });
}

/** The server still works: a file opened now gets its diagnostics (a wrong FINESS key) and a hover its card. */
async function expectServing(name: string): Promise<void> {
    const text = seedNamed(`CPOM_${name.toUpperCase()}`).replace('finess 690999016', 'finess 690999017');
    const published = server.diagnostics(server.uriOf(`${name}.cpom`), p => p.diagnostics.some(d => d.code === 'CPOM041'));
    open(`${name}.cpom`, text);
    await published;
    const hover = await server.conn.sendRequest(HoverRequest.type, {
        textDocument: { uri: server.uriOf(`${name}.cpom`) }, position: positionOf(text, 'établissements ESAT_LYON_GERLAND', 'établissements '.length + 2),
    });
    expect(JSON.stringify(hover?.contents)).toContain('ESAT_LYON_GERLAND');
}

beforeAll(async () => {
    server = startOtherServer('cpom-lsp-robust-', TIMEOUT);
    server.conn.listen();
    await server.conn.sendRequest(InitializeRequest.type, {
        processId: process.pid, rootUri: pathToFileURL(server.folder).toString(), capabilities: {}, initializationOptions: { lang: 'fr' },
    });
    await server.conn.sendNotification(InitializedNotification.type, {});
}, TIMEOUT);

afterAll(() => server?.stop());

describe('cpom lsp --stdio survives hostile texts', () => {
    it('a préambule of 5 MB: its diagnostics, then those of a file opened after it, and hovers', async () => {
        const text = seedNamed('CPOM_HUGE').replace(PREAMBLE, `préambule "${'Le présent contrat. '.repeat(250_000)}"`);
        const published = server.diagnostics(server.uriOf('huge.cpom'));
        open('huge.cpom', text);
        expect((await published).diagnostics.map(d => d.code)).toEqual(['CPOM014']);
        await expectServing('after_huge');
    }, TIMEOUT * 3);

    it('a lone surrogate in an import path (an editor may send one): CPOM004 on that path, the other files still served', async () => {
        const text = `importe "annexe-\uD800.cpom"\n${seedNamed('CPOM_SURROGATE')}`;
        const published = server.diagnostics(server.uriOf('surrogate.cpom'));
        open('surrogate.cpom', text);
        const { diagnostics } = await published;
        expect(diagnostics.map(d => d.code).sort()).toEqual(['CPOM004', 'CPOM014']);
        expect(diagnostics.find(d => d.code === 'CPOM004')!.range.start.line).toBe(0);
        await expectServing('after_surrogate');
        // Typing goes on in the file with the surrogate: still diagnosed.
        const changed = server.diagnostics(server.uriOf('surrogate.cpom'), p => p.diagnostics.some(d => d.code === 'CPOM041'));
        void server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: server.uriOf('surrogate.cpom'), version: 2 }, contentChanges: [{ text: text.replace('finess 690999016', 'finess 690999017') }],
        });
        await changed;
    }, TIMEOUT * 3);

    it('formatting with a tab size of -4, 1e9 or 2.5: edits, not an internal error', async () => {
        const uri = server.uriOf('tabs.cpom');
        const messy = seedNamed('CPOM_TABS').split('\n').map(line => line.trimStart()).join('\n');
        const published = server.diagnostics(uri);
        open('tabs.cpom', messy);
        await published;
        for (const [tabSize, indent] of [[-4, ' '], [1e9, ' '.repeat(16)], [2.5, '   ']] as const) {
            const edits = await server.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize, insertSpaces: true } });
            const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'cpom', 1, messy), edits ?? []);
            expect(formatted, String(tabSize)).toContain(`\n${indent}cadre L313-11\n`);
        }
    }, TIMEOUT);
});
