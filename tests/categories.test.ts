/**
 * The FINESS category nomenclature (packages/language/src/model/categories.ts): a contract that writes a category
 * with any of its FINESS codes, the usual one or an alternative, draws no CPOM034; a code of another category does.
 * Checked on the clean base contract with its first establishment's category replaced.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESMS_CATEGORIES, findCategory, findCategoryByCode } from '@cpom/language';
import { checkText, ROOT } from './helpers.js';

const base = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');

function withCategory(clause: string): string {
    const patched = base.replace('            categorie ESAT\n', `            ${clause}\n`);
    expect(patched).not.toBe(base);
    return patched;
}

async function categoryCodes(clause: string): Promise<string[]> {
    return (await checkText(withCategory(clause))).filter(d => d.code === 'CPOM033' || d.code === 'CPOM034').map(d => d.code);
}

/** The categories issue 12 asked for, with a code each must accept. */
const ADDED: ReadonlyArray<[string, number]> = [
    ['FOYER_DE_VIE', 382], ['FOYER_HEBERGEMENT', 252], ['FOYER_POLYVALENT', 253], ['EANM', 449], ['ACCUEIL_DE_JOUR', 207],
    ['SAD_AIDE', 460], ['SAD_MIXTE', 209], ['SAD_MIXTE', 354], ['SSIAD', 354], ['SPASAD', 209], ['CAMSP', 190], ['CMPP', 189],
    ['SESSAD', 182], ['MAS', 255], ['ITEP', 186], ['DITEP', 186], ['CRP', 249], ['CPO', 198], ['CAFS', 238], ['EHPA', 502],
    ['FAM', 437], ['EAM', 448],
];

describe('FINESS categories', () => {
    it('has one entry per key, each with at least one code', () => {
        expect(new Set(ESMS_CATEGORIES.map(c => c.key)).size).toBe(ESMS_CATEGORIES.length);
        for (const c of ESMS_CATEGORIES) expect(c.finessCodes.length).toBeGreaterThan(0);
        for (const [key, code] of ADDED) expect(findCategory(key)?.finessCodes, key).toContain(code);
    });

    it('gives the SAD the FINESS categories renamed by the reform: 460 for the SAD aide, 209 first for the SAD mixte', () => {
        // ANS, NOS TRE_R66-CategorieEtablissement (version 20260505120000): 460 « Service autonomie aide (SAA) »,
        // 209 « Service autonomie aide et soins (SAAS) », both renamed on 2023-10-30; no new category was created.
        expect(findCategory('SAD_AIDE')?.finessCodes).toEqual([460]);
        expect(findCategory('SAD_MIXTE')?.finessCodes[0]).toBe(209);
        for (const key of ['SAD_AIDE', 'SAD_MIXTE']) {
            expect(findCategory(key)?.codeSource, key).toContain('TRE_R66');
            expect(findCategory(key)?.codeSource, key).not.toContain('[G');
        }
    });

    it('finds a category by its usual code before one that takes it as an alternative', () => {
        expect(findCategoryByCode(460)?.key).toBe('SAAD');
        expect(findCategoryByCode(186)?.key).toBe('ITEP');
        expect(findCategoryByCode(449)?.key).toBe('EANM');
        expect(findCategoryByCode(207)?.key).toBe('ACCUEIL_DE_JOUR');
        expect(findCategoryByCode(198)?.key).toBe('CPO');
    });

    it('draws no warning for any code of any category, usual or alternative', async () => {
        for (const category of ESMS_CATEGORIES) {
            for (const code of category.finessCodes) {
                expect(await categoryCodes(`categorie ${category.key} ${code}`), `${category.key} ${code}`).toEqual([]);
            }
        }
        // Accented keyword, lower case key, a code alone.
        expect(await categoryCodes('catégorie sad_mixte 354')).toEqual([]);
        expect(await categoryCodes('categorie 207')).toEqual([]);
    });

    it('still warns when the code belongs to another category', async () => {
        for (const [key] of ADDED) {
            const category = findCategory(key)!;
            const wrong = category.finessCodes.includes(500) ? 246 : 500;
            expect(await categoryCodes(`categorie ${key} ${wrong}`), key).toEqual(['CPOM034']);
        }
        expect(await categoryCodes('categorie SAD_AIDE 354')).toEqual(['CPOM034']);
        expect(await categoryCodes('categorie 999')).toEqual(['CPOM033']);
    });
});
