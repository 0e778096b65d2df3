/**
 * Quick fixes: each one, applied to a fixture that triggers its diagnostic, gives the expected text and the
 * diagnostic is gone once the text is validated again (langium/test `testCodeAction`).
 */
import { readRuleFixture } from './rule-fixtures.js';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument, testCodeAction } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { lspServices } from './lsp-services.js';

const services = lspServices();
const helper = testCodeAction(services);

/** testCodeAction, then its documents removed from the workspace (the CPOM002 tests look names up in it). */
async function check(...args: Parameters<typeof helper>): ReturnType<typeof helper> {
    const result = await helper(...args);
    await result.dispose();
    await services.shared.workspace.DocumentBuilder.update([], [...services.shared.workspace.LangiumDocuments.all]
        .map(d => d.uri).filter(u => !KEEP.has(u.toString())));
    return result;
}

/** Documents a test adds on purpose (the file to import). */
const KEEP = new Set<string>();

async function parseHelper(text: string) {
    const document = await parseDocument(services, text);
    return { document, dispose: () => services.shared.workspace.DocumentBuilder.update([], [document.uri]) };
}

/** The contract a rule's triggering fixture stands for (its patch applied, its markers removed). */
function fixture(code: string): string {
    const dir = path.join(ROOT, 'tests', 'fixtures', 'rules', code);
    const file = [path.join(dir, 'triggers.patch'), path.join(dir, 'triggers.cpom')].find(f => existsSync(f))!;
    return readRuleFixture(file).text;
}

/** Replaces exactly one occurrence. */
function once(text: string, from: string, to: string): string {
    expect(text.split(from).length - 1).toBe(1);
    return text.replace(from, to);
}

describe('quick fixes', () => {
    it('CPOM041: corrects the FINESS key', async () => {
        const text = once(fixture('CPOM041'), 'finess 2A0000155', 'finess 2A0000154');
        const result = await check(text, 'CPOM041', once(text, 'finess 690999017', 'finess 690999016'));
        expect(result.action?.title).toBe('Corriger la clé FINESS : 690999016');
    });

    it('CPOM041: corrects the key of a number typed with spaces', async () => {
        const text = once(fixture('CPOM041'), 'finess 2A0000155', 'finess 2A0000154')
            .replace('finess 690999017', 'finess 69 099 901 7');
        await check(text, 'CPOM041', once(text, 'finess 69 099 901 7', 'finess 690999016'));
    });

    it('CPOM043: writes the FINESS number in its canonical form', async () => {
        const text = once(fixture('CPOM043'), 'finess 26 099 901 6', 'finess 260999016');
        const result = await check(text, 'CPOM043', once(text, 'finess 690 799 994', 'finess 690799994'));
        expect(result.action?.title).toBe('Écrire le numéro FINESS sous sa forme normalisée : 690799994');
    });

    it('CPOM043: upper-cases a Corsican FINESS', async () => {
        const text = once(fixture('CPOM043'), 'finess 26 099 901 6', 'finess 260999016')
            .replace('finess 690 799 994', 'finess 690799994')
            .replace('finess 690999016', 'finess 2a0000154');
        await check(text, 'CPOM043', once(text, 'finess 2a0000154', 'finess 2A0000154'));
    });

    it('CPOM020: adds the tarification authority to the signatories', async () => {
        const text = fixture('CPOM020');
        const result = await check(text, 'CPOM020', once(text, 'signataires ARS_RA, MESSIDOR\n\n    perimetre', 'signataires ARS_RA, MESSIDOR, CD69\n\n    perimetre'));
        expect(result.action?.title).toBe('Ajouter CD69 aux signataires');
    });

    it('CPOM022: adds the gestionnaire to the signatories', async () => {
        const text = fixture('CPOM022');
        await check(text, 'CPOM022', once(text, 'signataires ARS_RA\n', 'signataires ARS_RA, MESSIDOR\n'));
    });

    it('CPOM065: adds the payer to the signatories', async () => {
        const text = once(fixture('CPOM065'), 'pour ESAT_LYON financeur PREFET_RA', 'pour ESAT_LYON financeur ARS_RA');
        await check(text, 'CPOM065', once(text, 'signataires ARS_RA, MESSIDOR\n\n    perimetre', 'signataires ARS_RA, MESSIDOR, PREFET_RA\n\n    perimetre'));
    });

    it('CPOM059: adds the final-year target with the last known value', async () => {
        const text = fixture('CPOM059');
        const result = await check(text, 'CPOM059', once(text, 'cibles 2013: 9, 2014: 10, 2015: 12, 2016: 14\n',
            'cibles 2013: 9, 2014: 10, 2015: 12, 2016: 14, 2017: 14\n'));
        expect(result.action?.title).toBe('Ajouter la cible 2017 : 14 (dernière valeur connue)');
    });

    it('CPOM060: adds the missing years to the amounts with the previous amount', async () => {
        const text = fixture('CPOM060');
        const result = await check(text, 'CPOM060', once(text, '2014: 4 191 500 €, 2016: 4 275 749 €',
            '2014: 4 191 500 €, 2015: 4 191 500 €, 2016: 4 275 749 €'));
        expect(result.action?.title).toContain("Ajouter l'année 2015 aux montants");
    });

    it('CPOM060: several missing years, including the first one (0 €)', async () => {
        const text = once(fixture('CPOM060'), 'montants 2013: 4 150 000 €, 2014: 4 191 500 €, 2016', 'montants 2014: 4 191 500 €, 2016');
        await check(text, 'CPOM060', once(text, 'montants 2014: 4 191 500 €, 2016: 4 275 749 €, 2017: 4 318 506 €',
            'montants 2013: 0 €, 2014: 4 191 500 €, 2015: 4 191 500 €, 2016: 4 275 749 €, 2017: 4 318 506 €'));
    });

    it('CPOM002: imports the file that declares a contract', async () => {
        const other = await parseDocument(services, fixture('CPOM022'), { documentUri: 'file:///contrat-messidor.cpom' });
        KEEP.add(other.uri.toString());
        try {
            const text = '// Avenant kept in its own file.\navenant 2 au CPOM_MESSIDOR_2013 {\n    effet 2016-01-01\n}\n';
            const result = await check(text, 'CPOM002',
                '// Avenant kept in its own file.\nimporte "contrat-messidor.cpom"\n\navenant 2 au CPOM_MESSIDOR_2013 {\n    effet 2016-01-01\n}\n');
            expect(result.action?.title).toBe('Importer "contrat-messidor.cpom"');
        } finally {
            KEEP.delete(other.uri.toString());
            await services.shared.workspace.DocumentBuilder.update([], [other.uri]);
        }
    });

    it('CPOM002: imports a catalogue and qualifies the entry; after an import, only qualifies', async () => {
        const catalogue = await parseDocument(services, 'catalogue REF {\n    autorite ARS_RA ars "ARS"\n}\n', { documentUri: 'file:///referentiel.cpom' });
        KEEP.add(catalogue.uri.toString());
        try {
            const result = await check('contrat X "x" {\n    signataires ARS_RA\n}\n', 'CPOM002',
                'importe "referentiel.cpom"\n\ncontrat X "x" {\n    signataires REF.ARS_RA\n}\n');
            expect(result.action?.title).toBe('Importer "referentiel.cpom" et écrire REF.ARS_RA');
            const imported = await check('importe "referentiel.cpom"\ncontrat X "x" {\n    signataires ARS_RA\n}\n', 'CPOM002',
                'importe "referentiel.cpom"\ncontrat X "x" {\n    signataires REF.ARS_RA\n}\n');
            expect(imported.action?.title).toBe('Écrire REF.ARS_RA');
        } finally {
            KEEP.delete(catalogue.uri.toString());
            await services.shared.workspace.DocumentBuilder.update([], [catalogue.uri]);
        }
    });

    it('CPOM002: declares an establishment named nowhere in the perimeter, in the file\'s spelling, already formatted', async () => {
        const text = once(fixture('CPOM022'), 'etablissements ESAT_LYON, ESAT_VALENCE\n            action', 'etablissements ESAT_LYON, ESAT_ROMANS\n            action');
        const fixed = once(text, '            tarification ARS_RA\n        }\n    }\n', [
            '            tarification ARS_RA',
            '        }',
            '',
            '        etablissement ESAT_ROMANS "ESAT_ROMANS" {',
            '            // À compléter : intitulé, finess, categorie, departement, capacite, tarification',
            '        }',
            '    }',
            '',
        ].join('\n'));
        const result = await check(text, 'CPOM002', fixed);
        expect(result.action?.title).toBe("Déclarer l'établissement ESAT_ROMANS dans le périmètre");
        // The skeleton is left for the rules to point at: no FINESS (CPOM030), no category, capacity, tarification (CPOM032).
        const { document, dispose } = await parseHelper(fixed);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(document.diagnostics?.filter(d => d.message.includes('ESAT_ROMANS')).map(d => d.code).sort()).toEqual(['CPOM030', 'CPOM032']);
        // The formatter leaves the inserted lines (and the blank line before them) as they are.
        const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { insertSpaces: true, tabSize: 4 } });
        const first = fixed.split('\n').indexOf('        etablissement ESAT_ROMANS "ESAT_ROMANS" {') - 1;
        expect(edits.length).toBeGreaterThan(0);
        expect(edits.filter(e => e.range.end.line >= first && e.range.start.line <= first + 3)).toEqual([]);
        await dispose();
    });

    it('CPOM002: declares the establishment in a new perimeter, with accents when the file has them', async () => {
        const text = [
            'contrat C "Contrat" {',
            '    gestionnaire G "Gestionnaire"',
            '',
            '    axe A "Axe" {',
            '        objectif O "Objectif" {',
            '            établissements EHPAD_NORD',
            '        }',
            '    }',
            '}',
            '',
        ].join('\n');
        const result = await check(text, 'CPOM002', once(text, '    gestionnaire G "Gestionnaire"\n', [
            '    gestionnaire G "Gestionnaire"',
            '',
            '    périmètre {',
            '        établissement EHPAD_NORD "EHPAD_NORD" {',
            '            // À compléter : intitulé, finess, catégorie, département, capacité, tarification',
            '        }',
            '    }',
            '',
        ].join('\n')));
        expect(result.action?.title).toBe("Déclarer l'établissement EHPAD_NORD dans le périmètre");
    });

    it('CPOM002: in an avenant, adds the establishment with `ajoute`', async () => {
        const contract = await parseDocument(services, fixture('CPOM022').replace(/\navenant[\s\S]*$/, '\n'), { documentUri: 'file:///cpom-022.cpom' });
        KEEP.add(contract.uri.toString());
        try {
            const text = 'importe "cpom-022.cpom"\n\navenant 1 au CPOM_MESSIDOR_2013 {\n    effet 2015-01-01\n    retire ESAT_VALENCE\n    moyens {\n        cnr "Étude" 2015: 10 000 € pour ESAT_ROMANS\n    }\n}\n';
            const result = await check(text, 'CPOM002', text.replace('\n    }\n}\n', [
                '',
                '    }',
                '',
                '    ajoute établissement ESAT_ROMANS "ESAT_ROMANS" {',
                '        // À compléter : intitulé, finess, catégorie, département, capacité, tarification',
                '    }',
                '}',
                '',
            ].join('\n')));
            expect(result.action?.title).toBe("Ajouter l'établissement ESAT_ROMANS au périmètre par cet avenant");
        } finally {
            KEEP.delete(contract.uri.toString());
            await services.shared.workspace.DocumentBuilder.update([], [contract.uri]);
        }
    });

    it('CPOM002: declares nothing for `inclut` (an establishment of a catalogue) nor for another kind of name', async () => {
        const base = fixture('CPOM022');
        await check(once(base, '    perimetre {\n', '    perimetre {\n        inclut REF_ESAT\n'), 'CPOM002', undefined);
        await check(once(base, '            financeur ARS_RA\n', '            financeur ARS_RHONE\n'), 'CPOM002', undefined);
    });

    it('offers nothing for a code without a quick fix', async () => {
        const text = fixture('CPOM022');
        const { document, dispose } = await parseHelper(text);
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
            context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: '', data: { code: 'CPOM003', params: {} } }] },
        });
        expect(actions).toBeUndefined();
        await dispose();
    });

    it('would fail on a wrong expected text (the helper really compares)', async () => {
        await expect(helper(fixture('CPOM022'), 'CPOM022', 'not the fixed text')).rejects.toThrow();
    });
});
