/**
 * A funding line's nature is told once: a title that says it in the same words (« Forfait global soins », nature
 * `forfait_global_soins`) is not followed by the same label in the Nature column of the Moyens table, nor by
 * "Nature : …" under its heading in the financial annex; a title that says more keeps its nature beside it.
 */
import { clearDocuments, parseDocument } from 'langium/test';
import { afterEach, describe, expect, it } from 'vitest';
import { ast } from '@cpom/language';
import { type Block, buildContractDocument, natureBesideTitle, renderMarkdown, type Table } from '../packages/generator/src/index.js';
import { lspServices } from './lsp-services.js';

const services = lspServices();

afterEach(async () => {
    await clearDocuments(services);
});

describe('natureBesideTitle', () => {
    it.each([
        ['Forfait global relatif aux soins', 'forfait_global_soins', undefined],
        ['Forfait global soins', 'forfait_global_soins', undefined],
        ['FORFAIT GLOBAL RELATIF À LA DÉPENDANCE', 'forfait_global_dependance', undefined],
        ['Dotation globale', 'dotation_globale', undefined],
        ['Forfait global soins de l\'EHPAD Les Tilleuls', 'forfait_global_soins', 'forfait global relatif aux soins'],
        ['Tarif hébergement, EHPAD Les Coteaux', 'tarif_hebergement', 'tarif hébergement'],
        ['Dotation des ESAT', 'dotation_globalisee_commune', 'dotation globalisée commune'],
        [undefined, 'prix_de_journee', 'prix de journée'],
    ])('%s (%s) → %s', (title, nature, expected) => {
        expect(natureBesideTitle(title, nature)).toBe(expected);
    });
});

function contractWith(moyens: string): string {
    return `contrat C "Contrat" {
    effet 2019-01-01
    fin 2021-12-31
    autorite ARS ars "Agence régionale de santé Occitanie"
    périmètre {
        établissement A "EHPAD A" { finess 310999024 }
    }
    moyens {
${moyens}
    }
}
`;
}

function tables(blocks: readonly Block[]): Table[] {
    return blocks.flatMap(b => b.kind === 'table' ? [b] : b.kind === 'section' ? tables(b.blocks) : []);
}

async function documentOf(moyens: string) {
    const document = await parseDocument(services, contractWith(moyens));
    const contract = (document.parseResult.value as ast.CpomFile).elements.find(ast.isContrat)!;
    const built = buildContractDocument(contract);
    const table = tables(built.body).find(t => t.caption === 'Financements')!;
    return { table, markdown: renderMarkdown(built) };
}

const SOINS = 'forfait FGS "Forfait global soins" { nature forfait_global_soins financeur ARS montants 2019: 100 000 € }';
const DOTATION = 'dotation DG "Dotation de l\'accueil de jour" { nature dotation_globale financeur ARS montants 2019: 50 000 € }';

describe('the Moyens table and the financial annex', () => {
    it('leave out the Nature column when every title says its nature, and the annex does not repeat it', async () => {
        const { table, markdown } = await documentOf(SOINS);
        expect(table.columns.map(c => c.label)).toEqual(['Financement', 'Financeur', 'Actualisation annuelle', 'Total sur la durée']);
        expect(table.rows[0][0]).toBe('Forfait global soins');
        expect(markdown).not.toContain('forfait global relatif aux soins');
        expect(markdown).toMatch(/Financeur\s:\sAgence régionale de santé Occitanie/u);
    });

    it('keep the nature of a line whose title says more, and print the other once', async () => {
        const { table, markdown } = await documentOf(`${SOINS}\n${DOTATION}`);
        expect(table.columns.map(c => c.label)).toEqual(['Financement', 'Nature', 'Financeur', 'Actualisation annuelle', 'Total sur la durée']);
        expect(table.rows.map(r => r.slice(0, 2))).toEqual([['Forfait global soins', ''], ['Dotation de l\'accueil de jour', 'dotation globale']]);
        expect(markdown).toMatch(/Nature\s:\sdotation globale\.\sFinanceur/u);
        expect(markdown).not.toContain('forfait global relatif aux soins');
    });
});
