/**
 * "Vouliez-vous dire …": a misspelt keyword in a syntax error (CPOM001) and a misspelt name (CPOM002) are answered
 * with the closest words (diagnostics/suggestions.ts), in the message and as quick fixes that write them.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { testCodeAction } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { closestWords } from '../packages/language/src/diagnostics/suggestions.js';
import { checkText, ROOT } from './helpers.js';
import { lspServices } from './lsp-services.js';

const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');

function replaced(from: string, to: string): string {
    expect(BASE.split(from).length - 1).toBe(1);
    return BASE.replace(from, to);
}

describe('closest words', () => {
    it('ignores accents and case, and prefers the accented spelling', () => {
        expect(closestWords('etablisement', ['etablissement', 'établissement', 'service'])).toEqual(['établissement']);
        expect(closestWords('EHPAD_BLAY', ['EHPAD_BLAYE', 'EHPAD_LIBOURNE'])).toEqual(['EHPAD_BLAYE']);
        expect(closestWords('ehpad_blaye', ['EHPAD_BLAYE'])).toEqual(['EHPAD_BLAYE']);
    });

    it('suggests nothing for a word that exists, a short word or a word too far from any', () => {
        expect(closestWords('service', ['service', 'servic'])).toEqual([]);
        expect(closestWords('de', ['du'])).toEqual([]);
        expect(closestWords('budget', ['établissement', 'service'])).toEqual([]);
    });

    it('names every candidate at the smallest distance, at most three', () => {
        expect(closestWords('ESAT_LYO', ['ESAT_LYON', 'ESAT_LYS', 'ESAT_VALENCE'])).toEqual(['ESAT_LYON', 'ESAT_LYS']);
    });
});

describe('syntax errors suggest the keyword meant', () => {
    it('a misspelt clause in a block', async () => {
        const diagnostics = await checkText(replaced('        etablissement ESAT_VALENCE', '        etablisement ESAT_VALENCE'));
        const first = diagnostics.find(d => d.code === 'CPOM001')!;
        expect(first.message).toBe('Mot-clé inconnu « etablisement ». Vouliez-vous dire « établissement » ?');
    });

    it('a misspelt clause among the clauses expected, in English too', async () => {
        const text = replaced('    signataires ARS_RA, MESSIDOR\n\n', '    signatair ARS_RA, MESSIDOR\n\n');
        const [fr] = (await checkText(text)).filter(d => d.code === 'CPOM001');
        expect(fr.message).toContain('Vouliez-vous dire « signataires » ?');
        const [en] = (await checkText(text, 'en')).filter(d => d.code === 'CPOM001');
        expect(en.message).toContain("Did you mean 'signataires'?");
    });

    it('a word close to no keyword gets no suggestion', async () => {
        const diagnostics = await checkText(replaced('        etablissement ESAT_VALENCE', '        budget ESAT_VALENCE'));
        expect(diagnostics.filter(d => d.code === 'CPOM001').some(d => d.message.includes('Vouliez-vous dire'))).toBe(false);
    });
});

describe('unresolved names suggest the name meant', () => {
    it('a misspelt establishment', async () => {
        const diagnostics = await checkText(replaced('cnr "Aménagement de l\'atelier de blanchisserie" 2014: 45 000 € pour ESAT_LYON', 'cnr "Aménagement de l\'atelier de blanchisserie" 2014: 45 000 € pour ESAT_LYNO'));
        expect(diagnostics.map(d => `${d.code} ${d.message}`)).toEqual([
            'CPOM002 « ESAT_LYNO » est introuvable parmi les établissements ; vouliez-vous dire « ESAT_LYON » ?',
        ]);
    });

    it('a name close to none keeps the plain message', async () => {
        const diagnostics = await checkText(replaced('pour ESAT_LYON financeur', 'pour FOYER_DE_VIE financeur'));
        expect(diagnostics.map(d => `${d.code} ${d.message}`)).toEqual(['CPOM002 « FOYER_DE_VIE » est introuvable parmi les établissements.']);
    });
});

describe('quick fixes write the suggestion', () => {
    const services = lspServices();
    const check = testCodeAction(services);

    it('CPOM001: the keyword', async () => {
        const text = replaced('            categorie ESAT 246', '            categori ESAT 246');
        const result = await check(text, 'CPOM001', replaced('            categorie ESAT 246', '            catégorie ESAT 246'));
        expect(result.action?.title).toBe('Remplacer « categori » par « catégorie »');
        await result.dispose();
    });

    it('CPOM002: the name', async () => {
        const text = replaced('2014: 45 000 € pour ESAT_LYON', '2014: 45 000 € pour ESAT_LYNO');
        const result = await check(text, 'CPOM002', BASE);
        expect(result.action?.title).toBe('Remplacer « ESAT_LYNO » par « ESAT_LYON »');
        await result.dispose();
    });
});
