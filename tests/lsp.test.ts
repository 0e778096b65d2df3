/**
 * Protocol tests of the language server: spawns the bundled `cpom lsp --stdio` (built by `npm run build`,
 * which `npm ci` runs) and talks LSP to it over the child's standard input and output.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    CodeActionRequest, CompletionRequest, createProtocolConnection, DidChangeConfigurationNotification, DocumentFormattingRequest, DocumentLinkRequest, InlayHintRequest, DefinitionRequest, DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification, DidSaveTextDocumentNotification, DocumentSymbolRequest, ExitNotification, HoverRequest, InitializedNotification,
    InitializeRequest, type InitializeResult, LogMessageNotification, type ProtocolConnection, PublishDiagnosticsNotification,
    type PublishDiagnosticsParams, ReferencesRequest, RenameRequest, SemanticTokensRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';
import type {
    CodeAction, CompletionItem, CompletionList, DocumentSymbol, Location, MessageConnection, Position, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import {
    CheckWorkspaceRequestMethod, type CheckWorkspaceResult, DiffRequestMethod, type DiffResult, PreviewRequestMethod, type PreviewResult,
    RenderRequestMethod, type RenderResult,
} from '../packages/server/src/protocol.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from './helpers.js';
import { startOtherServer } from './lsp-server.js';

const BIN = path.join(ROOT, 'packages/cli/bin/cpom.js');
const SEED = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
const WRONG_KEY = 'finess 690999017'; // the seed has 690999016 (key 6) for ESAT_LYON_GERLAND
/**
 * How long an awaited event (diagnostics, an answer) may take before the test fails with what it was waiting for:
 * generous, since the first build of the workspace takes seconds on a busy 2-core machine. Tests and hooks get more
 * (vitest.config.ts), so that this message, not vitest's, says what was missing.
 */
const TIMEOUT = 90_000;

let dir: string;
let child: ChildProcess;
let connection: ProtocolConnection;
let initResult: InitializeResult;
const logs: string[] = [];
const waiters: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
const latest = new Map<string, PublishDiagnosticsParams>();
let spawnedAt = 0;
let firstDiagnosticsMs: number | undefined;

/** The seed under another contract name, with an authority declared and never used (CPOM007, a 'slow' rule). */
function withUnusedAuthority(text: string, contract: string): string {
    const before = 'autorité ARS_RA ars 69, 38, 42, 26, 74 "Agence régionale de santé Rhône-Alpes" {';
    return text.replace('CPOM_MESSIDOR_2013', contract).replace(before, `autorité CD69 departement 69 "Département du Rhône"\n\n    ${before}`);
}

function uriOf(name: string): string {
    return pathToFileURL(path.join(dir, name)).toString();
}

/** Waits for the next diagnostics of `uri` that `accept` takes (bounded). */
function diagnosticsOf(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; last: ${JSON.stringify(latest.get(uri)?.diagnostics.map(d => d.code))}`)), TIMEOUT);
        waiters.push({ uri, accept, resolve: p => { clearTimeout(timer); resolve(p); } });
    });
}

function positionOf(text: string, needle: string, occurrence = 0, offsetInNeedle = 0): Position {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' not found`);
    }
    index += offsetInNeedle;
    const before = text.slice(0, index).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

function open(name: string, text: string): void {
    void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(name), languageId: 'cpom', version: 1, text } });
}

beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpom-lsp-'));
    writeFileSync(path.join(dir, 'seed.cpom'), SEED);
    mkdirSync(path.join(dir, 'bad-config'));
    writeFileSync(path.join(dir, 'bad-config', 'cpom.config.json'), '{ "rules": ');
    // A contract, its catalogues and two avenants in other files, loaded from disk (not opened) at start-up.
    cpSync(path.join(ROOT, 'examples/avenant-catalogue'), path.join(dir, 'family'), { recursive: true });
    mkdirSync(path.join(dir, 'on-disk'));
    writeFileSync(path.join(dir, 'on-disk', 'unused.cpom'), withUnusedAuthority(SEED, 'CPOM_ON_DISK'));
    spawnedAt = performance.now();
    child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', chunk => logs.push(String(chunk)));
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        firstDiagnosticsMs ??= performance.now() - spawnedAt;
        latest.set(params.uri, params);
        for (const waiter of [...waiters]) {
            if (waiter.uri === params.uri && waiter.accept(params)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(params);
            }
        }
    });
    connection.onNotification(LogMessageNotification.type, params => logs.push(params.message));
    connection.listen();
    initResult = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(dir).toString(),
        workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'contracts' }],
        capabilities: { workspace: { configuration: false } },
        initializationOptions: { lang: 'fr' },
    });
    await connection.sendNotification(InitializedNotification.type, {});
});

/** Resolves when the child has exited (at once if it has). */
function exited(server: ChildProcess): Promise<void> {
    return server.exitCode !== null || server.signalCode !== null ? Promise.resolve() : new Promise(resolve => server.once('exit', () => resolve()));
}

afterAll(async () => {
    try {
        if (child.exitCode === null) {
            // Shutdown then exit, as a client does; the server's exit is the event waited for.
            await connection.sendRequest(ShutdownRequest.type);
            await connection.sendNotification(ExitNotification.type);
            await exited(child);
        }
    } catch {
        // the server may already be gone
    } finally {
        connection?.dispose();
        child?.kill();
        rmSync(dir, { recursive: true, force: true });
    }
});

describe('cpom lsp --stdio', () => {
    it('announces the language features', () => {
        const c = initResult.capabilities;
        expect(c.textDocumentSync).toBeDefined();
        expect(c.completionProvider).toBeDefined();
        expect(c.hoverProvider).toBeTruthy();
        expect(c.definitionProvider).toBeTruthy();
        expect(c.referencesProvider).toBeTruthy();
        expect(c.renameProvider).toBeTruthy();
        expect(c.documentSymbolProvider).toBeTruthy();
        expect(c.workspaceSymbolProvider).toBeTruthy();
        expect(c.foldingRangeProvider).toBeTruthy();
        expect(c.semanticTokensProvider).toBeDefined();
    });

    it('publishes the seed\'s diagnostics on open: only the CPOM014 info', async () => {
        const uri = uriOf('seed.cpom');
        const published = diagnosticsOf(uri);
        open('seed.cpom', SEED);
        const { diagnostics } = await published;
        expect(diagnostics.map(d => d.code)).toEqual(['CPOM014']);
        expect(diagnostics[0].severity).toBe(3);
        // eslint-disable-next-line no-console
        console.log(`lsp: first diagnostics ${Math.round(firstDiagnosticsMs ?? NaN)} ms after spawn`);
    });

    it('reports a wrong FINESS key at its line in French, and clears it when fixed', async () => {
        const name = 'broken.cpom';
        const uri = uriOf(name);
        // Its own contract name: the seed is in the same workspace.
        const broken = SEED.replace('CPOM_MESSIDOR_2013', 'CPOM_BROKEN').replace('finess 690999016', WRONG_KEY);
        const opened = diagnosticsOf(uri, p => p.diagnostics.some(d => d.code === 'CPOM041'));
        open(name, broken);
        const { diagnostics } = await opened;
        expect(diagnostics.map(d => d.code).sort()).toEqual(['CPOM014', 'CPOM041']);
        const key = diagnostics.find(d => d.code === 'CPOM041')!;
        expect(key.range.start).toEqual(positionOf(broken, WRONG_KEY, 0, 'finess '.length));
        expect(key.message).toMatch(/La clé du numéro FINESS 690999017 est fausse/);
        expect(key.severity).toBe(1);

        const fixed = diagnosticsOf(uri, p => !p.diagnostics.some(d => d.code === 'CPOM041'));
        const start = positionOf(broken, WRONG_KEY, 0, 'finess '.length);
        void connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 },
            contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 9 } }, text: '690999016' }],
        });
        expect((await fixed).diagnostics.map(d => d.code)).toEqual(['CPOM014']);
    });

    it('diagnoses the last text of a typing burst (changes coalesced into one rebuild)', async () => {
        const name = 'burst.cpom';
        const uri = uriOf(name);
        const text = SEED.replace('CPOM_MESSIDOR_2013', 'CPOM_BURST');
        const opened = diagnosticsOf(uri);
        open(name, text);
        await opened;
        const start = positionOf(text, 'finess 690999016', 0, 'finess '.length);
        const last = diagnosticsOf(uri, p => p.diagnostics.some(d => d.code === 'CPOM041' && d.message.includes('690999015')));
        // Five keystrokes sent at once: each replaces the key digit; only the last one (5) must be diagnosed.
        [9, 8, 7, 6, 5].forEach((digit, i) => void connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 + i },
            contentChanges: [{ range: { start: { line: start.line, character: start.character + 8 }, end: { line: start.line, character: start.character + 9 } }, text: String(digit) }],
        }));
        const wrong = (await last).diagnostics.filter(d => d.code === 'CPOM041');
        expect(wrong.map(d => d.message)).toEqual([expect.stringMatching(/^La clé du numéro FINESS 690999015 est fausse/)]);
    });

    it('completes the authority names after `tarification`', async () => {
        const position = positionOf(SEED, 'tarification ARS_RA', 0, 'tarification '.length);
        const result = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf('seed.cpom') }, position });
        const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? [];
        expect(items.map(i => i.label)).toContain('ARS_RA');
    });

    it('hovers an establishment reference with its card', async () => {
        const position = positionOf(SEED, 'établissements ESAT_LYON_GERLAND', 0, 'établissements '.length + 2);
        const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('seed.cpom') }, position });
        expect(hover).not.toBeNull();
        const text = JSON.stringify(hover!.contents);
        expect(text).toContain('ESAT_LYON_GERLAND');
        expect(text).toContain('690999016');
    });

    it('goes from a reference to its declaration', async () => {
        const position = positionOf(SEED, 'établissements ESAT_LYON_GERLAND', 0, 'établissements '.length + 2);
        const result = await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf('seed.cpom') }, position });
        const targets = (Array.isArray(result) ? result : [result]) as Array<Location | { targetUri: string; targetSelectionRange: Location['range'] }>;
        expect(targets.length).toBe(1);
        const target = targets[0];
        const uri = 'targetUri' in target ? target.targetUri : target.uri;
        const range = 'targetSelectionRange' in target ? target.targetSelectionRange : target.range;
        expect(uri).toBe(uriOf('seed.cpom'));
        expect(range.start).toEqual(positionOf(SEED, 'établissement ESAT_LYON_GERLAND', 0, 'établissement '.length));
    });

    it('finds the references and renames an establishment everywhere', async () => {
        const uri = uriOf('seed.cpom');
        const position = positionOf(SEED, 'établissement ESAT_LYON_GERLAND', 0, 'établissement '.length);
        const occurrences = [...SEED.matchAll(/\bESAT_LYON_GERLAND\b/g)].length;
        const references = await connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } });
        expect(references?.filter(r => r.uri === uri).length).toBe(occurrences);

        const edit = await connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'ESAT_GERLAND' }) as WorkspaceEdit | null;
        const edits = edit?.changes?.[uri] ?? [];
        expect(edits.length).toBe(occurrences);
        expect(edits.every(e => e.newText === 'ESAT_GERLAND')).toBe(true);
    });

    it('lists the contract and its establishments as document symbols', async () => {
        const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('seed.cpom') } }) as DocumentSymbol[];
        const contract = symbols.find(s => s.name === 'CPOM_MESSIDOR_2013');
        expect(contract).toBeDefined();
        const names = new Set<string>();
        const walk = (s: DocumentSymbol): void => { names.add(s.name); s.children?.forEach(walk); };
        walk(contract!);
        for (const e of ['ESAT_LYON_GERLAND', 'ESAT_VILLEURBANNE', 'ESAT_ANNECY']) expect(names).toContain(e);
    });

    it('formats a badly indented copy back to the seed\'s layout', async () => {
        const name = 'messy.cpom';
        const messy = SEED.replace('CPOM_MESSIDOR_2013', 'CPOM_MESSY').split('\n').map(line => line.trimStart()).join('\n');
        const published = diagnosticsOf(uriOf(name));
        open(name, messy);
        await published;
        const edits = await connection.sendRequest(DocumentFormattingRequest.type, {
            textDocument: { uri: uriOf(name) }, options: { tabSize: 4, insertSpaces: true },
        });
        const formatted = TextDocument.applyEdits(TextDocument.create(uriOf(name), 'cpom', 1, messy), edits ?? []);
        expect(formatted).toBe(SEED.replace('CPOM_MESSIDOR_2013', 'CPOM_MESSY'));
    });

    it('offers the quick fix of a wrong FINESS key for the diagnostic the client sends back', async () => {
        const name = 'quick-fix.cpom';
        const text = SEED.replace('CPOM_MESSIDOR_2013', 'CPOM_QUICK_FIX').replace('finess 690999016', WRONG_KEY);
        const published = diagnosticsOf(uriOf(name), p => p.diagnostics.some(d => d.code === 'CPOM041'));
        open(name, text);
        const diagnostic = (await published).diagnostics.find(d => d.code === 'CPOM041')!;
        const actions = await connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: uriOf(name) }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual(['Corriger la clé FINESS : 690999016']);
        expect(actions[0].kind).toBe('quickfix');
        expect(actions[0].edit?.changes?.[uriOf(name)]).toEqual([{ range: diagnostic.range, newText: '690999016' }]);
    });

    it('links imports to their files and gives inlay hints with computed facts', async () => {
        const contract = 'family/cpom-les-sources.cpom';
        const text = readFileSync(path.join(dir, contract), 'utf8');
        const links = await connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uriOf(contract) } });
        expect(links?.map(l => l.target)).toEqual([uriOf('family/catalogue-anap.cpom'), uriOf('family/referentiel-cote-dor.cpom')]);
        const end = positionOf(text, '\n', text.split('\n').length - 2);
        const hints = await connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: uriOf(contract) }, range: { start: { line: 0, character: 0 }, end } });
        const labels = (hints ?? []).map(h => (typeof h.label === 'string' ? h.label : h.label.map(p => p.value).join('')));
        // French typography: narrow no-break spaces in numbers and before %, compared as plain spaces.
        expect(labels.map(l => l.trim().replace(/[\u00A0\u202F]/g, ' '))).toEqual([
            '↗ 91,5 % → 96 % en 2023', '↗ 88 % → 98 % en 2023', '↘ 40 → 10 en 2023', '↘ 9,8 % → 8 % en 2023', '↘ 16 % → 12 % en 2023',
            '↘ 8 % → 4 % en 2023', 'total 28,7 M€', 'somme 5 620 000 € = montant 2019 ✓',
        ]);
    });

    it('gives semantic tokens for names and references', async () => {
        const tokens = await connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uriOf('seed.cpom') } });
        const legend = initResult.capabilities.semanticTokensProvider!.legend;
        // Decode (line, char, length, type) and look for the declaration of ESAT_LYON_GERLAND, typed as a class.
        const data = tokens?.data ?? [];
        let line = 0;
        let char = 0;
        const decoded: Array<{ line: number; char: number; length: number; type: string }> = [];
        for (let i = 0; i < data.length; i += 5) {
            line += data[i];
            char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
            decoded.push({ line, char, length: data[i + 2], type: legend.tokenTypes[data[i + 3]] });
        }
        const declaration = positionOf(SEED, 'établissement ESAT_LYON_GERLAND', 0, 'établissement '.length);
        expect(decoded).toContainEqual({ line: declaration.line, char: declaration.character, length: 'ESAT_LYON_GERLAND'.length, type: 'class' });
        const reference = positionOf(SEED, 'tarification ARS_RA', 0, 'tarification '.length);
        expect(decoded).toContainEqual({ line: reference.line, char: reference.character, length: 'ARS_RA'.length, type: 'type' });
    });

    it('logs an invalid cpom.config.json and still validates', async () => {
        const name = 'bad-config/contract.cpom';
        const published = diagnosticsOf(uriOf(name));
        open(name, SEED.replace('CPOM_MESSIDOR_2013', 'CPOM_BAD_CONFIG'));
        expect((await published).diagnostics.map(d => d.code)).toEqual(['CPOM014']);
        expect(logs.join('\n')).toMatch(/configuration ignored: .*cpom\.config\.json/);
        expect(child.exitCode).toBeNull();
    });
});

describe('cpom lsp --stdio: when rules run, across files', () => {
    const withUnused = (text: string) => withUnusedAuthority(text, 'CPOM_UNUSED');

    it('runs the slow rules (unused declarations) on open and save, not while typing', async () => {
        const name = 'unused.cpom';
        const uri = uriOf(name);
        const text = withUnused(SEED);
        const opened = diagnosticsOf(uri, p => p.diagnostics.some(d => d.code === 'CPOM007'));
        open(name, text);
        const unused = (await opened).diagnostics.find(d => d.code === 'CPOM007')!;
        expect(unused.message).toMatch(/autorité « [^»]+ » \(CD69\)/);
        expect(unused.range.start).toEqual(positionOf(text, 'CD69 departement', 0));

        // A keystroke: the fast rules only (CPOM014 stays, CPOM007 waits for the save).
        const typed = diagnosticsOf(uri, p => !p.diagnostics.some(d => d.code === 'CPOM007'));
        const at = positionOf(text, 'Département du Rhône', 0, 'Département du '.length);
        void connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: 'grand ' }],
        });
        expect((await typed).diagnostics.map(d => d.code)).toEqual(['CPOM014']);

        const saved = diagnosticsOf(uri, p => p.diagnostics.some(d => d.code === 'CPOM007'));
        void connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
        expect((await saved).diagnostics.map(d => d.code).sort()).toEqual(['CPOM007', 'CPOM014']);
    });

    it('checks the last text when a save cuts a typing burst short', async () => {
        const name = 'saved-burst.cpom';
        const uri = uriOf(name);
        const text = withUnusedAuthority(SEED, 'CPOM_SAVED_BURST');
        const opened = diagnosticsOf(uri, p => p.diagnostics.some(d => d.code === 'CPOM007'));
        open(name, text);
        await opened;
        const key = positionOf(text, 'finess 690999016', 0, 'finess '.length + 8);
        const change = (version: number, digit: string) => void connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version }, contentChanges: [{ range: { start: key, end: { line: key.line, character: key.character + 1 } }, text: digit }],
        });
        // The second change follows the first at once: it waits for a pause, and the save comes first.
        const saved = diagnosticsOf(uri, p => p.diagnostics.some(d => d.code === 'CPOM041' && d.message.includes('690999018')) && p.diagnostics.some(d => d.code === 'CPOM007'));
        change(2, '7');
        change(3, '8');
        void connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
        expect((await saved).diagnostics.map(d => d.code).sort()).toEqual(['CPOM007', 'CPOM014', 'CPOM041']);
    });

    it('runs every rule on each of several files opened at once', async () => {
        const names = ['batch-1.cpom', 'batch-2.cpom', 'batch-3.cpom'];
        const complete = names.map(name => diagnosticsOf(uriOf(name), p => p.diagnostics.some(d => d.code === 'CPOM007')));
        names.forEach((name, i) => open(name, withUnusedAuthority(SEED, `CPOM_BATCH_${i + 1}`)));
        for (const published of await Promise.all(complete)) {
            expect(published.diagnostics.map(d => d.code).sort()).toEqual(['CPOM007', 'CPOM014']);
        }
    });

    it('revalidates an avenant when another avenant of its contract changes (no reference between them)', async () => {
        const first = 'family/avenant-1.cpom';
        const second = 'family/avenant-2.cpom';
        // Effect after the contract's end (2023-12-31), within the prorogation to 2024-12-31 of avenant 2.
        const firstText = readFileSync(path.join(dir, first), 'utf8').replace('effet 2021-01-01', 'effet 2024-06-01');
        const secondText = readFileSync(path.join(dir, second), 'utf8');
        const clean = diagnosticsOf(uriOf(first));
        open(first, firstText);
        expect((await clean).diagnostics.map(d => d.code)).not.toContain('CPOM090');

        const outside = diagnosticsOf(uriOf(first), p => p.diagnostics.some(d => d.code === 'CPOM090'));
        open(second, secondText);
        const at = positionOf(secondText, 'prorogation 2024-12-31', 0, 'prorogation '.length);
        void connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: uriOf(second), version: 2 },
            contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 4 } }, text: '2023' }],
        });
        const outOfPeriod = (await outside).diagnostics.find(d => d.code === 'CPOM090')!;
        expect(outOfPeriod.message).toMatch(/1er juin 2024/);

        const back = diagnosticsOf(uriOf(first), p => !p.diagnostics.some(d => d.code === 'CPOM090'));
        void connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: uriOf(second), version: 3 },
            contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 4 } }, text: '2024' }],
        });
        await back;
    });

    it('revalidates the contracts importing a catalogue when the catalogue changes', async () => {
        const catalogue = 'family/catalogue-anap.cpom';
        const contract = 'family/cpom-les-sources.cpom';
        const catalogueText = readFileSync(path.join(dir, catalogue), 'utf8');
        const contractText = readFileSync(path.join(dir, contract), 'utf8');
        const entry = /indicateur (\w+)/.exec(catalogueText)![1];
        expect(contractText).toContain(`.${entry}`);
        const clean = diagnosticsOf(uriOf(contract));
        open(contract, contractText);
        expect((await clean).diagnostics.filter(d => d.severity === 1)).toEqual([]);

        const broken = diagnosticsOf(uriOf(contract), p => p.diagnostics.some(d => d.severity === 1 && d.message.includes(entry)));
        open(catalogue, catalogueText);
        const at = positionOf(catalogueText, `indicateur ${entry}`, 0, 'indicateur '.length);
        void connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: uriOf(catalogue), version: 2 },
            contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + entry.length } }, text: `${entry}_RENOMME` }],
        });
        await broken;

        const repaired = diagnosticsOf(uriOf(contract), p => !p.diagnostics.some(d => d.severity === 1));
        void connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: uriOf(catalogue), version: 3 },
            contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + entry.length + '_RENOMME'.length } }, text: entry }],
        });
        await repaired;
    });
});

describe('cpom lsp --stdio: cpom requests (preview, render, diff, check the workspace)', () => {
    it('previews the contract as HTML from the unsaved text', async () => {
        const result = await connection.sendRequest<PreviewResult>(PreviewRequestMethod, { uri: uriOf('seed.cpom') });
        expect(result.errors).toBe(0);
        expect(result.title).toMatch(/MESSIDOR/);
        expect(result.html).toMatch(/^<!DOCTYPE html>/i);
        expect(result.html).toContain('690999016');
    });

    it('says why there is no preview for a file with a syntax error', async () => {
        const name = 'syntax.cpom';
        const published = diagnosticsOf(uriOf(name));
        open(name, 'contrat X "titre" { effet 2020-01-01 ');
        await published;
        const result = await connection.sendRequest<PreviewResult>(PreviewRequestMethod, { uri: uriOf(name) });
        expect(result.html).toBeUndefined();
        expect(result.message).toBe('Aperçu impossible : erreur de syntaxe, ligne 1 : Attendu : « } » ; trouvé : la fin du fichier.');
    });

    it('previews a yearly follow-up as its report, from the unsaved text', async () => {
        // family/ is the avenant-catalogue example, on disk: suivi-2021 is year 3 of the contract (2019-2023).
        const uri = uriOf('family/suivi-2021.cpom');
        const onDisk = await connection.sendRequest<PreviewResult>(PreviewRequestMethod, { uri });
        expect(onDisk.kind).toBe('suivi');
        expect(onDisk.errors).toBe(0);
        expect(onDisk.title).toBe("Suivi 2021 — CPOM de l'association Les Sources de Bourgogne 2019-2023");
        expect(onDisk.html).toMatch(/<p class="doc-kind">Rapport de suivi annuel 2021<\/p>/);
        expect(onDisk.html).toMatch(/<p class="headline">5\sindicateurs atteints sur\s6\s?; /);
        expect(onDisk.html).toContain('<h2>Revue à mi-parcours</h2>');
        // Typed, not saved: the occupancy back on track is in the next preview.
        const text = readFileSync(path.join(dir, 'family/suivi-2021.cpom'), 'utf8');
        const published = diagnosticsOf(uri);
        void connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'cpom', version: 1, text: text.replace('indicateur OCC: 94,4 %', 'indicateur OCC: 99,4 %') },
        });
        await published;
        const typed = await connection.sendRequest<PreviewResult>(PreviewRequestMethod, { uri });
        expect(typed.html).toMatch(/<p class="headline">6\sindicateurs atteints sur\s6\s?; /);
    });

    it('renders the document formats, and refuses a contract with errors unless forced', async () => {
        const result = await connection.sendRequest<RenderResult>(RenderRequestMethod, { uri: uriOf('seed.cpom'), formats: ['md', 'docx', 'json'] });
        expect(result.refused).toEqual([]);
        expect(result.files.map(f => f.fileName)).toEqual(['CPOM_MESSIDOR_2013.md', 'CPOM_MESSIDOR_2013.docx', 'CPOM_MESSIDOR_2013.json']);
        expect(result.files[0].content).toMatch(/^# /m);
        expect(Buffer.from(result.files[1].content, 'base64').subarray(0, 2).toString()).toBe('PK'); // a zip: DOCX
        expect(JSON.parse(result.files[2].content).contract.id).toBe('CPOM_MESSIDOR_2013');

        const published = diagnosticsOf(uriOf('wrong-key.cpom'));
        open('wrong-key.cpom', SEED.replace('CPOM_MESSIDOR_2013', 'CPOM_WRONG_KEY').replace('finess 690999016', WRONG_KEY));
        await published;
        const refused = await connection.sendRequest<RenderResult>(RenderRequestMethod, { uri: uriOf('wrong-key.cpom'), formats: ['html'] });
        expect(refused.files).toEqual([]);
        expect(refused.refused).toEqual(['Le contrat CPOM_WRONG_KEY a 1 erreur : corrigez-la ou générez quand même.']);
        const forced = await connection.sendRequest<RenderResult>(RenderRequestMethod, { uri: uriOf('wrong-key.cpom'), formats: ['html'], force: true });
        expect(forced.files.map(f => f.fileName)).toEqual(['CPOM_WRONG_KEY.html']);
    });

    it('diffs an older text of the file against the editor\'s text, semantically', async () => {
        const older = SEED.replace('cibles 2013: 6, 2014: 9, 2015: 11, 2016: 13, 2017: 13', 'cibles 2013: 6, 2014: 9, 2015: 11, 2016: 12, 2017: 13');
        expect(older).not.toBe(SEED);
        const result = await connection.sendRequest<DiffResult>(DiffRequestMethod, { uri: uriOf('seed.cpom'), oldText: older, oldLabel: 'HEAD', format: 'markdown' });
        expect(result.changes).toBe(1);
        expect(result.substantive).toBe(1);
        expect(result.text).toMatch(/cible 2016 de «[^»]+» \| 12 \| 13 \|/);

        const same = await connection.sendRequest<DiffResult>(DiffRequestMethod, { uri: uriOf('seed.cpom'), oldText: SEED.replace(/\n {4}/g, '\n  '), format: 'text' });
        expect(same.changes).toBe(0);
        const broken = await connection.sendRequest<DiffResult>(DiffRequestMethod, { uri: uriOf('seed.cpom'), oldText: 'contrat {', oldLabel: 'HEAD', format: 'text' });
        expect(broken.text).toBe('Comparaison impossible : la version HEAD a une erreur de syntaxe, ligne 1 : Attendu : un nom (identifiant) ; trouvé : « { ».');
    });

    it('checks every file of the workspace, opened or not, and publishes their diagnostics', async () => {
        // Written on disk at start-up, never opened: typing-time checks only so far (no unused authority reported).
        const unopened = uriOf('on-disk/unused.cpom');
        expect(latest.get(unopened)?.diagnostics.map(d => d.code) ?? []).not.toContain('CPOM007');
        const published = diagnosticsOf(unopened, p => p.diagnostics.some(d => d.code === 'CPOM007'));
        const result = await connection.sendRequest<CheckWorkspaceResult>(CheckWorkspaceRequestMethod);
        await published;
        // seed, broken, burst, unused, saved-burst, batch-1..3, messy, quick-fix, syntax, wrong-key,
        // bad-config/contract, on-disk/unused, family/ (7: the avenant-catalogue example with its two follow-up files).
        expect(result.files).toBe(21);
        const errors = [...latest.values()].flatMap(p => p.diagnostics.filter(d => d.severity === 1).map(d => `${p.uri.split('/').pop()} ${d.code}`));
        expect(errors.sort()).toEqual(['burst.cpom CPOM041', 'quick-fix.cpom CPOM041', 'saved-burst.cpom CPOM041', 'syntax.cpom CPOM001', 'wrong-key.cpom CPOM041']);
        expect(result.errors).toBe(5);
        expect(result.warnings).toBeGreaterThanOrEqual(1);
    });
});

describe('cpom lsp --stdio: client settings', () => {
    it('rewords the diagnostics when the client switches cpom.diagnostics.language', async () => {
        const uri = uriOf('seed.cpom');
        const english = diagnosticsOf(uri, p => p.diagnostics.some(d => d.code === 'CPOM014' && /signed/.test(d.message)));
        void connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { cpom: { diagnostics: { language: 'en' } } } });
        expect((await english).diagnostics[0].message).not.toMatch(/signé/);
        const french = diagnosticsOf(uri, p => p.diagnostics.some(d => d.code === 'CPOM014' && /signé/.test(d.message)));
        void connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { cpom: { diagnostics: { language: 'fr' } } } });
        await french;
    });
});

describe('cpom lsp --stdio with initializationOptions { lang: "en" }', () => {
    let server: ReturnType<typeof startOtherServer> | undefined;
    afterAll(() => server?.stop());

    it('words the diagnostics in English', async () => {
        server = startOtherServer('cpom-lsp-en-');
        const { conn } = server;
        const uri = server.uriOf('broken.cpom');
        const published = server.diagnostics(uri, p => p.diagnostics.some(d => d.code === 'CPOM041'));
        conn.listen();
        await conn.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: pathToFileURL(server.folder).toString(), capabilities: {}, initializationOptions: { lang: 'en' },
        });
        await conn.sendNotification(InitializedNotification.type, {});
        await conn.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'cpom', version: 1, text: SEED.replace('finess 690999016', WRONG_KEY) },
        });
        const key = (await published).diagnostics.find(d => d.code === 'CPOM041')!;
        expect(key.message).toMatch(/^The key of FINESS number 690999017 is wrong/);
    });
});

describe('cpom lsp --stdio with a client that answers no server request', () => {
    let server: ReturnType<typeof startOtherServer> | undefined;
    afterAll(() => server?.stop());

    // It announces workspace configuration and dynamic registrations, then fails every request of the server
    // (registerCapability, workspace/configuration): the server must go on, never exit on the rejected promises.
    it('still validates, previews at once after open, and stays alive', async () => {
        server = startOtherServer('cpom-lsp-rude-');
        const { conn } = server;
        const uri = server.uriOf('seed.cpom');
        const published = server.diagnostics(uri);
        // A star handler: ProtocolConnection's type omits the overload that its MessageConnection has.
        (conn as unknown as MessageConnection).onRequest(() => { throw new Error('this client answers nothing'); });
        conn.listen();
        await conn.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: pathToFileURL(server.folder).toString(), capabilities: {
                workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
            },
        });
        await conn.sendNotification(InitializedNotification.type, {});
        await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'cpom', version: 1, text: SEED } });
        // No wait for the first build: the preview waits for it.
        const preview = await Promise.race([
            conn.sendRequest<PreviewResult>(PreviewRequestMethod, { uri }),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer to cpom/preview: is the server alive?')), TIMEOUT)),
        ]);
        expect(preview.title).toMatch(/MESSIDOR/);
        expect((await published).diagnostics.map(d => d.code)).toEqual(['CPOM014']);
        // Every refused server request was answered before this round trip: the server still answers, and runs.
        const symbols = await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
        expect(symbols?.length).toBeGreaterThan(0);
        expect(server.child.exitCode).toBeNull();
    });
});
