/**
 * What keeps the language core standing when a text finds a defect in it: quoted texts are lexed by a scan that
 * accepts what the grammar's pattern accepts, in constant stack; a parse or a build phase that throws on one
 * document gives that document a CPOM001 error and leaves the others built as usual.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCpomServices } from '@cpom/language';
import { stringEnd } from '../packages/language/src/parser/cpom-token-builder.js';
import { ROOT } from './helpers.js';

const GRAMMAR = readFileSync(path.join(ROOT, 'grammar/cpom.langium'), 'utf8');
const STRING_PATTERN = new RegExp(/terminal STRING: \/(.*)\/;/.exec(GRAMMAR)![1], 'y');

function regexEnd(text: string, offset: number): number {
    STRING_PATTERN.lastIndex = offset;
    const match = STRING_PATTERN.exec(text);
    return match ? offset + match[0].length : -1;
}

describe('the lexer of quoted texts', () => {
    it('accepts exactly what the grammar\'s STRING pattern accepts', () => {
        const piece = fc.constantFrom('a', ' ', '"', '\\', '\n', '\r', '\u2028', '“', '”', 'é', '\uD83D\uDE00', '\uD800');
        fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(5), (pieces, at) => {
            const text = pieces.join('');
            const offset = Math.min(at, text.length);
            expect(stringEnd(text, offset)).toBe(regexEnd(text, offset));
        }), { numRuns: 3000 });
    });

    it('takes texts of tens of megabytes, escapes included, without a stack overflow', () => {
        for (const body of ['a'.repeat(20_000_000), '\\"'.repeat(10_000_000), 'x\\n'.repeat(5_000_000)]) {
            expect(stringEnd(`"${body}" suite`, 0)).toBe(body.length + 2);
            expect(stringEnd(`"${body}`, 0)).toBe(-1);
        }
        expect(stringEnd(`“${'a'.repeat(20_000_000)}”`, 0)).toBe(20_000_002);
    });
});

describe('one document that makes the core fail does not stop the others', () => {
    let consoleErrors: unknown[][] = [];
    beforeEach(() => {
        consoleErrors = [];
        vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { consoleErrors.push(args); });
    });
    afterEach(() => vi.restoreAllMocks());

    const GOOD = 'contrat X "x" { effet 2013-01-01 }';
    const BOOM = 'contrat BOOM "x" { }';

    async function buildTwo(sabotage: (services: ReturnType<typeof createCpomServices>) => void): Promise<{ bad: LangiumDocument; good: LangiumDocument }> {
        const services = createCpomServices(EmptyFileSystem);
        sabotage(services);
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
        const bad = LangiumDocumentFactory.fromString(BOOM, URI.parse('memory:///bad.cpom'));
        const good = LangiumDocumentFactory.fromString(GOOD, URI.parse('memory:///good.cpom'));
        LangiumDocuments.addDocument(bad);
        LangiumDocuments.addDocument(good);
        await DocumentBuilder.build([bad, good], { validation: true });
        return { bad, good };
    }

    function expectIsolated({ bad, good }: { bad: LangiumDocument; good: LangiumDocument }): void {
        expect(bad.diagnostics?.map(d => d.code)).toEqual(['CPOM001']);
        expect(bad.diagnostics?.[0].message).toMatch(/^cpom n'a pas pu analyser ce fichier \(erreur interne : RangeError: Maximum call stack size exceeded\)/);
        expect(good.diagnostics?.map(d => d.code)).toContain('CPOM005');
        expect(good.diagnostics?.every(d => d.code !== 'CPOM001')).toBe(true);
        expect(consoleErrors.length).toBeGreaterThan(0); // a defect of cpom is logged for its maintainers
    }

    it('a parser that throws: the document is empty with a CPOM001 error', async () => {
        const result = await buildTwo(services => {
            const parser = services.Cpom.parser.LangiumParser;
            const parse = parser.parse.bind(parser);
            parser.parse = ((text: string, options?: unknown) => {
                if (text.includes('BOOM')) throw new RangeError('Maximum call stack size exceeded');
                return parse(text, options as never);
            }) as typeof parser.parse;
        });
        expectIsolated(result);
        expect(result.bad.parseResult.value.$type).toBe('CpomFile');
    });

    it.each(['scope computation', 'linking', 'validation'])('a %s that throws: a CPOM001 error on that document', async phase => {
        const fail = (document: LangiumDocument) => {
            if (document.textDocument.getText().includes('BOOM')) throw new RangeError('Maximum call stack size exceeded');
        };
        expectIsolated(await buildTwo(({ Cpom }) => {
            if (phase === 'scope computation') {
                const computation = Cpom.references.ScopeComputation;
                const collect = computation.collectLocalSymbols.bind(computation);
                computation.collectLocalSymbols = async (document, token) => { fail(document); return collect(document, token); };
            } else if (phase === 'linking') {
                const linker = Cpom.references.Linker;
                const link = linker.link.bind(linker);
                linker.link = async (document, token) => { fail(document); return link(document, token); };
            } else {
                const validator = Cpom.validation.DocumentValidator;
                const validate = validator.validateDocument.bind(validator);
                validator.validateDocument = async (document, options, token) => { fail(document); return validate(document, options, token); };
            }
        }));
    });

    it('a build listener that throws: the other listeners and documents go on', async () => {
        const services = createCpomServices(EmptyFileSystem);
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
        const validated: string[] = [];
        DocumentBuilder.onDocumentPhase(3 /* ComputedScopes */, () => { throw new RangeError('listener'); });
        DocumentBuilder.onBuildPhase(6 /* Validated */, () => { throw new RangeError('listener'); });
        DocumentBuilder.onBuildPhase(6 /* Validated */, documents => { validated.push(...documents.map(d => d.uri.path)); });
        const good = LangiumDocumentFactory.fromString(GOOD, URI.parse('memory:///good.cpom'));
        LangiumDocuments.addDocument(good);
        await DocumentBuilder.build([good], { validation: true });
        expect(validated).toEqual(['/good.cpom']);
        expect(good.diagnostics?.map(d => d.code)).toContain('CPOM005');
    });
});

describe('no editor provider throws on hostile texts', () => {
    const SEED = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
    const nested = [
        `contrat X "x" { ${'moyens { '.repeat(10_000)}${'}'.repeat(10_001)}`,
        `contrat X "x" { ${'contrat X "x" { '.repeat(10_000)}`,
        `catalogue C { ${'indicateur I { '.repeat(10_000)}`,
        `contrat X "x" { moyens { dotation D "d" { ${'repartition 2013 { '.repeat(10_000)}`,
        `contrat X "x" ${'{'.repeat(10_000)}${'}'.repeat(10_000)}`,
    ];
    const hostile: Array<[string, string]> = [
        ...nested.map((text, i) => [`10,000 levels of nesting (${i + 1})`, text] as [string, string]),
        ['a 5 MB text', SEED.replace(/préambule "[^"]*"/, `préambule "${'x'.repeat(5_000_000)}"`)],
        ['an unterminated text of 700 KB', SEED.replace(/préambule "[^"]*"/, `préambule "${'texte, '.repeat(100_000)}`)],
        ['lone surrogates in every text and an import path', `importe "a\uD800.cpom"\n${SEED.replace(/"([^"]{2})/g, '"$1\uDC00')}`],
    ];

    it.each(hostile)('%s', async (_name, text) => {
        const { lspServices } = await import('./lsp-services.js');
        const { parseDocument } = await import('langium/test');
        const services = lspServices();
        const document = await parseDocument(services, text, { documentUri: 'file:///cpom/hostile.cpom' });
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(document.diagnostics?.every(d => /^CPOM\d{3}$/.test(String(d.code)))).toBe(true);
        const textDocument = { uri: document.uri.toString() };
        const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
        for (const at of [0, Math.floor(text.length / 2), text.length]) {
            const position = document.textDocument.positionAt(Math.max(0, at));
            await services.lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
            await services.lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
            await services.lsp.RenameProvider!.rename(document, { textDocument, position, newName: 'NOUVEAU' });
            await services.lsp.DefinitionProvider!.getDefinition(document, { textDocument, position });
            await services.lsp.ReferencesProvider!.findReferences(document, { textDocument, position, context: { includeDeclaration: true } });
        }
        await services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: whole });
        await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
        await services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
        await services.lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument });
        await services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
        await services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument, range: whole, context: { diagnostics: document.diagnostics ?? [] } });
        await services.lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } });
    }, 60_000);
});
