/**
 * The contract's own visas, the clauses of Titre 2 written by the parties (defaults kept when absent) and authorities
 * over several départements: parsed, printed in the document, exported in JSON (format 2, against the schema), and
 * explained in the editor (hover, completion).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { EmptyFileSystem, URI } from 'langium';
import { expectCompletion, parseDocument } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { ast, createCpomServices } from '@cpom/language';
import { buildContractDocument, exportContract, renderMarkdown } from '../packages/generator/src/index.js';
import { buildAvenantDocument, diffContracts, formatDiffText, parseChangePath } from '@cpom/diff';
import { ROOT } from './helpers.js';
import { lspServices } from './lsp-services.js';

const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');

const VISAS = `
    visas {
        prs "Rhône-Alpes 2012-2017" du 2012-03-01
        schéma_départemental "du Rhône en faveur des personnes handicapées 2009-2013"
        autorisation "n° 2009-123 du préfet du Rhône" du 2009-03-02 pour ESAT_LYON
        délibération du 2012-11-15
        autre "Vu la circulaire interministérielle du 26 mars 2007 ;"
    }
`;

const CLAUSES = `
    clauses {
        affectation_des_résultats "Les excédents financent en priorité les investissements des fiches actions."
        juridiction "tribunal administratif de Lyon"
        résiliation "Le contrat peut être résilié par l'une des parties avec un préavis de six mois."
        revision "Le contrat est révisé chaque année au vu du dialogue de gestion."
    }
`;

/** The base contract with text inserted after its `departements` line, and its authority replaced. */
function variant(insert: string, authority = 'autorite ARS_RA ars "Agence régionale de santé Rhône-Alpes"'): string {
    return BASE.replace('    departements 69, 26\n', `    departements 69, 26\n${insert}`)
        .replace('autorite ARS_RA ars "Agence régionale de santé Rhône-Alpes"', authority);
}

async function load(text: string): Promise<{ contract: ast.Contrat; avenants: ast.Avenant[]; errors: string[] }> {
    const { shared } = createCpomServices(EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///clauses-${Math.random()}.cpom`));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const root = document.parseResult.value as ast.CpomFile;
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1 || d.severity === 2).map(d => `${String(d.code)} ${d.message}`);
    return { contract: root.elements.find(ast.isContrat)!, avenants: root.elements.filter(ast.isAvenant), errors };
}

async function markdown(text: string): Promise<string> {
    const { contract, avenants } = await load(text);
    return renderMarkdown(buildContractDocument(contract, avenants));
}

describe('visas of the contract', () => {
    it('are printed after the legal visas, in the order written, with their dates and establishments', async () => {
        const loaded = await load(variant(VISAS));
        expect(loaded.errors).toEqual([]);
        const md = renderMarkdown(buildContractDocument(loaded.contract, loaded.avenants));
        // The renderer puts the no-break spaces of French typography (before « ; », inside « »): compared as spaces.
        const visas = md.split('\n').filter(l => l.startsWith('*Vu ')).map(l => l.replace(/\u00A0/g, ' '));
        const own = [
            '*Vu le projet régional de santé Rhône-Alpes 2012-2017, arrêté le 1er mars 2012 ;*',
            '*Vu le schéma départemental du Rhône en faveur des personnes handicapées 2009-2013 ;*',
            '*Vu l\'arrêté n° 2009-123 du préfet du Rhône du 2 mars 2009 portant autorisation de l\'établissement « ESAT MESSIDOR Lyon » ;*',
            '*Vu la délibération du conseil d\'administration de l\'organisme gestionnaire du 15 novembre 2012 autorisant la signature du présent contrat ;*',
            '*Vu la circulaire interministérielle du 26 mars 2007 ;*',
        ];
        expect(visas.slice(-own.length)).toEqual(own);
        expect(visas[0]).toContain('code de l\'action sociale et des familles');
    });

    it('are exported in JSON (format 2) and the export validates against the schema', async () => {
        const { contract, avenants } = await load(variant(VISAS + CLAUSES, 'autorite ARS_RA ars 69, 26 "Agence régionale de santé Rhône-Alpes"'));
        const json = exportContract(contract, avenants);
        expect(json.contract.visas).toEqual([
            { kind: 'prs', text: 'Rhône-Alpes 2012-2017', date: '2012-03-01' },
            { kind: 'schema_departemental', text: 'du Rhône en faveur des personnes handicapées 2009-2013' },
            { kind: 'autorisation', text: 'n° 2009-123 du préfet du Rhône', date: '2009-03-02', establishments: ['ESAT_LYON'] },
            { kind: 'deliberation', date: '2012-11-15' },
            { kind: 'autre', text: 'Vu la circulaire interministérielle du 26 mars 2007 ;' },
        ]);
        expect(json.contract.clauses).toEqual({
            affectationDesResultats: 'Les excédents financent en priorité les investissements des fiches actions.',
            juridiction: 'tribunal administratif de Lyon',
            resiliation: 'Le contrat peut être résilié par l\'une des parties avec un préavis de six mois.',
            revision: 'Le contrat est révisé chaque année au vu du dialogue de gestion.',
        });
        expect(json.contract.parties.authorities[0]).toMatchObject({ id: 'ARS_RA', department: '69', otherDepartments: ['26'] });
        const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/cpom-v2.schema.json'), 'utf8')) as Record<string, unknown>;
        const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
        expect(validate(JSON.parse(JSON.stringify(json))), JSON.stringify(validate.errors)).toBe(true);
    });

    it('leave the JSON unchanged for a contract that writes none', async () => {
        const { contract, avenants } = await load(BASE);
        const json = exportContract(contract, avenants);
        expect('visas' in json.contract).toBe(false);
        expect('clauses' in json.contract).toBe(false);
        expect('otherDepartments' in json.contract.parties.authorities[0]).toBe(false);
    });
});

describe('clauses of Titre 2', () => {
    it('print what the parties wrote and keep the default wording of the others', async () => {
        const md = await markdown(variant(CLAUSES));
        expect(md).toContain('Article 4 — Affectation des résultats');
        expect(md).toContain('Les excédents financent en priorité les investissements des fiches actions.');
        // Not written: the default of non-respect; written: résiliation.
        expect(md).toContain('Les écarts constatés dans la réalisation des objectifs sont examinés par le comité de suivi');
        expect(md).toContain('avec un préavis de six mois.');
        expect(md).not.toContain('non corrigé après mise en demeure');
        // The court, with its article; the amicable settlement stays.
        expect(md).toContain('au sein du comité de suivi. À défaut d\'accord, le litige est porté devant le tribunal administratif de Lyon.');
        expect(md).toContain('Le contrat est révisé chaque année au vu du dialogue de gestion.');
        expect(md).not.toContain('Le contrat peut être révisé par voie d\'avenant');
    });

    it('have their default wording when none is written; the end of tripartite agreements only in an EHPAD contract', async () => {
        const md = await markdown(BASE);
        expect(md).toContain('Affectation des résultats');
        expect(md).toContain('Les résultats des établissements et services du périmètre sont affectés dans le respect des objectifs');
        expect(md).toContain('le litige est porté devant le tribunal administratif territorialement compétent.');
        expect(md).toContain('Le contrat peut être révisé par voie d\'avenant');
        expect(md).not.toContain('Fin des conventions tripartites');
        const ehpad = await markdown(readFileSync(path.join(ROOT, 'tests/fixtures/rules/CPOM164/passes.cpom'), 'utf8'));
        expect(ehpad).toContain('Fin des conventions tripartites');
        expect(ehpad).toContain('Les conventions tripartites des deux EHPAD prennent fin le 31 décembre 2018.');
        expect(ehpad).toContain('cahier des charges fixé par l\'arrêté du 3 mars 2017');
    });

    it('a written dispute clause keeps the court in a sentence of its own', async () => {
        const md = await markdown(variant('    clauses {\n        litiges "Tout différend est d\'abord soumis au comité de suivi."\n        juridiction "le tribunal administratif de Grenoble"\n    }\n'));
        expect(md).toContain('Tout différend est d\'abord soumis au comité de suivi.\n\nLa juridiction compétente est le tribunal administratif de Grenoble.');
    });
});

describe('an authority over several départements', () => {
    it('is named with its départements in the document and needs no other check', async () => {
        const loaded = await load(variant('', 'autorité ARS_RA ars 69, 26 "Agence régionale de santé Rhône-Alpes"'));
        expect(loaded.errors).toEqual([]);
        const md = renderMarkdown(buildContractDocument(loaded.contract, loaded.avenants));
        expect(md).toContain('**Agence régionale de santé Rhône-Alpes** (agence régionale de santé, départements 69 et 26)');
    });
});

describe('diff and avenant', () => {
    it('name visas, clauses and the départements of an authority in the reviewer\'s words; an avenant words the clauses', async () => {
        const before = await load(variant(VISAS + CLAUSES));
        const after = await load(variant(VISAS.replace('du 2009-03-02', 'du 2009-03-05') + CLAUSES.replace('six mois', 'trois mois'),
            'autorite ARS_RA ars 69, 26 "Agence régionale de santé Rhône-Alpes"'));
        const oldJson = exportContract(before.contract, before.avenants);
        const newJson = exportContract(after.contract, after.avenants);
        const diff = diffContracts(oldJson, newJson);
        expect(diff.changes.map(c => parseChangePath(c.path).kind).sort()).toEqual(['authority', 'authority-department', 'clause', 'visa']);
        const text = formatDiffText(diff).replace(/\u00A0/g, ' ');
        expect(text).toContain('clause « résiliation » modifiée');
        expect(text).toContain('département 26 ajouté au territoire de l\'autorité « Agence régionale de santé Rhône-Alpes »');
        expect(text).toContain('visa (arrêté d\'autorisation) « n° 2009-123 du préfet du Rhône » du 5 mars 2009 modifié');
        expect(text).not.toMatch(/ARS_RA|ESAT_LYON|\{"/);
        // The visas are part of the signed act: an avenant changes them, as it changes the clauses.
        expect(diff.changes.filter(c => c.substantive).map(c => parseChangePath(c.path).kind).sort()).toEqual(['authority', 'authority-department', 'clause', 'visa']);
        const avenant = JSON.stringify(buildAvenantDocument(diff, oldJson, newJson, { number: 2 }));
        expect(avenant).toContain('la clause «\u00A0résiliation\u00A0» est rédigée comme suit');
        expect(avenant).toContain('Visas du contrat');
        expect(avenant.replace(/\u00A0/g, ' ')).toContain('du 2 mars 2009 portant autorisation de l\'établissement “ESAT MESSIDOR Lyon” » est remplacé par le visa « Vu l\'arrêté n° 2009-123 du préfet du Rhône du 5 mars 2009');
        expect(avenant).toContain('couvre le département 26');
    });

    it('name what an avenant adds and withdraws of the visas and clauses, as changes of that avenant', async () => {
        const amended = (body: string) => variant(VISAS + CLAUSES).replace('    objet "Intégration de l\'ESAT de Romans"\n', `    objet "Intégration de l'ESAT de Romans"\n${body}`);
        const before = await load(amended(''));
        const after = await load(amended('    retire visa prs "Rhône-Alpes 2012-2017"\n    retire clause résiliation\n    visas {\n        prs "Auvergne-Rhône-Alpes 2018-2028" du 2018-06-28\n    }\n    clauses {\n        litiges "Le comité de suivi est saisi de tout différend."\n    }\n'));
        expect(after.errors).toEqual([]);
        const diff = diffContracts(exportContract(before.contract, before.avenants), exportContract(after.contract, after.avenants));
        expect(diff.changes.map(c => parseChangePath(c.path)).map(p => `${p.kind}${'field' in p && p.field ? `:${p.field}` : ''}${p.avenant ? ` (${p.avenant})` : ''}`).sort())
            .toEqual(['avenant:withdrawnClauses', 'avenant:withdrawnVisas', 'clause (1)', 'visa (1)']);
        // A change of an avenant is none of the contract's: no avenant needed for it.
        expect(diff.changes.every(c => !c.substantive)).toBe(true);
        const text = formatDiffText(diff).replace(/\u00A0/g, ' ');
        expect(text).toContain('avenant n° 1 : retire le visa (projet régional de santé) « Rhône-Alpes 2012-2017 »');
        expect(text).toContain('avenant n° 1 : rend à la clause « résiliation » sa rédaction par défaut');
        expect(text).toContain('avenant n° 1 : visa (projet régional de santé) « Auvergne-Rhône-Alpes 2018-2028 » du 28 juin 2018 ajouté');
        expect(text).toContain('avenant n° 1 : clause « règlement des litiges »');
        expect(text).not.toMatch(/withdrawn|resiliation|\{"/);
    });
});

describe('editor', () => {
    const services = lspServices();
    let opened = 0;

    async function hover(text: string, needle: string): Promise<string> {
        const document = await parseDocument(services, text, { documentUri: `file:///cpom/clauses-${++opened}.cpom` });
        const offset = text.indexOf(needle) + 1;
        const position = document.textDocument.positionAt(offset);
        const result = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
        return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
    }

    it('explains a visa, a clause and an authority over several départements on hover', async () => {
        const text = variant(VISAS + CLAUSES, 'autorite ARS_RA ars 69, 26 "Agence régionale de santé Rhône-Alpes"');
        expect(await hover(text, 'autorisation "n°')).toContain('**Visa** — Arrêté d\'autorisation');
        expect(await hover(text, 'juridiction "')).toContain('**Clause** — Juridiction compétente');
        expect(await hover(text, 'ARS_RA ars 69')).toContain('départements : Rhône (69) et Drôme (26)');
    });

    it('explains what an avenant adds, words anew and withdraws of the visas and clauses on hover', async () => {
        const text = variant(VISAS + CLAUSES).replace('    objet "Intégration de l\'ESAT de Romans"\n',
            '    objet "Intégration de l\'ESAT de Romans"\n    retire visa prs "Rhône-Alpes 2012-2017"\n    retire clause résiliation\n    visas {\n        prs "Auvergne-Rhône-Alpes 2018-2028"\n    }\n    clauses {\n        litiges "Le comité de suivi est saisi de tout différend."\n    }\n');
        expect(await hover(text, 'retire visa')).toContain('**Retrait d\'un visa par avenant** — retire des visas du contrat le projet régional de santé ayant ce texte');
        expect(await hover(text, 'retire clause')).toContain('la clause reprend la rédaction par défaut du contrat');
        expect(await hover(text, 'retire clause')).toContain('Résiliation — remplace le second alinéa');
        const avenantVisas = text.lastIndexOf('visas {');
        expect(await hover(text.slice(0, avenantVisas) + text.slice(avenantVisas).replace('visas {', 'visas  {'), 'visas  {')).toContain('**Visas ajoutés par l\'avenant**');
        expect(await hover(text, 'clauses {\n        litiges "Le comité')).toContain('**Clauses rédigées à nouveau par l\'avenant**');
        // The contract's own blocks keep their cards.
        expect(await hover(text, 'visas {\n        prs "Rhône')).toContain('**Visas du contrat**');
    });

    it('offers the kinds of visas and clauses after `retire visa` and `retire clause` in an avenant', async () => {
        for (const [after, expected] of [['retire visa ', ['schéma_départemental', 'schéma départemental']], ['retire clause ', ['résiliation', 'résiliation']]] as const) {
            const text = variant('').replace('    objet "Intégration de l\'ESAT de Romans"\n', `    objet "Intégration de l'ESAT de Romans"\n    ${after}<|>\n`);
            let labels: Array<[string, string | undefined]> = [];
            await expectCompletion(services)({
                text, index: 0, parseOptions: { documentUri: `file:///cpom/completion-${after.trim().replace(' ', '-')}.cpom` }, disposeAfterCheck: true,
                assert: list => { labels = list.items.map(i => [i.label, i.detail]); },
            });
            expect(labels, after).toContainEqual(expected);
        }
    });

    it('offers the kinds of visas with their French labels, the accented spelling first', async () => {
        const text = variant('    visas {\n        <|>\n    }\n');
        let labels: Array<[string, string | undefined]> = [];
        await expectCompletion(services)({
            text, index: 0, parseOptions: { documentUri: 'file:///cpom/completion.cpom' }, disposeAfterCheck: true,
            assert: list => { labels = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(i => [i.label, i.detail]); },
        });
        expect(labels).toContainEqual(['prs', 'projet régional de santé']);
        expect(labels).toContainEqual(['schéma_départemental', 'schéma départemental']);
        const accented = labels.findIndex(([l]) => l === 'délibération');
        const plain = labels.findIndex(([l]) => l === 'deliberation');
        expect(accented).toBeGreaterThanOrEqual(0);
        expect(plain === -1 || accented < plain).toBe(true);
    });
});
