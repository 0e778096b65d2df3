/**
 * The modulation as the contract writes it (model/modulation-clause.ts, follow-up.ts, modulation.ts): the contract's
 * threshold, formula and establishments drive the follow-up's modulation, checked against amounts computed by hand;
 * without them the defaults stay (EHPAD threshold of the arrêté, abattement × gap). The hover card and the JSON export
 * of the clause, and the sentence the document prints.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import {
    ast, contractualModulation, createCpomServices, type FollowUp, followUpOf, modulationClauseView, modulationFormulaText,
} from '@cpom/language';
import { buildContractDocument, exportContract } from '@cpom/generator';
import { expectCompletion } from 'langium/test';
import { lspServices } from './lsp-services.js';

const services = createCpomServices(EmptyFileSystem);
let counter = 0;

async function parse(text: string): Promise<ast.CpomFile> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///modulation-${counter++}.cpom`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    return document.parseResult.value as ast.CpomFile;
}

async function followUp(text: string): Promise<FollowUp> {
    const root = await parse(text);
    return followUpOf(root.elements.find(ast.isSuiviAnnuel)!, { avenantsOf: () => [] });
}

const HANDICAP = `
contrat CPOM_SOURCES "CPOM des Sources" {
    cadre L313-12-2
    effet 2022-01-01
    fin 2026-12-31
    signature 2021-12-10
    gestionnaire SOURCES "Association Les Sources"
    autorite ARS ars "ARS"
    signataires ARS, SOURCES
    perimetre {
        etablissement IME_A "IME Les Sources" {
            categorie IME 183
            capacite internat 40 places
            public "Enfants et adolescents avec troubles du spectre de l'autisme"
            activites "Internat", "Semi-internat"
        }
        service SESSAD_B "SESSAD Les Sources" { categorie SESSAD  capacite places_de_service 30 places  file_active 2020: 41 personnes }
        service SAMSAH_C "SAMSAH Les Sources" { categorie SAMSAH  capacite places_de_service 25 places }
    }
    moyens {
        dotation DGC "Dotation globale commune" {
            nature dotation_globalisee_commune
            financeur ARS
            etablissements IME_A, SESSAD_B
            montants 2022: 3 000 000 €, 2023: 3 060 000 €
            repartition 2023 { IME_A: 2 295 000 €  SESSAD_B: 765 000 € }
        }
        dotation DG_SAMSAH "Dotation du SAMSAH" {
            nature dotation_globale
            financeur ARS
            etablissements SAMSAH_C
            montants 2022: 490 000 €, 2023: 500 000 €
        }
        modulation DGC {
            critère taux_occupation
            seuil 90 %
            formule demi_écart
            établissements IME_A
            mesure_référence 2020: 88,2 % pour IME_A
        }
        modulation DG_SAMSAH {
            critere personnes_accompagnees
            seuil 120
            formule forfaitaire
            abattement 15 000 €
        }
    }
}
suivi_annuel du contrat CPOM_SOURCES annee 2022 {
    activite IME_A { taux_occupation 86,5 % }
    activite SESSAD_B { taux_occupation 70 %  file_active 38 }
    activite SAMSAH_C { file_active 100 }
}
`;

const EHPAD = `
contrat CPOM_TILLEUL "CPOM du Tilleul" {
    cadre L313-12-IVter
    effet 2022-01-01
    fin 2026-12-31
    gestionnaire TILLEUL "Association Le Tilleul"
    autorite ARS ars "ARS"
    autorite CD departement 26 "Département"
    signataires ARS, CD, TILLEUL
    perimetre {
        etablissement EHPAD_T "EHPAD Le Tilleul" { categorie EHPAD  capacite hebergement_permanent 80 places }
    }
    moyens {
        forfait FGS "Forfait global soins" {
            nature forfait_global_soins
            financeur ARS
            etablissements EHPAD_T
            montants 2022: 1 180 000 €, 2023: 1 200 000 €
        }
        forfait FGD "Forfait global dépendance" {
            nature forfait_global_dependance
            financeur CD
            etablissements EHPAD_T
            montants 2022: 390 000 €, 2023: 400 000 €
        }
        MODULATION_FGS
    }
}
suivi_annuel du contrat CPOM_TILLEUL annee 2022 {
    activite EHPAD_T { taux_occupation 91 % }
}
`;

describe('the follow-up modulation uses what the contract writes', () => {
    it('half of the gap to the contract\'s threshold, for the establishment the clause names only', async () => {
        const f = await followUp(HANDICAP);
        const ime = f.modulations.filter(m => m.funding.name === 'DGC');
        // 90 % − 86,5 % = 3,5 points; ½ × 3,5 = 1,75 %; IME's share of 2023: 2 295 000 € (répartition 2023 = montant 2023).
        // 2 295 000 € × 1,75 % = 40 162,50 €. The SESSAD (70 %) is not named by the clause: not modulated.
        expect(ime.map(m => m.establishment?.name)).toEqual(['IME_A']);
        expect(ime[0].calculation.ratePercent).toBe(1.75);
        expect(ime[0].calculation.amountCents).toBe(4_016_250);
        expect(ime[0].calculation.steps.find(s => s.key === 'threshold')?.label).toBe('Seuil fixé par le contrat');
    });

    it('a fixed abattement in euros once the persons accompanied are below the threshold', async () => {
        const f = await followUp(HANDICAP);
        const samsah = f.modulations.filter(m => m.funding.name === 'DG_SAMSAH');
        // 100 persons < 120: 15 000 € taken off the 2023 dotation of 500 000 € (3 %).
        expect(samsah).toHaveLength(1);
        expect(samsah[0].establishment?.name).toBe('SAMSAH_C');
        expect(samsah[0].calculation.amountCents).toBe(1_500_000);
        expect(samsah[0].calculation.ratePercent).toBe(3);
        expect(f.summary.modulationCents).toBe(4_016_250 + 1_500_000);
    });

    it('the EHPAD threshold of the contract replaces the arrêté\'s 95 %, with the regulatory formula', async () => {
        const written = await followUp(EHPAD.replace('MODULATION_FGS', 'modulation FGS { critere taux_occupation  seuil 93 % }'));
        // 93 % − 91 % = 2 points; ½ × 2 = 1 %: 1 200 000 € × 1 % = 12 000 €; 400 000 € × 1 % = 4 000 €.
        expect(written.activities[0].threshold).toEqual({ value: 93, origin: 'contrat' });
        expect(written.modulations.map(m => [m.kind, m.calculation.amountCents])).toEqual([['ehpad-soins', 1_200_000], ['ehpad-dependance', 400_000]]);
        const fallback = await followUp(EHPAD.replace('MODULATION_FGS', ''));
        // No threshold written: 95 % (arrêté); 95 − 91 = 4 points, ½ → 2 %: 24 000 € and 8 000 €.
        expect(fallback.activities[0].threshold).toEqual({ value: 95, origin: 'arrete' });
        expect(fallback.modulations.map(m => m.calculation.amountCents)).toEqual([2_400_000, 800_000]);
    });
});

describe('contractual formulas, by hand', () => {
    const base = { baseCents: 100_000_000, appliedYear: 2024, abattement: 30 } as const;
    it('proportional (default): 30 % × (95 − 90) points = 1,5 %', () => {
        expect(contractualModulation({ ...base, measure: 90, target: 95, isRate: true }).amountCents).toBe(1_500_000);
    });
    it('half of the gap, relative for a count: ½ × (200 − 180) / 200 = 5 %', () => {
        const c = contractualModulation({ ...base, measure: 180, target: 200, isRate: false, formula: 'demi_ecart' });
        expect(c.ratePercent).toBe(5);
        expect(c.amountCents).toBe(5_000_000);
    });
    it('fixed share: 2 % of the base once below; a fixed amount never above the base', () => {
        expect(contractualModulation({ ...base, abattement: 2, measure: 94.9, target: 95, isRate: true, formula: 'forfaitaire' }).amountCents).toBe(2_000_000);
        expect(contractualModulation({ ...base, baseCents: 1_000_000, measure: 1, target: 2, isRate: false, formula: 'forfaitaire', fixedCents: 1_500_000 }).amountCents).toBe(1_000_000);
        expect(contractualModulation({ ...base, measure: 96, target: 95, isRate: true, formula: 'forfaitaire', fixedCents: 1_500_000 }).applies).toBe(false);
    });
});

describe('the clause as written, in the hover, the JSON and the document', () => {
    it('words the formula with the contract\'s numbers', async () => {
        const root = await parse(HANDICAP);
        const contract = root.elements.find(ast.isContrat)!;
        const [dgc, samsah] = contract.clauses.filter(ast.isMoyens)[0].items.filter(ast.isModulation).map(modulationClauseView);
        expect(modulationFormulaText(dgc)).toBe('½ × (90\u202F% − taux d\'occupation)');
        expect(modulationFormulaText(samsah)).toBe('abattement forfaitaire de 15\u202F000\u202F€ dès que personnes accompagnées < 120');
        const json = exportContract(contract, []);
        expect(json.contract.funding.modulations[0]).toMatchObject({
            fundingLine: 'DGC', threshold: { value: 90, unit: 'percent' }, formula: 'demi_ecart', establishments: ['IME_A'],
            referenceMeasures: [{ year: 2020, measure: { value: 88.2, unit: 'percent' }, establishment: 'IME_A' }],
        });
        const ime = json.contract.perimeter.establishments[0];
        expect(ime.publics).toEqual(["Enfants et adolescents avec troubles du spectre de l'autisme"]);
        expect(ime.activities).toEqual(['Internat', 'Semi-internat']);
        expect(json.contract.perimeter.establishments[1].activeFile).toEqual({ count: 41, year: 2020 });
        const text = JSON.stringify(buildContractDocument(contract, []));
        expect(text).toContain('minoration = ½ × (90\u202F% − taux d\'occupation)');
        expect(text).toContain('Mesure d\'activité de référence : 88,2\u202F% en 2020 («\u00A0IME Les Sources\u00A0»)');
        expect(text).toContain('41 personnes en 2020');
        expect(text).not.toContain('IME_A');
    });
});

describe('hover', () => {
    const lsp = lspServices();
    const hoverAt = async (needle: string, offset: number): Promise<string> => {
        const document = lsp.shared.workspace.LangiumDocumentFactory.fromString(HANDICAP, URI.parse(`memory:///hover-${counter++}.cpom`));
        lsp.shared.workspace.LangiumDocuments.addDocument(document);
        await lsp.shared.workspace.DocumentBuilder.build([document], { validation: false });
        const position = document.textDocument.positionAt(HANDICAP.indexOf(needle) + offset);
        const hover = await lsp.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
        return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    };

    it('shows the modulation clause with its formula on the keyword', async () => {
        const card = await hoverAt('modulation DGC', 2);
        expect(card).toContain("**Modulation selon l'activité** — Dotation globale commune");
        expect(card).toContain('- Seuil : 90\u202F%');
        expect(card).toContain('- Formule : ½ × (90\u202F% − taux d\'occupation)');
        expect(card).toContain('- Établissements : IME Les Sources');
        expect(card).toContain("- Mesure d'activité de référence : 88,2\u202F% en 2020 (IME Les Sources)");
    });

    it('shows the publics, activities and persons accompanied of an establishment', async () => {
        const ime = await hoverAt('etablissement IME_A', 'etablissement I'.length);
        expect(ime).toContain("- Public : Enfants et adolescents avec troubles du spectre de l'autisme");
        expect(ime).toContain('- Activités : Internat ; Semi-internat');
        const sessad = await hoverAt('service SESSAD_B', 'service S'.length);
        expect(sessad).toContain('- File active : 41 personnes accompagnées en 2020');
    });
});

describe('completion', () => {
    const lsp = lspServices();
    const labelsAt = async (text: string): Promise<string[]> => {
        let labels: string[] = [];
        await expectCompletion(lsp)({ text, index: 0, disposeAfterCheck: true, assert: list => { labels = list.items.map(i => i.label); } });
        return labels;
    };

    it('offers the new clauses in an establishment and in a modulation', async () => {
        const inEstablishment = await labelsAt(HANDICAP.replace('            public "Enfants', '            <|>\n            public "Enfants'));
        expect(inEstablishment).toEqual(expect.arrayContaining(['public']));
        expect(inEstablishment.some(l => l.startsWith('activit'))).toBe(true);
        expect(inEstablishment.some(l => l === 'file_active' || l.startsWith('personnes_accompagn'))).toBe(true);
        const inModulation = await labelsAt(HANDICAP.replace('            seuil 90 %', '            <|>\n            seuil 90 %'));
        expect(inModulation).toEqual(expect.arrayContaining(['seuil', 'formule']));
        expect(inModulation.some(l => l.startsWith('mesure_r'))).toBe(true);
    });

    it('offers the formulas after `formule` in a modulation', async () => {
        const labels = await labelsAt(HANDICAP.replace('formule demi_écart', 'formule <|>'));
        expect(labels.some(l => l.startsWith('demi_'))).toBe(true);
        expect(labels).toEqual(expect.arrayContaining(['proportionnelle', 'forfaitaire']));
    });
});
