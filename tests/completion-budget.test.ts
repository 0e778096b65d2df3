/**
 * Completion's parser stops past its error-recovery budget (lsp/completion-budget.ts): a place after hundreds of
 * thousands of stray tokens gets no completion instead of seconds of parsing; a valid text never reaches it. And the
 * text typed in a long token is folded once per request, not once per candidate (cpom-completion.ts).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import { createCpomLspServices } from '@cpom/language/lsp';
import { RECOVERY_ERROR_BUDGET } from '../packages/language/src/lsp/completion-budget.js';
import { ROOT } from './helpers.js';

const services = createCpomLspServices(EmptyFileSystem);
let counter = 0;

async function open(text: string): Promise<LangiumDocument> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///budget-${counter++}.cpom`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    return document;
}

function featuresAt(document: LangiumDocument, offset: number): unknown[] {
    const provider = services.Cpom.lsp.CompletionProvider as unknown as { findFeaturesAt(d: unknown, o: number): unknown[] };
    return provider.findFeaturesAt(document.textDocument, offset);
}

describe('the completion budget', () => {
    const seed = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');

    it('leaves a valid contract\'s completion alone, to its end', async () => {
        const document = await open(seed);
        const end = seed.lastIndexOf('}');
        expect(featuresAt(document, end).length).toBeGreaterThan(0);
        const list = await services.Cpom.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(end) });
        expect(list?.items.length).toBeGreaterThan(0);
    });

    it('gives up after 270,000 stray quoted texts, and completion answers', async () => {
        const cut = seed.indexOf('effet');
        const text = `${seed.slice(0, cut)}${'""'.repeat(135_000)}\n${seed.slice(cut)}`;
        const document = await open(text);
        const after = cut + 270_001;
        expect(featuresAt(document, after)).toEqual([]);
        const list = await services.Cpom.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(after) });
        expect(list?.items).toBeDefined();
        // Before the stray texts nothing changes.
        expect(featuresAt(document, cut).length).toBeGreaterThan(0);
    });

    it('gives up past RECOVERY_ERROR_BUDGET syntax errors of stray names, each one an error (fuzz seed 20261204, input 6310)', async () => {
        const base = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
        const at = base.search(/repartition \d{4} \{/);
        const open_ = base.indexOf('{', at) + 1;
        const withNames = async (names: number) => {
            const document = await open(`${base.slice(0, open_)}${' x'.repeat(names)} ${base.slice(open_)}`);
            return featuresAt(document, open_ + 2 * names + 1);
        };
        // Under the budget, the place after the names is completed (a key of the répartition); past it, nothing.
        expect((await withNames(RECOVERY_ERROR_BUDGET / 2)).length).toBeGreaterThan(0);
        expect(await withNames(RECOVERY_ERROR_BUDGET * 5)).toEqual([]);
    });
});

describe('completion inside a long token', () => {
    const fixture = readFileSync(path.join(ROOT, 'tests/fixtures/rules/CPOM024/triggers.cpom'), 'utf8');
    const anchor = 'autorite ARS_ARA ars "Agence régiona';

    /** Completes in the middle of a text of `words` words after `ars` (the départements are offered there). */
    async function foldingsOfLongText(words: number): Promise<{ foldings: number; items: number }> {
        expect(fixture).toContain(anchor);
        const at = fixture.indexOf(anchor) + anchor.length;
        const text = `${fixture.slice(0, at)}${'x '.repeat(words)}${fixture.slice(at)}`;
        const document = await open(text);
        const normalize = vi.spyOn(String.prototype, 'normalize');
        try {
            const list = await services.Cpom.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(at + words),
            });
            const long = normalize.mock.contexts.filter(context => String(context).length > 1_000).length;
            return { foldings: long, items: list?.items.length ?? 0 };
        } finally {
            normalize.mockRestore();
        }
    }

    it('folds the typed text once, whatever the number of candidates (a 600,000-character token took seconds)', async () => {
        const small = await foldingsOfLongText(5_000);
        const large = await foldingsOfLongText(10_000);
        // A deterministic measure of work: the long typed text is folded at most once per completion context.
        expect(small.foldings).toBeLessThanOrEqual(2);
        expect(large.foldings).toBe(small.foldings);
        expect(large.items).toBe(small.items);
    });
});
