/**
 * JSON export for authority systems (format version 1): every bundled contract exports and validates against
 * schemas/cpom-v1.schema.json, the output is deterministic, references inside the document resolve, values are
 * those of the contract, and any string survives the trip through JSON.
 */
import { checkedPath, fixtureSource, ruleFixtureFiles } from './rule-fixtures.js';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { EmptyFileSystem, URI } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import { ast, createCpomServices } from '@cpom/language';
import {
    CPOM_JSON_SCHEMA_ID, type CpomJson, exportContract, GENERATOR_NAME, GENERATOR_VERSION, serialiseJson,
} from '../packages/generator/src/index.js';
import { type ContractSource, createServices, loadWorkspace } from '../packages/cli/src/workspace.js';
import { filesUnder, ROOT } from './helpers.js';

const CONTRACT_FILES = [...filesUnder(path.join(ROOT, 'seeds'), '.cpom'), ...filesUnder(path.join(ROOT, 'examples'), '.cpom')];
const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schemas/cpom-v1.schema.json'), 'utf8')) as Record<string, unknown>;

// `strict: true`: the schema itself must be clean (no unknown keyword, no ambiguous type).
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(SCHEMA);

function schemaErrors(value: unknown): string[] {
    return validate(value) ? [] : (validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

interface Exported {
    readonly file: string;
    readonly contract: ast.Contrat;
    readonly avenants: ast.Avenant[];
    readonly json: CpomJson;
    readonly text: string;
}

/** Loads files as `cpom check` does and exports every contract they declare, with its avenants. */
async function exportFiles(files: readonly string[], source?: ContractSource): Promise<Exported[]> {
    const services = createServices();
    const workspace = await loadWorkspace(services, files, () => {}, source);
    const index = services.Cpom.cpom.WorkspaceIndex;
    const result: Exported[] = [];
    for (const file of workspace.files) {
        const root = file.document.parseResult.value;
        if (!ast.isCpomFile(root)) continue;
        for (const contract of root.elements.filter(ast.isContrat)) {
            const avenants = index.avenantsOf(contract);
            const json = exportContract(contract, avenants);
            result.push({ file: file.path, contract, avenants, json, text: serialiseJson(json) });
        }
    }
    return result;
}

/** Parses one text in memory (no imports) and exports its first contract. */
async function exportText(text: string): Promise<CpomJson> {
    const { shared } = createCpomServices(EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///hostile.cpom'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const root = document.parseResult.value as ast.CpomFile;
    expect(document.parseResult.parserErrors).toEqual([]);
    const contract = root.elements.find(ast.isContrat)!;
    return exportContract(contract, root.elements.filter(ast.isAvenant));
}

let exported: Map<string, Exported>;

beforeAll(async () => {
    exported = new Map((await exportFiles(CONTRACT_FILES)).map(e => [e.contract.name, e]));
});

describe('JSON export of the bundled contracts', () => {
    it('exports the four contracts, with the avenants of each', () => {
        expect([...exported.keys()].sort()).toEqual([
            'CPOM_EHPAD_JARDINS_PERIGORD_2019', 'CPOM_ESTUAIRE_HANDICAP_2021', 'CPOM_LES_SOURCES_2019', 'CPOM_MESSIDOR_2013',
        ]);
        expect(exported.get('CPOM_LES_SOURCES_2019')!.json.contract.avenants.map(a => a.number)).toEqual([1, 2]);
        expect(exported.get('CPOM_MESSIDOR_2013')!.json.contract.avenants).toEqual([]);
    });

    it.each(['CPOM_MESSIDOR_2013', 'CPOM_LES_SOURCES_2019', 'CPOM_EHPAD_JARDINS_PERIGORD_2019', 'CPOM_ESTUAIRE_HANDICAP_2021'])(
        '%s validates against schemas/cpom-v1.schema.json', (name) => {
            expect(schemaErrors(JSON.parse(exported.get(name)!.text))).toEqual([]);
        });

    it.each(['CPOM_MESSIDOR_2013', 'CPOM_LES_SOURCES_2019', 'CPOM_EHPAD_JARDINS_PERIGORD_2019', 'CPOM_ESTUAIRE_HANDICAP_2021'])(
        '%s matches its golden file (UPDATE_GOLDEN=1 rewrites it)', (name) => {
            const golden = path.join(ROOT, 'tests/golden', `${name}.json`);
            const text = exported.get(name)!.text;
            if (process.env.UPDATE_GOLDEN === '1') {
                writeFileSync(golden, text);
            }
            expect(text).toBe(readFileSync(golden, 'utf8'));
        });

    it('writes the header: $schema (the $id of the schema), format version, generator', () => {
        const { json } = exported.get('CPOM_MESSIDOR_2013')!;
        expect(Object.keys(json)).toEqual(['$schema', 'formatVersion', 'generator', 'contract']);
        expect(json.$schema).toBe(SCHEMA.$id);
        expect(json.$schema).toBe(CPOM_JSON_SCHEMA_ID);
        expect(json.formatVersion).toBe(1);
        const pkg = JSON.parse(readFileSync(path.join(ROOT, 'packages/generator/package.json'), 'utf8')) as { name: string; version: string };
        expect(json.generator).toEqual({ name: pkg.name, version: pkg.version });
        expect([GENERATOR_NAME, GENERATOR_VERSION]).toEqual([pkg.name, pkg.version]);
    });

    it('is deterministic: two exports, and an export from a workspace loaded in another order, are byte-identical', async () => {
        for (const { contract, avenants, text } of exported.values()) {
            expect(serialiseJson(exportContract(contract, avenants))).toBe(text);
            // Avenants given in any order are exported by number.
            expect(serialiseJson(exportContract(contract, [...avenants].reverse()))).toBe(text);
        }
        const again = new Map((await exportFiles([...CONTRACT_FILES].reverse())).map(e => [e.contract.name, e.text]));
        for (const [name, { text }] of exported) {
            expect(again.get(name)).toBe(text);
        }
    });

    it('returns plain data: what JSON.parse gives back, without undefined properties; 2-space indentation and a final newline', () => {
        for (const { json, text } of exported.values()) {
            expect(JSON.parse(text)).toStrictEqual(json);
            expect(text.endsWith('}\n')).toBe(true);
            expect(text.split('\n')[1]).toMatch(/^ {2}"\$schema"/);
        }
    });

    it('refers only to parties, establishments, funding lines and indicators declared in the document', () => {
        for (const [name, { json }] of exported) {
            const c = json.contract;
            const declared = new Set<string>([
                c.parties.gestionnaire!.id,
                ...c.parties.authorities.map(a => a.id),
                ...c.perimeter.establishments.map(e => e.id),
                ...c.funding.lines.map(l => l.id),
                ...c.axes.flatMap(a => a.objectives.flatMap(o => o.indicators.map(i => i.id))),
                ...c.avenants.flatMap(a => [...a.authorities.map(x => x.id), ...a.addedEstablishments.map(e => e.id), ...a.funding.lines.map(l => l.id)]),
            ]);
            const fundings = [c.funding, ...c.avenants.map(a => a.funding)];
            const referred = [
                ...c.engagement.autoriteRegulationEngagement.map(a => a.authorityId),
                ...[c.parties.signatories, ...c.avenants.map(a => a.signatories)].flat().map(s => s.party),
                ...[c.perimeter.establishments, ...c.avenants.map(a => a.addedEstablishments)].flat().flatMap(e => e.tarificationAuthorities),
                ...c.axes.flatMap(a => a.objectives.flatMap(o => [...o.establishments, ...o.actions.flatMap(x => x.establishments)])),
                ...fundings.flatMap(f => [
                    ...f.lines.flatMap(l => [l.payer!, ...l.establishments, ...l.distributions.flatMap(d => d.shares.map(s => s.establishment))]),
                    ...f.cnr.flatMap(x => [x.establishment, x.payer]),
                    ...f.modulations.flatMap(m => [m.fundingLine, m.indicator]),
                ]),
                ...c.followUp.committees.flatMap(x => x.members),
                ...c.avenants.flatMap(a => a.withdrawnEstablishments),
            ].filter((id): id is string => id !== undefined);
            expect(referred.length, name).toBeGreaterThan(10);
            expect(referred.filter(id => !declared.has(id)), name).toEqual([]);
            // Each authority appears once in the document.
            const authorities = [...c.parties.authorities, ...c.avenants.flatMap(a => a.authorities)].map(a => a.id);
            expect(new Set(authorities).size, name).toBe(authorities.length);
        }
    });
});

describe('JSON export: values', () => {
    it('MESSIDOR: gestionnaire, 13 establishments, 11 objectives, the 2013 distribution adds up to the 2013 amount', () => {
        const c = exported.get('CPOM_MESSIDOR_2013')!.json.contract;
        expect(c.parties.gestionnaire).toMatchObject({ id: 'MESSIDOR', numFinessPm: '690799994', legalStatus: 'association' });
        expect(c.perimeter.establishments).toHaveLength(13);
        expect(c.perimeter.establishments[0]).toMatchObject({
            id: 'ESAT_LYON_GERLAND', numFinessEge: '690999016', department: '69',
            categorieEntiteGeographique: { code: 246, key: 'ESAT' }, capacities: [{ authorised: 39, funded: 39, unit: 'places' }],
            tarificationAuthorities: ['ARS_RA'],
        });
        expect(c.axes).toHaveLength(7);
        expect(c.axes.flatMap(a => a.objectives)).toHaveLength(11);
        const dgc = c.funding.lines.find(l => l.id === 'DGC')!;
        expect(dgc).toMatchObject({ nature: 'dotation_globalisee_commune', fundingSource: 'etat', payer: 'ARS_RA' });
        expect(dgc.amounts.map(a => a.year)).toEqual([2013, 2014, 2015, 2016, 2017]);
        expect(dgc.amounts[0]).toStrictEqual({ year: 2013, amount: 4150000 });
        expect(dgc.amounts[3].amount).toBe(4275749.15);
        const split = dgc.distributions.find(d => d.year === 2013)!;
        expect(split.shares).toHaveLength(13);
        const cents = (x: number) => Math.round(x * 100);
        expect(split.shares.reduce((sum, s) => sum + cents(s.amount), 0)).toBe(cents(dgc.amounts[0].amount));
        expect(split.shares[0]).toStrictEqual({ establishment: 'ESAT_LYON_GERLAND', amount: 469130.48 });
        expect(c.engagement).toEqual({
            typeEngagement: 'CONV', sousTypeEngagement: 'CPM', identifiantEngagement: 'CPOM_MESSIDOR_2013', nomEngagement: c.title,
            dateEffetEngagement: '2013-01-01', dateSignatureEngagement: '2013-06-20', dateFinEngagement: '2017-12-31',
            autoriteRegulationEngagement: [{ authorityId: 'ARS_RA' }],
        });
        expect(c.departments).toEqual(['69', '38', '42', '26', '74']);
        expect(c.funding.headOfficeCosts).toEqual([{ rate: { value: 5.8, unit: 'percent' }, authorisationDate: '2011-12-15' }]);
        expect(c.funding.cnr[2]).toStrictEqual({ title: 'Formation des moniteurs d\'atelier à l\'accompagnement du handicap psychique', year: 2015, amount: 25000, payer: 'ARS_RA' });
        expect(c.followUp.transmissions).toEqual([{ document: 'rapport_activite', day: 30, month: 4 }]);
        const indicator = c.axes[1].objectives[0].indicators[0];
        expect(indicator).toMatchObject({ id: 'REALISATION', unit: '%', direction: 'hausse', baseline: { year: 2012, value: 95, unit: 'percent' } });
        expect(indicator.targets[3]).toStrictEqual({ year: 2016, value: 97.5, unit: 'percent' });
    });

    it('amounts: cents exactly, daily tariffs flagged perDay', () => {
        const c = exported.get('CPOM_EHPAD_JARDINS_PERIGORD_2019')!.json.contract;
        const tariff = c.funding.lines.find(l => l.nature === 'tarif_hebergement')!;
        expect(tariff.kind).toBe('tarif');
        expect(tariff.amounts.every(a => a.perDay === true)).toBe(true);
        expect(c.funding.lines.find(l => l.id === 'FGS')!.amounts.some(a => 'perDay' in a)).toBe(false);
        for (const { json } of exported.values()) {
            const lines = [json.contract.funding, ...json.contract.avenants.map(a => a.funding)].flatMap(f => f.lines);
            for (const amount of lines.flatMap(l => [...l.amounts, ...l.distributions.flatMap(d => d.shares)]).map(a => a.amount)) {
                expect(Number.isInteger(Math.round(amount * 100))).toBe(true);
                expect(Math.abs(amount * 100 - Math.round(amount * 100))).toBeLessThan(1e-6);
            }
        }
        expect(c.perimeter.establishments[2].habilitationAideSociale).toEqual({ places: 20 });
        expect(c.perimeter.establishments[0].habilitationAideSociale).toEqual({ scope: 'totale' });
        expect(c.parties.signatories[2]).toEqual({ party: 'LES_JARDINS', role: "Présidente de l'association", person: 'Mme Hélène Marchand' });
        expect(c.funding.modulations[0]).toMatchObject({ fundingLine: 'FGS', criterion: 'taux_occupation', indicator: 'OCC_HP', abattement: { value: 50, unit: 'percent' } });
    });

    it('catalogues and avenants: catalogue entries by CATALOGUE.NAME, selon inherited, authorities where they enter', () => {
        const c = exported.get('CPOM_LES_SOURCES_2019')!.json.contract;
        expect(c.perimeter.establishments[0]).toMatchObject({
            id: 'COTE_DOR.IME_DIJON', catalogue: 'COTE_DOR', numFinessEge: '210999017',
            categorieEntiteGeographique: { code: 183, key: 'IME', label: 'Institut médico-éducatif' },
        });
        expect(c.parties.authorities.map(a => a.id)).toEqual(['COTE_DOR.ARS_BFC']);
        const occ = c.axes[0].objectives[0].indicators[0];
        expect(occ).toMatchObject({
            id: 'OCC', basedOn: 'ANAP.TAUX_OCCUPATION', title: "Taux d'occupation des lits ou places financés", unit: '%', direction: 'hausse',
        });
        expect(occ.formula).toContain('R.314-43-2');
        const [first, second] = c.avenants;
        expect(first).toMatchObject({ number: 1, effectDate: '2021-01-01', signatureDate: '2020-12-10', withdrawnEstablishments: [] });
        expect(first.authorities).toEqual([{ id: 'CD21', kind: 'departement', department: '21', name: "Département de la Côte-d'Or" }]);
        expect(first.addedEstablishments.map(e => [e.id, e.numFinessEge, e.tarificationAuthorities])).toEqual([['SAMSAH_DIJON', '210999041', ['COTE_DOR.ARS_BFC', 'CD21']]]);
        expect(first.funding.cnr).toEqual([{ title: 'Véhicule adapté pour les interventions à domicile', year: 2021, amount: 32000, establishment: 'SAMSAH_DIJON', payer: 'CD21' }]);
        expect(second).toMatchObject({ number: 2, prorogationEndDate: '2024-12-31', withdrawnEstablishments: ['ITEP_BEAUNE'], authorities: [] });
        expect(second.funding.lines.map(l => l.id)).toEqual(['DGC_2024', 'FS_SAMSAH_2024', 'DG_SAMSAH_2024']);
        expect(second.funding.lines[0].distributions[0].shares.map(s => s.establishment)).toEqual(['COTE_DOR.IME_DIJON', 'SESSAD_DIJON']);
    });

    it('refuses an avenant of another contract', () => {
        const sources = exported.get('CPOM_LES_SOURCES_2019')!;
        const messidor = exported.get('CPOM_MESSIDOR_2013')!;
        expect(() => exportContract(messidor.contract, sources.avenants)).toThrow(/amends CPOM_LES_SOURCES_2019/);
    });
});

describe('JSON export: hostile strings', () => {
    // Each replacement is written in .cpom syntax (escapes as the language reads them) and read back as `expected`.
    const HOSTILE = [
        { cpom: String.raw`"Guillemets \"doubles\", 'simples', « français » et “anglais”"`, expected: 'Guillemets "doubles", \'simples\', « français » et “anglais”' },
        { cpom: String.raw`"Barres obliques inverses \\ C:\\cpom\\n \\u0041 \\"`, expected: 'Barres obliques inverses \\ C:\\cpom\\n \\u0041 \\' },
        { cpom: '"<script>alert(\'x\')</script> </p><b onclick=\\"x()\\">&amp; & ]]> -->"', expected: '<script>alert(\'x\')</script> </p><b onclick="x()">&amp; & ]]> -->' },
        { cpom: '"Contrôle\u0001\u0007\u001b\u007f\u0000 tab\tnewline\nCR\r fin"', expected: 'Contrôle\u0001\u0007\u001b\u007f\u0000 tab\tnewline\nCR\r fin' },
        // Only \" and \\ are escapes: other backslashes are kept as typed (a pasted Windows path survives).
        { cpom: String.raw`"Échappements \t \n \0 gardés tels quels"`, expected: String.raw`Échappements \t \n \0 gardés tels quels` },
        { cpom: '"Emoji 😀 👩🏽‍⚕️ 🇫🇷, séparateurs \u2028 \u2029, espaces \u00a0\u202f, zéro\u200bwidth, RTL \u202e"', expected: 'Emoji 😀 👩🏽‍⚕️ 🇫🇷, séparateurs \u2028 \u2029, espaces \u00a0\u202f, zéro\u200bwidth, RTL \u202e' },
    ];
    const seed = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
    const targets = [
        '"CPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017"',
        '"Association MESSIDOR"',
        '"ESAT MESSIDOR Lyon Gerland"',
        '"Direction générale"',
        '"Rapport d\'activité"',
        '"Registre des conventions tenu par le siège"',
    ];

    it('survive the export and a JSON round trip unchanged, and the document still validates', async () => {
        let text = seed;
        targets.forEach((target, i) => {
            expect(text.includes(target)).toBe(true);
            text = text.replace(target, HOSTILE[i].cpom);
        });
        const json = await exportText(text);
        const c = json.contract;
        const read = [
            c.title,
            c.parties.gestionnaire!.denominationPm,
            c.perimeter.establishments[0].nomEgeLong,
            c.axes[0].objectives[0].actions[0].lead,
            c.axes[0].objectives[1].indicators[0].source,
            c.axes[0].objectives[0].indicators[0].source,
        ];
        expect(read).toEqual(HOSTILE.map(h => h.expected));
        const serialised = serialiseJson(json);
        // JSON text carries no raw control character: only the newlines of the indentation.
        // eslint-disable-next-line no-control-regex
        expect(serialised).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
        const back = JSON.parse(serialised) as CpomJson;
        expect(back).toStrictEqual(json);
        expect([back.contract.title, back.contract.parties.gestionnaire!.denominationPm]).toEqual([HOSTILE[0].expected, HOSTILE[1].expected]);
        expect(schemaErrors(back)).toEqual([]);
        // Lone surrogates (not in any text read as UTF-8, but possible in a string built by a program) are escaped.
        const lone = serialiseJson({ s: 'a\ud800b\udfffc' });
        expect(lone).toContain('\\ud800');
        expect((JSON.parse(lone) as { s: string }).s).toBe('a\ud800b\udfffc');
    });
});

describe('JSON Schema cpom-v1', () => {
    it('is versioned and documented: draft 2020-12, $id with v1, title and description on every property, no additional properties', () => {
        expect(SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(SCHEMA.$id).toMatch(/cpom-v1\.schema\.json$/);
        const problems: string[] = [];
        const walk = (node: unknown, where: string): void => {
            if (Array.isArray(node)) {
                node.forEach((n, i) => walk(n, `${where}/${i}`));
                return;
            }
            if (node === null || typeof node !== 'object') return;
            const schema = node as Record<string, unknown>;
            if (schema.type === 'object' && schema.additionalProperties !== false) problems.push(`${where}: additionalProperties is not false`);
            if (schema.properties && typeof schema.properties === 'object') {
                for (const [name, property] of Object.entries(schema.properties as Record<string, Record<string, unknown>>)) {
                    if (typeof property.title !== 'string' || typeof property.description !== 'string' || property.description.length < 10) {
                        problems.push(`${where}/properties/${name}: no title or description`);
                    }
                }
            }
            for (const [key, value] of Object.entries(schema)) {
                if (key !== 'enum' && key !== 'const') walk(value, `${where}/${key}`);
            }
        };
        walk(SCHEMA, '#');
        expect(problems).toEqual([]);
    });

    it('orders the keys of every exported object as the schema lists its properties', () => {
        const resolve = (schema: Record<string, unknown>): Record<string, unknown> => {
            const target = schema.$ref as string | undefined;
            return target ? resolve((SCHEMA.$defs as Record<string, Record<string, unknown>>)[target.replace('#/$defs/', '')]) : schema;
        };
        const problems: string[] = [];
        const walk = (value: unknown, node: Record<string, unknown>, where: string): void => {
            const schema = resolve(node);
            if (Array.isArray(value)) {
                value.forEach((v, i) => walk(v, schema.items as Record<string, unknown>, `${where}/${i}`));
                return;
            }
            if (value === null || typeof value !== 'object') return;
            const branches = (schema.oneOf as Array<Record<string, unknown>> | undefined) ?? [schema];
            const keys = Object.keys(value);
            const branch = branches.find(b => keys.every(k => k in (b.properties as object))) ?? branches[0];
            const order = Object.keys(branch.properties as object);
            const positions = keys.map(k => order.indexOf(k));
            if (positions.some((p, i) => p < 0 || (i > 0 && p < positions[i - 1]))) problems.push(`${where}: ${keys.join(', ')}`);
            for (const key of keys) {
                walk((value as Record<string, unknown>)[key], (branch.properties as Record<string, Record<string, unknown>>)[key], `${where}/${key}`);
            }
        };
        for (const { json } of exported.values()) {
            walk(json, SCHEMA, '#');
        }
        expect(problems).toEqual([]);
    });

    it('rejects what a reader must not receive: wrong FINESS, non-ISO date, unknown field, missing field', () => {
        const base = JSON.parse(exported.get('CPOM_MESSIDOR_2013')!.text) as CpomJson;
        const variant = (change: (json: CpomJson) => void): string[] => {
            const copy = structuredClone(base);
            change(copy);
            return schemaErrors(copy);
        };
        expect(variant(() => {})).toEqual([]);
        expect(variant(j => { j.contract.parties.gestionnaire!.numFinessPm = '69 079 999 4'; })).not.toEqual([]);
        expect(variant(j => { j.contract.perimeter.establishments[0].numFinessEge = '2C0000154'; })).not.toEqual([]);
        expect(variant(j => { j.contract.perimeter.establishments[0].numFinessEge = '2A0000154'; })).toEqual([]);
        expect(variant(j => { j.contract.engagement.dateEffetEngagement = '01/01/2013'; })).not.toEqual([]);
        expect(variant(j => { j.contract.engagement.dateFinEngagement = '2017-13-31'; })).not.toEqual([]);
        expect(variant(j => { (j.contract as unknown as Record<string, unknown>).extra = 1; })).not.toEqual([]);
        expect(variant(j => { delete (j.contract.funding.lines[0] as Partial<typeof j.contract.funding.lines[0]>).amounts; })).not.toEqual([]);
        expect(variant(j => { (j.contract.funding.lines[0] as { nature: string }).nature = 'dotation_globalisée_commune'; })).not.toEqual([]);
        expect(variant(j => { (j as { formatVersion: number }).formatVersion = 2; })).not.toEqual([]);
    });
});

describe('JSON export of contracts with errors', () => {
    it('never throws on the rule fixtures (valid or not) and always gives parseable JSON', async () => {
        const fixtures = ruleFixtureFiles();
        expect(fixtures.length).toBeGreaterThan(50);
        const all = await exportFiles(fixtures.map(checkedPath), fixtureSource(fixtures));
        expect(all.length).toBeGreaterThan(50);
        for (const { text } of all) {
            expect(() => JSON.parse(text)).not.toThrow();
        }
    });
});
