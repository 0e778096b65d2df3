/**
 * Completion after `public` in an establishment: the publics its category usually accompanies, as quoted strings
 * with their source, the ones already written left out; nothing for an establishment without a known category.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { clearDocuments, expectCompletion } from 'langium/test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { afterEach, describe, expect, it } from 'vitest';
import { ESMS_CATEGORIES } from '@cpom/language';
import { usualPublics } from '../packages/language/src/model/usual-publics.js';
import { ROOT } from './helpers.js';
import { lspServices } from './lsp-services.js';

const services = lspServices();
const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
const CAPACITY = '            capacite 120 places\n';

afterEach(async () => {
    await clearDocuments(services);
});

/** The items offered at `<|>`, written after the capacity of ESAT_LYON whose `categorie ESAT` becomes `category`. */
async function publicsOffered(category: string, line: string): Promise<CompletionItem[]> {
    const text = BASE.replace('            categorie ESAT\n', `            categorie ${category}\n`).replace(CAPACITY, `${CAPACITY}            ${line}\n`);
    let items: CompletionItem[] = [];
    await expectCompletion(services)({
        text, index: 0, parseOptions: { documentUri: 'file:///cpom/contrat.cpom' }, disposeAfterCheck: true,
        assert: list => { items = list.items; },
    });
    return items;
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);

describe('completion of the usual publics', () => {
    it('offers the ESAT public, quoted, with its source', async () => {
        const items = await publicsOffered('ESAT', 'public <|>');
        const item = items.find(i => i.label === '"adultes handicapés orientés par la CDAPH"');
        expect(item?.textEdit?.newText).toBe('"adultes handicapés orientés par la CDAPH"');
        expect(item?.documentation).toContain('L.344-2');
    });

    it('offers the publics of the establishment\'s own category', async () => {
        const ehpad = labels(await publicsOffered('EHPAD', 'public <|>'));
        expect(ehpad).toContain('"personnes âgées dépendantes de plus de 60 ans"');
        expect(ehpad).not.toContain('"adultes handicapés orientés par la CDAPH"');
        const ime = labels(await publicsOffered('IME', 'public <|>'));
        expect(ime).toContain('"enfants et adolescents présentant une déficience intellectuelle"');
    });

    it('leaves out a public already written, and offers the others after a comma', async () => {
        const offered = labels(await publicsOffered('EHPAD', 'public "personnes âgées dépendantes de plus de 60 ans", <|>'));
        expect(offered).not.toContain('"personnes âgées dépendantes de plus de 60 ans"');
        expect(offered).toContain('"personnes handicapées vieillissantes"');
    });

    it('offers nothing for a category it does not know', async () => {
        const offered = labels(await publicsOffered('INCONNUE', 'public <|>'));
        expect(offered.filter(l => l.startsWith('"'))).toEqual([]);
    });

    it('has French publics with a source for every category', () => {
        for (const category of ESMS_CATEGORIES) {
            const publics = usualPublics(category.key);
            expect(publics.length, category.key).toBeGreaterThan(0);
            for (const p of publics) {
                expect(p.source, `${category.key}: ${p.label}`).toMatch(/CASF|CSP/);
                expect(p.label, category.key).not.toMatch(/["\\]/);
            }
        }
    });
});
