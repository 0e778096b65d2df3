/**
 * A document read while it is relinked: the outline is served once a document is parsed, so it can be asked for
 * while a file the contract imports is parsed again and the contract waits for its links. Such a read must neither
 * fail nor leave the half-linked state behind (a reference fixed to an error, a model view without the catalogue's
 * title). The window is entered through the builder's phase events, not by timing.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, DocumentState, type LangiumDocument, URI } from 'langium';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import * as ast from '../packages/language/src/generated/ast.js';
import { indicatorView } from '../packages/language/src/model/contract.js';
import { lspServices } from './lsp-services.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/lsp');
const CONTRACT = readFileSync(path.join(FIXTURES, 'contrat.cpom'), 'utf8');
const REFERENTIEL = readFileSync(path.join(FIXTURES, 'referentiel.cpom'), 'utf8');
const OLD_TITLE = "Taux d'occupation des lits ou places financés";
const NEW_TITLE = 'Taux d\'occupation des places';

describe('a contract read while a file it imports is parsed again', () => {
    it('gives the outline and the model from the parse tree meanwhile, and the new links afterwards', async () => {
        const services = lspServices();
        const { DocumentBuilder: builder, LangiumDocuments: documents, TextDocuments: texts } = services.shared.workspace;
        const contractUri = URI.parse('file:///cpom/contrat.cpom');
        const referentielUri = URI.parse('file:///cpom/referentiel.cpom');
        const open = (uri: URI, text: string) => {
            const textDocument = TextDocument.create(uri.toString(), 'cpom', 1, text);
            texts!.set(textDocument);
            const document = services.shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocument);
            documents.addDocument(document);
            return document;
        };
        const referentiel = open(referentielUri, REFERENTIEL);
        const contract = open(contractUri, CONTRACT);
        await builder.build([referentiel, contract], { validation: true });
        const occ = AstUtils.streamAllContents(contract.parseResult.value).filter(ast.isIndicateur).find(i => i.name === 'OCC');
        expect(occ).toBeDefined();
        expect(await outlineDetail(services, contract, 'OCC')).toBe(OLD_TITLE);

        // The catalogue changes: while it is parsed again, the contract is back at ComputedScopes, its links undone.
        const meanwhile: Array<{ state: DocumentState; outline: string | undefined; model: string | undefined }> = [];
        const listening = builder.onDocumentPhase(DocumentState.Parsed, async document => {
            if (document.uri.toString() !== referentielUri.toString()) return;
            meanwhile.push({ state: contract.state, outline: await outlineDetail(services, contract, 'OCC'), model: indicatorView(occ!).title });
        });
        texts!.set(TextDocument.create(referentielUri.toString(), 'cpom', 2, REFERENTIEL.replace(OLD_TITLE, NEW_TITLE)));
        await builder.update([referentielUri], []);
        listening.dispose();

        expect(meanwhile).toEqual([{ state: DocumentState.ComputedScopes, outline: undefined, model: undefined }]);
        expect(contract.state).toBeGreaterThanOrEqual(DocumentState.Linked);
        expect(occ!.base?.error?.message).toBeUndefined();
        expect(indicatorView(occ!).title).toBe(NEW_TITLE);
        expect(await outlineDetail(services, contract, 'OCC')).toBe(NEW_TITLE);
    });
});

async function outlineDetail(services: ReturnType<typeof lspServices>, document: LangiumDocument, name: string): Promise<string | undefined> {
    const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
    const all = (list: DocumentSymbol[]): DocumentSymbol[] => list.flatMap(s => [s, ...all(s.children ?? [])]);
    const symbol = all(symbols).find(s => s.name === name);
    expect(symbol).toBeDefined();
    return symbol!.detail;
}
