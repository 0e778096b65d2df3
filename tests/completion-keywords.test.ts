/**
 * Completion of keywords: each offered once, in its accented spelling when the grammar has both (and found by its
 * plain spelling too), and only where it can be written — not a clause that takes one value and is already in the
 * block, not at the start of a line a word that continues the clause above.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { clearDocuments, expectCompletion } from 'langium/test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { lspServices } from './lsp-services.js';

const services = lspServices();
const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');

afterEach(async () => {
    await clearDocuments(services);
});

/** The items offered at `<|>` in the base contract with `from` replaced by `to`. */
async function completionsAt(from: string, to: string): Promise<CompletionItem[]> {
    expect(BASE.split(from).length - 1).toBe(1);
    let items: CompletionItem[] = [];
    await expectCompletion(services)({
        text: BASE.replace(from, to), index: 0, parseOptions: { documentUri: 'file:///cpom/contrat.cpom' }, disposeAfterCheck: true,
        assert: list => { items = list.items; },
    });
    return items;
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);

describe('keyword completion', () => {
    it('offers each keyword once, accented, and no single clause already written', async () => {
        const items = await completionsAt('    signataires ARS_RA, MESSIDOR\n\n', '    signataires ARS_RA, MESSIDOR\n    <|>\n\n');
        const offered = labels(items);
        expect(offered).toContain('préambule');
        expect(offered).toContain('autorité');
        for (const word of ['preambule', 'autorite', 'perimetre', 'périmètre', 'cadre', 'effet', 'fin', 'signature', 'départements', 'departements']) {
            expect(offered, word).not.toContain(word);
        }
        expect(new Set(offered).size).toBe(offered.length);
    });

    it('leaves out at the start of a line the words that continue the clause above', async () => {
        const offered = labels(await completionsAt('            capacite 120 places\n', '            capacite 120 places\n            <|>\n'));
        expect(offered).toEqual(expect.arrayContaining(['capacité', 'tarification', 'adresse']));
        for (const word of ['financees', 'financées', 'finess', 'catégorie', 'categorie', 'capacite']) {
            expect(offered, word).not.toContain(word);
        }
    });

    it('finds the accented keyword from its plain spelling', async () => {
        const items = await completionsAt('    perimetre {\n', '    perimetre {\n        etab<|>\n');
        expect(labels(items)).toEqual(['établissement']);
        expect(items[0].textEdit?.newText).toBe('établissement');
        expect(items[0].filterText).toBe('etablissement établissement');
    });

    it('offers a value keyword once, accented', async () => {
        const offered = labels(await completionsAt('            nature dotation_globalisee_commune', '            nature <|>'));
        expect(offered).toContain('dotation_globalisée_commune');
        expect(offered).not.toContain('dotation_globalisee_commune');
        expect(offered).toContain('forfait_global_dépendance');
        expect(offered).not.toContain('forfait_global_dependance');
    });
});
