/**
 * The diff copies the exported contracts without a JSON round trip (diff-contracts.ts `jsonCopy`). Found by the fuzz
 * campaign (seed 20261205, input 3634: a title of 1.5 million lone surrogates): JSON.stringify escaped each one as
 * six characters and JSON.parse read them back, over a second of CPU per diff. The test counts that work: no JSON
 * text is read back; and the copy keeps what the round trip kept.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ast, createCpomServices } from '@cpom/language';
import { type CpomJson, exportContract } from '@cpom/generator';
import { diffContracts } from '@cpom/diff';
import { MAX_WORD_DIFF_CHARACTERS, wordDiff } from '../packages/diff/src/format/word-diff.js';
import { ROOT } from './helpers.js';

const services = createCpomServices(EmptyFileSystem);
let counter = 0;

async function exportText(text: string): Promise<CpomJson> {
    const { shared } = services;
    const uri = URI.parse(`memory:///diff-bounds-${counter++}.cpom`);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const root = document.parseResult.value as ast.CpomFile;
        return exportContract(root.elements.find(ast.isContrat)!, root.elements.filter(ast.isAvenant));
    } finally {
        await shared.workspace.DocumentBuilder.update([], [uri]);
    }
}

const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');

afterEach(() => {
    vi.restoreAllMocks();
});

describe('the diff of a title of 1.5 million lone surrogates (fuzz, seed 20261205, input 3634)', () => {
    it('reads no JSON text back (300,000 here), and reports the title change', async () => {
        const title = /^contrat \w+ "([^"]*)"/m.exec(BASE)![1];
        const before = await exportText(BASE);
        const after = await exportText(BASE.replace(title, `${title}${'\uD800'.repeat(300_000)}`));
        const parse = vi.spyOn(JSON, 'parse');
        const diff = diffContracts(before, after);
        // Before: two round trips of the whole contract, the new one 1.8 million characters long.
        expect(parse.mock.calls.filter(([text]) => String(text).length > 10_000)).toEqual([]);
        expect(diff.changes.some(c => c.path.join('.') === 'title' || c.path.includes('title'))).toBe(true);
    });

    it('compares what the JSON round trip kept: no undefined member, null for what JSON writes as null', async () => {
        const before = await exportText(BASE);
        const same = structuredClone(before) as unknown as { contract: Record<string, unknown> };
        same.contract.extra = undefined;
        expect(diffContracts(before, same as unknown as CpomJson).changes).toEqual([]);
    });
});

describe('the word diff of a text of 2.7 million hyphens (fuzz, seed 20261207, input 1965)', () => {
    it('shows texts over the limit whole, without splitting them into words', () => {
        const before = 'Dotations d’État ; frais de siège autorisés.';
        const after = `Dotations d’État ${'-'.repeat(2_700_000)} ; frais de siège autorisés.`;
        // Before: jsdiff split the 2.7 million signs into as many tokens, for each format.
        expect(wordDiff(before, after)).toEqual([{ text: before, kind: 'removed' }, { text: ' ', kind: 'same' }, { text: after, kind: 'added' }]);
        expect(after.length).toBeGreaterThan(MAX_WORD_DIFF_CHARACTERS);
        // Under the limit, word by word.
        expect(wordDiff(before, before.replace('frais', 'coûts')).filter(p => p.kind !== 'same').map(p => p.text)).toEqual(['frais', 'coûts']);
    });
});
