/**
 * Avenants that modify (`modifie`, `fin`, `suivi`): the contract as amended at a date (model/consolidation.ts),
 * printed by `cpom generate --au`, compared by `cpom diff --au` and drafted by `cpom avenant --au`, on the example
 * examples/avenants-modificatifs (amended twice: a capacity change; then the end date and new targets).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { ast, consolidate, createCpomServices, establishmentFacts, firstClause, perimeterOf, visasOf, writtenClause, writtenClauses } from '@cpom/language';
import { createServices, loadWorkspace } from '../packages/cli/src/workspace.js';
import { ROOT } from './helpers.js';
import { runCpom } from './cli-run.js';

const EXAMPLE = path.join(ROOT, 'examples/avenants-modificatifs');
const CONTRACT = readFileSync(path.join(EXAMPLE, 'cpom-ehpad-val-de-loire.cpom'), 'utf8');
/** An avenant file without its `importe` line, to be put in the contract's own file. */
const avenantText = (name: string) => readFileSync(path.join(EXAMPLE, name), 'utf8').replace(/^importe .*$/m, '');

let dir: string;

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpom-consolidation-'));
    // Three versions of one file: the contract signed, then with avenant n° 1, then with avenants n° 1 and 2.
    writeFileSync(path.join(dir, 'v0.cpom'), CONTRACT);
    writeFileSync(path.join(dir, 'v1.cpom'), CONTRACT + avenantText('avenant-1.cpom'));
    writeFileSync(path.join(dir, 'v2.cpom'), CONTRACT + avenantText('avenant-1.cpom') + avenantText('avenant-2.cpom'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `cpom avenant OLD NEW --number N --au DAY --effet DAY` in Markdown (no-break spaces read as spaces). */
async function drafted(oldFile: string, newFile: string, number: number, day: string, file: string): Promise<string> {
    const out = path.join(dir, `drafted-${number}-${day}-${path.basename(path.dirname(newFile))}`);
    const run = await runCpom(['avenant', oldFile, newFile, '--number', String(number), '--au', day, '--effet', day, '-f', 'md', '-o', out], ROOT);
    expect(run.code).toBe(0);
    return readFileSync(path.join(out, file), 'utf8').replace(/[\u00a0\u202f]/g, ' ');
}

const capacity = (e: ast.Etablissement, modality: string) =>
    establishmentFacts(e).capacities.find(c => c.modality === modality)?.authorised;

describe('the contract as amended at a date (consolidate)', () => {
    it('applies the avenants in force, leaves the later ones out, and changes nothing in the source', async () => {
        const services = createServices();
        const workspace = await loadWorkspace(services, [path.join(EXAMPLE, 'cpom-ehpad-val-de-loire.cpom'), path.join(EXAMPLE, 'avenant-1.cpom'), path.join(EXAMPLE, 'avenant-2.cpom')]);
        const contract = (workspace.files[0].document.parseResult.value as ast.CpomFile).elements.find(ast.isContrat)!;
        const avenants = services.Cpom.cpom.WorkspaceIndex.avenantsOf(contract);
        const amboise = (c: ast.Contrat) => perimeterOf(c).find(e => e.name === 'EHPAD_AMBOISE')!;

        const before = consolidate(contract, avenants, '2021-06-30');
        expect(before.avenants).toEqual([]);
        expect(capacity(amboise(before.contract), 'hebergement_temporaire')).toBe('4');

        const first = consolidate(contract, avenants, '2021-07-01');
        expect(first.avenants.map(a => a.number)).toEqual(['1']);
        expect(capacity(amboise(first.contract), 'hebergement_temporaire')).toBe('6');
        expect(capacity(amboise(first.contract), 'hebergement_permanent')).toBe('84');
        expect(firstClause(first.contract, ast.isFin)?.date).toBe('2023-12-31');

        const second = consolidate(contract, avenants, '2023-01-01');
        expect(second.avenants.map(a => a.number)).toEqual(['1', '2']);
        expect(firstClause(second.contract, ast.isFin)?.date).toBe('2024-12-31');
        // References into the amended contract lead to the amended elements.
        const funded = second.contract.clauses.filter(ast.isMoyens).flatMap(m => m.items).filter(ast.isFinancement)
            .flatMap(f => f.props.filter(ast.isConcernes)).flatMap(c => c.establishments.map(r => r.ref));
        expect(funded).toContain(amboise(second.contract));

        // Avenant n° 2 replaces the visa of the schéma départemental and words the révision clause.
        const schemas = (c: ast.Contrat) => visasOf(c).filter(v => v.kind === 'schema_departemental').map(v => v.text);
        expect(schemas(first.contract)).toEqual(['de l\'autonomie d\'Indre-et-Loire']);
        expect(schemas(second.contract)).toEqual(['de l\'autonomie d\'Indre-et-Loire 2022-2026']);
        // The new schéma takes the place of the one it replaces, first of the contract's visas.
        expect(visasOf(second.contract).map(v => v.kind)).toEqual(['schema_departemental', 'autorisation', 'autorisation', 'deliberation']);
        expect(writtenClause(first.contract, 'revision')).toBeUndefined();
        expect(writtenClause(second.contract, 'revision')).toContain('revue finale de 2024');
        expect(writtenClause(second.contract, 'juridiction')).toBe('tribunal administratif d\'Orléans');
        // Avenant n° 2's `revue finale 2024` replaces the final review of 2023, not the mid-term review of 2022.
        const reviews = (c: ast.Contrat) => c.clauses.filter(ast.isSuivi).flatMap(s => s.items).filter(ast.isRevue).map(r => `${r.kind} ${r.year}`);
        expect(reviews(first.contract)).toEqual(['mi_parcours 2022', 'finale 2023']);
        expect(reviews(second.contract)).toEqual(['mi_parcours 2022', 'finale 2024']);

        // The source is untouched.
        expect(schemas(contract)).toEqual(['de l\'autonomie d\'Indre-et-Loire']);
        expect(writtenClause(contract, 'revision')).toBeUndefined();
        expect(capacity(amboise(contract), 'hebergement_temporaire')).toBe('4');
        expect(firstClause(contract, ast.isFin)?.date).toBe('2023-12-31');
    });
});

describe('cpom generate --au', () => {
    it.each([
        ['2020-06-01', ['31 décembre 2023', 'aucun avenant en vigueur', 'Capacité — hébergement temporaire | 4 lits', 'Il est convenu ce qui suit.',
            'Fait à Tours, le 16 décembre 2019, en trois exemplaires originaux, un pour chaque partie.', 'prorogeable par avenant pour une durée d\'un an',
            '**Enjeux et contexte :**'], ['2 351 100']],
        ['01/07/2021', ['31 décembre 2023', 'avenant n° 1 inclus', 'Capacité — hébergement temporaire | 6 lits', '2 351 100',
            'Pour la période du 1er janvier 2020 au 31 décembre 2023 — version consolidée au 1er juillet 2021',
            // The fiche action heads with its axis's number, the consolidated objective copied or not.
            '**Axe 1 — Inscrire les EHPAD dans le parcours des personnes âgées du territoire**'], ['97,5 %', 'Avenant n° 2', 'Axe 0', 'fixée par l\'avenant']],
        ['2023-01-01', ['31 décembre 2024', 'avenants n° 1 et n° 2 inclus', '97,5 %', 'rythme semestriel', 'La date de fin du contrat est portée au 31 décembre 2024.',
            // The term as amended, and by which avenant (its number, never its identifier).
            'Pour la période du 1er janvier 2020 au 31 décembre 2024 (date de fin fixée par l\'avenant n° 2) — version consolidée au 1er janvier 2023',
            'Le contrat prend effet le 1er janvier 2020 et prend fin le 31 décembre 2024.',
            'La date de fin du contrat, précédemment fixée au 31 décembre 2023, est portée au 31 décembre 2024 par l\'avenant n° 2.',
            '*Vu le schéma départemental de l\'autonomie d\'Indre-et-Loire 2022-2026, adopté le 27 juin 2022 ;*', 'en particulier à l\'issue de la revue finale de 2024'],
        ['*Vu le schéma départemental de l\'autonomie d\'Indre-et-Loire ;*']],
    ])('prints the contract as amended on %s', async (day, present, absent) => {
        const out = path.join(dir, `out-${day.replace(/\//g, '-')}`);
        const run = await runCpom(['generate', EXAMPLE, '--au', day, '-f', 'md,json', '-o', out], ROOT);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const files = readdirSync(out).sort();
        expect(files).toHaveLength(2);
        const markdown = readFileSync(path.join(out, files.find(f => f.endsWith('.md'))!), 'utf8').replace(/[\u00a0\u202f]/g, ' ');
        for (const text of present) expect(markdown).toContain(text);
        for (const text of absent) expect(markdown).not.toContain(text);
        // The visa avenant n° 2 renews stands where the one it replaces stood, before the arrêtés d'autorisation.
        if (markdown.includes('2022-2026')) expect(markdown.indexOf('2022-2026, adopté')).toBeLessThan(markdown.indexOf('Vu l\'arrêté conjoint'));
        const json = JSON.parse(readFileSync(path.join(out, files.find(f => f.endsWith('.json'))!), 'utf8')) as { contract: { consolidatedAt: string } };
        expect(json.contract.consolidatedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('refuses a date that is none, in French', async () => {
        const run = await runCpom(['generate', EXAMPLE, '--au', '31/02/2023', '-o', path.join(dir, 'none')], ROOT);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('date de consolidation impossible');
    });
});

describe('cpom avenant --au drafts each amendment from the consolidated versions', () => {
    it('avenant n° 1: the capacity and the amounts', async () => {
        const markdown = await drafted(path.join(dir, 'v0.cpom'), path.join(dir, 'v1.cpom'), 1, '2021-07-01', 'AVENANT_1_CPOM_EHPAD_VAL_DE_LOIRE_2020.md');
        expect(markdown).toContain('en hébergement temporaire est portée de 4 à 6 lits');
        expect(markdown).toContain('| Forfait global relatif aux soins | 2021 | 2 333 100 € | 2 351 100 € |');
        expect(markdown).not.toContain('à formuler par les parties');
    });

    it('avenant n° 2: the end date, the targets of the fifth year, the comité, the visa and the clause', async () => {
        const markdown = await drafted(path.join(dir, 'v1.cpom'), path.join(dir, 'v2.cpom'), 2, '2023-01-01', 'AVENANT_2_CPOM_EHPAD_VAL_DE_LOIRE_2020.md');
        expect(markdown).toContain('le contrat prend fin le 31 décembre 2024, au lieu du 31 décembre 2023');
        expect(markdown).toContain('97,5 %');
        expect(markdown).toContain('semestriel');
        expect(markdown).toContain('Visas du contrat');
        expect(markdown).toContain('le visa « Vu le schéma départemental de l\'autonomie d\'Indre-et-Loire » est remplacé par le visa « Vu le schéma départemental de l\'autonomie d\'Indre-et-Loire 2022-2026, adopté le 27 juin 2022 »');
        expect(markdown).toContain('la clause « révision du contrat » est rédigée comme suit : « Le contrat peut être révisé par avenant');
        expect(markdown).not.toMatch(/schema_departemental|revision "/);
        // One verb, as the contract words its comité: not "le comité de suivi réunit …, qui se réunit …".
        expect(markdown).toContain('le comité de suivi, composé de représentants de « Agence régionale de santé Centre-Val de Loire », « Département d\'Indre-et-Loire » et « Association Val de Loire Âge », se réunit selon un rythme semestriel');
        expect(markdown).not.toContain('à formuler par les parties');
    });

    it('cpom diff --au shows what avenant n° 1 changes, in the contract\'s terms', async () => {
        const run = await runCpom(['diff', path.join(dir, 'v0.cpom'), path.join(dir, 'v1.cpom'), '--au', '2021-07-01', '--no-color'], ROOT);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('capacité autorisée (hébergement temporaire)');
        expect(run.stdout).toContain('4 lits → 6 lits');
    });
});

describe('visas and clauses as amended', () => {
    const CONTRACT_TEXT = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8').replace(/avenant 1 au[\s\S]*$/, '');

    async function parse(text: string): Promise<{ contract: ast.Contrat; avenants: ast.Avenant[] }> {
        const { shared } = createCpomServices(EmptyFileSystem);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///amended-${Math.random()}.cpom`));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        expect(document.parseResult.parserErrors).toEqual([]);
        const root = document.parseResult.value as ast.CpomFile;
        return { contract: root.elements.find(ast.isContrat)!, avenants: root.elements.filter(ast.isAvenant) };
    }

    const avenant = (number: number, effect: string, body: string) =>
        `avenant ${number} au CPOM_MESSIDOR_2013 {\n    effet ${effect}\n    signataires ARS_RA, MESSIDOR\n${body}\n}\n`;

    it('adds visas and clauses to a contract that writes none, then withdraws them, date by date', async () => {
        const { contract, avenants } = await parse(CONTRACT_TEXT
            + avenant(1, '2014-01-01', '    visas {\n        prs "Rhône-Alpes 2012-2017" du 2012-03-01\n        délibération du 2013-11-15\n    }\n    clauses {\n        litiges "A"\n        litiges "B"\n        juridiction "tribunal administratif de Lyon"\n    }')
            + avenant(2, '2016-01-01', '    retire visa prs "RHÔNE-ALPES 2012-2017"\n    visas {\n        prs "Auvergne-Rhône-Alpes 2018-2028" du 2015-06-28\n    }\n    retire visa deliberation du 2013-11-16\n    retire clause litiges\n    clauses {\n        résiliation "C"\n    }'));
        expect(visasOf(contract)).toEqual([]);
        expect(writtenClauses(contract).size).toBe(0);

        const first = consolidate(contract, avenants, '2015-01-01').contract;
        expect(visasOf(first).map(v => [v.kind, v.text ?? null, v.date])).toEqual([['prs', 'Rhône-Alpes 2012-2017', '2012-03-01'], ['deliberation', null, '2013-11-15']]);
        // The first of each kind, as in a contract.
        expect([...writtenClauses(first)].map(([k, c]) => [k, c.text])).toEqual([['litiges', 'A'], ['juridiction', 'tribunal administratif de Lyon']]);

        const second = consolidate(contract, avenants, '2016-01-01').contract;
        // The PRS is replaced (its text matched whatever the case) where it was; the délibération of another date stays.
        expect(visasOf(second).map(v => [v.kind, v.text ?? null])).toEqual([['prs', 'Auvergne-Rhône-Alpes 2018-2028'], ['deliberation', null]]);
        // The dispute clause takes back the default wording; résiliation is worded; the court stays.
        expect([...writtenClauses(second).keys()]).toEqual(['resiliation', 'juridiction']);
        expect(second.clauses.filter(ast.isVisas)).toHaveLength(1);
        expect(second.clauses.filter(ast.isClausesRedigees)).toHaveLength(1);

        // The source is untouched.
        expect(contract.clauses.some(c => ast.isVisas(c) || ast.isClausesRedigees(c))).toBe(false);
    });

    it('withdraws every visa of a kind when the withdrawal names no text or date', async () => {
        const { contract, avenants } = await parse(CONTRACT_TEXT.replace('    departements 69, 26\n',
            '    departements 69, 26\n    visas {\n        autorisation "n° 1" du 2009-03-02 pour ESAT_LYON\n        autorisation "n° 2" du 2010-03-02 pour ESAT_VALENCE\n        prs "Rhône-Alpes 2012-2017"\n    }\n')
            + avenant(1, '2014-01-01', '    retire visa autorisation'));
        expect(visasOf(consolidate(contract, avenants).contract).map(v => v.kind)).toEqual(['prs']);
    });
});

describe('the term as amended: prorogation and end date', () => {
    const CATALOGUE = path.join(ROOT, 'examples/avenant-catalogue');

    async function markdownOf(example: string, args: string[], name: string): Promise<string> {
        const out = path.join(dir, name);
        const run = await runCpom(['generate', example, ...args, '-f', 'md', '-o', out], ROOT);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const file = readdirSync(out).find(f => f.startsWith('CPOM_LES_SOURCES') || f.startsWith('CPOM_EHPAD'))!;
        return readFileSync(path.join(out, file), 'utf8').replace(/[\u00a0\u202f]/g, ' ');
    }

    it('prints the prorogued period, its year and the avenant that prorogued it in the consolidated contract', async () => {
        const markdown = await markdownOf(CATALOGUE, ['--au', '2024-01-01'], 'prorogued');
        for (const text of [
            'Pour la période du 1er janvier 2019 au 31 décembre 2024 (contrat prorogé par l\'avenant n° 2) — version consolidée au 1er janvier 2024 (avenants n° 1 et n° 2 inclus).',
            'Le contrat prend effet le 1er janvier 2019 et prend fin le 31 décembre 2024. Il est signé le 20 décembre 2018.',
            'Le contrat, qui devait prendre fin le 31 décembre 2023, est prorogé jusqu\'au 31 décembre 2024 par l\'avenant n° 2, dans la limite d\'une sixième année (article L. 313-11 du code de l\'action sociale et des familles).',
            // The year of the prorogation is a year of the tables, with the amounts avenant n° 2 gives it.
            '| Financement | 2019 | 2020 | 2021 | 2022 | 2023 | 2024 |',
            '| Dotation globalisée commune IME et SESSAD, année de prorogation | — | — | — | — | — | 3 436 760,50 € |',
            '| Fiche action | Indicateur | Référence | 2019 | 2020 | 2021 | 2022 | 2023 | 2024 |',
        ]) expect(markdown).toContain(text);
        expect(markdown).not.toContain('Il peut être prorogé');
        expect(markdown).not.toContain('Axe 0');
        expect(markdown).not.toMatch(/AVENANT|CPOM_LES_SOURCES|ARS_BFC/);
    });

    it('names a party that joined through an avenant among the parties, and keeps the originals of the signing', async () => {
        const consolidated = await markdownOf(CATALOGUE, ['--au', '2024-01-01'], 'joined');
        const signed = await markdownOf(CATALOGUE, [], 'joined-signed');
        // Avenant n° 1 makes the département a party (it co-funds the SAMSAH it adds); the contract as signed has two.
        expect(consolidated).toMatch(/\*\*ENTRE\*\*\n\nAgence régionale de santé Bourgogne-Franche-Comté\n\nDépartement de la Côte-d'Or\n\n\*\*ET\*\*\n\nAssociation Les Sources de Bourgogne/);
        expect(consolidated).toContain('- **Département de la Côte-d\'Or** (conseil départemental, département 21)');
        expect(consolidated).toContain('Fait le 20 décembre 2018, en deux exemplaires originaux, un pour chaque partie.');
        expect(signed).not.toContain('- **Département de la Côte-d\'Or** (conseil départemental');
        expect(signed).toContain('**ET**\n\nAssociation Les Sources de Bourgogne');
    });

    it('prints the signed dates in the contract as signed (no --au), and before the prorogation takes effect', async () => {
        for (const args of [[], ['--au', '2023-12-31']]) {
            const markdown = await markdownOf(CATALOGUE, args, `signed-${args.length}`);
            expect(markdown).toMatch(/Pour la période du 1er janvier 2019 au 31 décembre 2023[ .]/);
            expect(markdown).toContain('Le contrat prend effet le 1er janvier 2019 et prend fin le 31 décembre 2023.');
            expect(markdown).toContain('Il peut être prorogé dans la limite d\'une sixième année (article L. 313-11 du code de l\'action sociale et des familles).');
            expect(markdown).toContain('| Financement | 2019 | 2020 | 2021 | 2022 | 2023 |\n');
            expect(markdown).not.toContain('prorogé par l\'avenant');
        }
        const signed = await markdownOf(EXAMPLE, [], 'signed-modificatifs');
        expect(signed).toContain('Pour la période du 1er janvier 2020 au 31 décembre 2023.');
        expect(signed).toContain('prend fin le 31 décembre 2023.');
        expect(signed).not.toContain('fixée par l\'avenant');
    });

    it('consolidate says which avenant set the end date or prorogued the contract; a later end date supersedes a prorogation', async () => {
        const { shared } = createCpomServices(EmptyFileSystem);
        const text = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8').replace(/avenant 1 au[\s\S]*$/, '')
            + 'avenant 1 au CPOM_MESSIDOR_2013 {\n    effet 2017-06-01\n    signataires ARS_RA, MESSIDOR\n    prorogation 2018-12-31\n}\n'
            + 'avenant 2 au CPOM_MESSIDOR_2013 {\n    effet 2018-06-01\n    signataires ARS_RA, MESSIDOR\n    fin 2018-10-31\n}\n';
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///term.cpom'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const root = document.parseResult.value as ast.CpomFile;
        const contract = root.elements.find(ast.isContrat)!;
        const avenants = root.elements.filter(ast.isAvenant);

        const prorogued = consolidate(contract, avenants, '2017-06-01');
        expect(firstClause(prorogued.contract, ast.isProrogation)?.date).toBe('2018-12-31');
        expect(firstClause(prorogued.contract, ast.isFin)?.date).toBe('2017-12-31');
        expect(prorogued.term.prorogation?.avenant.number).toBe('1');
        expect(prorogued.term.prorogation?.before).toBe('2017-12-31');
        expect(prorogued.term.end).toBeUndefined();

        const ended = consolidate(contract, avenants, '2018-06-01');
        expect(firstClause(ended.contract, ast.isProrogation)).toBeUndefined();
        expect(firstClause(ended.contract, ast.isFin)?.date).toBe('2018-10-31');
        expect(ended.term).toEqual({ end: { date: '2018-10-31', avenant: avenants[1], before: '2017-12-31' } });
        // The source is untouched.
        expect(firstClause(contract, ast.isProrogation)).toBeUndefined();
    });

    it('cpom avenant --au drafts the prorogation of avenant n° 2 back from the consolidated versions', async () => {
        const strip = (file: string) => readFileSync(path.join(CATALOGUE, file), 'utf8').replace(/^importe .*$/gm, '');
        const contract = readFileSync(path.join(CATALOGUE, 'cpom-les-sources.cpom'), 'utf8');
        const versions = path.join(dir, 'catalogue');
        mkdirSync(versions, { recursive: true });
        for (const f of ['catalogue-anap.cpom', 'referentiel-cote-dor.cpom']) writeFileSync(path.join(versions, f), readFileSync(path.join(CATALOGUE, f)));
        writeFileSync(path.join(versions, 'v1.cpom'), contract + strip('avenant-1.cpom'));
        writeFileSync(path.join(versions, 'v2.cpom'), contract + strip('avenant-1.cpom') + strip('avenant-2.cpom'));
        const markdown = await drafted(path.join(versions, 'v1.cpom'), path.join(versions, 'v2.cpom'), 2, '2024-01-01', 'AVENANT_2_CPOM_LES_SOURCES_2019.md');
        expect(markdown).toContain('le contrat est prorogé jusqu\'au 31 décembre 2024, dans la limite d\'une sixième année (article L. 313-11 du code de l\'action sociale et des familles)');
        expect(markdown).toContain('l\'établissement « ITEP Le Clos, Beaune » (FINESS 210999025');
        // Every name in a sentence is quoted: the payer as the establishments.
        expect(markdown).toContain('financeur : « Agence régionale de santé Bourgogne-Franche-Comté » ; établissements financés : « IME Les Sources, Dijon » et « SESSAD Les Sources, Dijon »');
    });
});

describe('the avenants annex of the document', () => {
    it('words a capacity in two sentences and quotes every name, with no-break spaces inside the quotes', async () => {
        const out = path.join(dir, 'annex');
        const run = await runCpom(['generate', EXAMPLE, '-f', 'md', '-o', out], ROOT);
        expect(run.code).toBe(0);
        const raw = readFileSync(path.join(out, 'CPOM_EHPAD_VAL_DE_LOIRE_2020.md'), 'utf8');
        const annex = raw.slice(raw.indexOf('annexe-avenants"></a>')).replace(/[\u00a0\u202f]/g, ' ');
        expect(annex).toContain('- La capacité autorisée de l\'établissement « EHPAD Les Bords de Loire, Amboise » en hébergement temporaire est portée à 6 lits. Sa capacité financée en hébergement temporaire est portée à 6 lits.\n');
        expect(annex).toContain('comité de suivi : « Agence régionale de santé Centre-Val de Loire », « Département d\'Indre-et-Loire » et « Association Val de Loire Âge » (rythme semestriel)');
        expect(annex).not.toContain('dont 6 financés');
        // Every guillemet of the annex holds a no-break space on its inner side.
        const rawAnnex = raw.slice(raw.indexOf('annexe-avenants"></a>'));
        expect(rawAnnex).not.toMatch(/« |«[^\u00a0]| »|[^\u00a0]»/);
    });

    it('quotes a visa whose text holds guillemets with “ ” inside « », never « « … » », in the annex and the drafted avenant', async () => {
        const visa = 'autre "la circulaire « Accueil temporaire » du 6 mars 2022"';
        const v1 = readFileSync(path.join(dir, 'v1.cpom'), 'utf8');
        const withVisa = v1 + 'avenant 3 au CPOM_EHPAD_VAL_DE_LOIRE_2020 {\n    objet "Visa de la circulaire"\n    effet 2022-06-01\n    signature 2022-05-15\n    signataires ARS_CVL, CD37, VAL_DE_LOIRE_AGE\n'
            + `    visas {\n        ${visa}\n    }\n}\n`;
        writeFileSync(path.join(dir, 'quoted.cpom'), withVisa);
        const out = path.join(dir, 'quoted');
        const run = await runCpom(['generate', path.join(dir, 'quoted.cpom'), '-f', 'md', '-o', out], ROOT);
        expect(run.stderr).toBe('');
        const markdown = readFileSync(path.join(out, 'CPOM_EHPAD_VAL_DE_LOIRE_2020.md'), 'utf8').replace(/[\u00a0\u202f]/g, ' ');
        expect(markdown).toContain('Le visa suivant est ajouté : « Vu la circulaire “Accueil temporaire” du 6 mars 2022 ».');
        expect(markdown).not.toMatch(/« [^»]*«/);

        // The drafted avenant quotes the same visa the same way.
        const contractWithVisa = CONTRACT.replace('        deliberation du 2019-11-28\n', `        deliberation du 2019-11-28\n        ${visa}\n`);
        writeFileSync(path.join(dir, 'visa-new.cpom'), contractWithVisa);
        const drafted = path.join(dir, 'quoted-avenant');
        const avenant = await runCpom(['avenant', path.join(dir, 'v0.cpom'), path.join(dir, 'visa-new.cpom'), '--number', '1', '-f', 'md', '-o', drafted], ROOT);
        expect(avenant.code).toBe(0);
        const text = readFileSync(path.join(drafted, 'AVENANT_1_CPOM_EHPAD_VAL_DE_LOIRE_2020.md'), 'utf8').replace(/[\u00a0\u202f]/g, ' ');
        expect(text).toContain('le visa « Vu la circulaire “Accueil temporaire” du 6 mars 2022 » est ajouté');
        expect(text).not.toMatch(/« [^»]*«/);
    });
});

describe('a contract named alone comes with the avenants beside it (they import it, not the reverse)', () => {
    const CATALOGUE = path.join(ROOT, 'examples/avenant-catalogue');
    /** The example folder twice: as signed and with the ITEP's boarding capacity changed (20 → 22 places). */
    const versions = () => {
        const root = path.join(dir, 'beside');
        for (const version of ['old', 'new']) cpSync(CATALOGUE, path.join(root, version), { recursive: true });
        const changed = path.join(root, 'new', 'cpom-les-sources.cpom');
        writeFileSync(changed, readFileSync(changed, 'utf8').replace('capacité internat 20 places', 'capacité internat 22 places'));
        return { old: path.join(root, 'old', 'cpom-les-sources.cpom'), new: changed, out: path.join(root, 'out') };
    };

    it('cpom generate FILE prints the document cpom generate FOLDER prints, consolidated or as signed', async () => {
        for (const args of [['--au', '2024-01-01'], []]) {
            const outputs: string[] = [];
            for (const target of [CATALOGUE, path.join(CATALOGUE, 'cpom-les-sources.cpom')]) {
                const out = path.join(dir, `beside-generate-${outputs.length}-${args.length}`);
                const run = await runCpom(['generate', target, ...args, '-f', 'md', '-o', out], ROOT);
                expect(run.stderr).toBe('');
                expect(run.code).toBe(0);
                outputs.push(readFileSync(path.join(out, readdirSync(out).find(f => f.startsWith('CPOM_LES_SOURCES'))!), 'utf8'));
            }
            expect(outputs[1]).toBe(outputs[0]);
            expect(outputs[1].replace(/[\u00a0\u202f]/g, ' ')).toContain(args.length > 0 ? 'avenants n° 1 et n° 2 inclus' : 'Avenants conclus');
        }
    });

    it('cpom diff FILE FILE --au applies them: the ITEP withdrawn by avenant n° 2 has no capacity left to change', async () => {
        const { old, new: changed } = versions();
        const before = await runCpom(['diff', old, changed, '--au', '2023-06-01', '--no-color'], ROOT);
        expect(before.stdout).toContain('20 places → 22 places');
        const after = await runCpom(['diff', old, changed, '--au', '2024-06-01', '--no-color'], ROOT);
        expect(after.code).toBe(0);
        expect(after.stdout).not.toContain('22 places');
    });

    it('cpom avenant FILE FILE --au recites the avenants in force and has the party they brought sign in its quality', async () => {
        const { old, new: changed, out } = versions();
        const run = await runCpom(['avenant', old, changed, '--number', '3', '--au', '2023-06-01', '-f', 'md', '-o', out], ROOT);
        expect(run.code).toBe(0);
        const markdown = readFileSync(path.join(out, 'AVENANT_3_CPOM_LES_SOURCES_2019.md'), 'utf8').replace(/[\u00a0\u202f]/g, ' ');
        expect(markdown).toContain('*Vu l\'avenant n° 1 au contrat, signé le 10 décembre 2020 ;*');
        expect(markdown).toContain('| **Département de la Côte-d\'Or** | Président du conseil départemental |');
        expect(markdown).not.toContain('Vu l\'avenant n° 2');
    });
});

describe('the drafted avenant recites the term as signed, then what earlier avenants did to it', () => {
    it('a prorogation by avenant n° 2: concluded for 2019–2023, prorogued to 2024 by that avenant', async () => {
        const root = path.join(dir, 'recital-prorogation');
        for (const version of ['old', 'new']) cpSync(path.join(ROOT, 'examples/avenant-catalogue'), path.join(root, version), { recursive: true });
        const changed = path.join(root, 'new', 'cpom-les-sources.cpom');
        writeFileSync(changed, readFileSync(changed, 'utf8').replace('cibles 2019: 35, 2020: 28, 2021: 20, 2022: 15, 2023: 10', 'cibles 2019: 35, 2020: 28, 2021: 20, 2022: 15, 2023: 9'));
        const markdown = await drafted(path.join(root, 'old', 'cpom-les-sources.cpom'), changed, 3, '2024-06-01', 'AVENANT_3_CPOM_LES_SOURCES_2019.md');
        expect(markdown).toContain('a été conclu entre les parties le 20 décembre 2018 pour la période du 1er janvier 2019 au 31 décembre 2023. Il a été prorogé jusqu\'au 31 décembre 2024 par l\'avenant n° 2.');
    });

    it('an end date set by avenant n° 2: concluded with effect from 2020, its end set to 2024 by that avenant', async () => {
        const changed = path.join(dir, 'recital-end', 'v2.cpom');
        mkdirSync(path.dirname(changed), { recursive: true });
        writeFileSync(changed, readFileSync(path.join(dir, 'v2.cpom'), 'utf8').replace('cibles 2020: 10 %, 2021: 9,5 %, 2022: 9 %, 2023: 8,5 %', 'cibles 2020: 10 %, 2021: 9,5 %, 2022: 9 %, 2023: 8 %'));
        const markdown = await drafted(path.join(dir, 'v2.cpom'), changed, 3, '2023-06-01', 'AVENANT_3_CPOM_EHPAD_VAL_DE_LOIRE_2020.md');
        expect(markdown).toContain('a été conclu entre les parties le 16 décembre 2019, à effet du 1er janvier 2020. Sa date de fin a été fixée au 31 décembre 2024 par l\'avenant n° 2.');
        expect(markdown).not.toContain('pour la période du 1er janvier 2020 au 31 décembre 2024');
    });
});
