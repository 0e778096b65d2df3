/**
 * The semantic contract model (packages/language/src/model/contract-model.ts): what it reads of a contract, that it
 * is built once per document version, and that a contract relinked to a changed catalogue (its own AST unchanged)
 * gets a new model.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentState, type LangiumDocument, URI } from 'langium';
import { clearDocuments, parseDocument } from 'langium/test';
import { afterEach, describe, expect, it } from 'vitest';
import { ast, contractModel, perimeterOf } from '@cpom/language';
import { ROOT } from './helpers.js';
import { lspServices } from './lsp-services.js';

const services = lspServices();
const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');

afterEach(async () => {
    await clearDocuments(services);
});

function contractOf(document: LangiumDocument): ast.Contrat {
    return (document.parseResult.value as ast.CpomFile).elements.find(ast.isContrat)!;
}

describe('contractModel', () => {
    it('reads the period, the parties, the perimeter, the indicators and the funding of a contract', async () => {
        const contract = contractOf(await parseDocument(services, BASE));
        const model = contractModel(contract);
        expect(model.period.effectDate).toBe('2013-01-01');
        expect(model.period.years).toEqual([2013, 2014, 2015, 2016, 2017]);
        expect(model.parties.gestionnaire).toMatchObject({ name: 'MESSIDOR', finess: '690799994', legalStatus: 'association' });
        expect(model.parties.signatories.map(s => s.party?.name)).toEqual(['ARS_RA', 'MESSIDOR']);
        expect(model.parties.signingAuthorities.map(a => a.name)).toEqual(['ARS_RA']);
        expect(model.perimeter.map(e => [e.node.name, e.category?.key, e.department, e.authorisedPlaces, e.tarification.map(a => a.name)]))
            .toEqual([['ESAT_LYON', 'ESAT', '69', 120, ['ARS_RA']], ['ESAT_VALENCE', 'ESAT', '26', 70, ['ARS_RA']]]);
        const [sorties] = model.objectives[0].indicators;
        expect(sorties).toMatchObject({ unit: 'personnes/an', direction: 'hausse' });
        expect(sorties.targets.map(t => t.year)).toEqual(['2013', '2014', '2015', '2016', '2017']);
        expect(model.fundings.lines[0].totalCents).toBe(21_169_170_00);
        // Built once per document version.
        expect(contractModel(contract)).toBe(model);
    });

    it('an indicator inherits what its catalogue indicator states through selon', async () => {
        const text = BASE.replace('indicateur SORTIES "Sorties vers le milieu ordinaire" {\n                unite "personnes/an"',
            'indicateur SORTIES selon IND.BASE_SORTIES {');
        expect(text).not.toBe(BASE);
        const withBase = text.replace('    moyens {', '    moyens {').replace(/\n}\n\navenant/, `
}

catalogue IND "Indicateurs" {
    indicateur BASE_SORTIES "Sorties" {
        unite "personnes/an"
        formule "sorties / effectif"
    }
}

avenant`);
        const contract = contractOf(await parseDocument(services, withBase));
        const [sorties] = contractModel(contract).objectives[0].indicators;
        expect(sorties.chain.map(i => i.name)).toEqual(['SORTIES', 'BASE_SORTIES']);
        expect(sorties).toMatchObject({ title: 'Sorties', unit: 'personnes/an', formula: 'sorties / effectif' });
    });

    it('a contract relinked to a changed catalogue gets a new model, its own AST unchanged', async () => {
        const { shared } = services;
        const documents = shared.workspace.LangiumDocuments;
        const factory = shared.workspace.LangiumDocumentFactory;
        const builder = shared.workspace.DocumentBuilder;
        const catalogueUri = URI.parse('memory:///model/etabs.cpom');
        const catalogue = (name: string) => `catalogue ETABS "Établissements" {
    etablissement ${name} "ESAT" {
        finess 690999016
        categorie ESAT
        capacite 20 places
    }
}
`;
        const contractText = `importe "etabs.cpom"
contrat C "Contrat" {
    effet 2019-01-01
    fin 2021-12-31
    perimetre {
        inclut ETABS.ESAT_A
    }
}
`;
        const first = factory.fromString(catalogue('ESAT_A'), catalogueUri);
        const contractDocument = factory.fromString(contractText, URI.parse('memory:///model/contrat.cpom'));
        documents.addDocument(first);
        documents.addDocument(contractDocument);
        await builder.build([first, contractDocument]);
        const contract = contractOf(contractDocument);
        expect(perimeterOf(contract).map(e => e.name)).toEqual(['ESAT_A']);

        // The catalogue loses ESAT_A: the contract is relinked (not parsed again) and its perimeter is empty.
        documents.deleteDocument(catalogueUri);
        const second = factory.fromString(catalogue('ESAT_B'), catalogueUri);
        documents.addDocument(second);
        builder.resetToState(contractDocument, DocumentState.ComputedScopes);
        await builder.build([second, contractDocument]);
        expect(contractOf(contractDocument)).toBe(contract);
        expect(perimeterOf(contract)).toEqual([]);
    });
});
