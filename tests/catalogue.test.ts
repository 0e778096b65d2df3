/**
 * The typed catalogue: its compile-time checks (tests/types), the wording of the message variants that no fixture
 * reaches, the data the quick fixes read, and the schema of rule options in cpom.config.json.
 */
import { readRuleFixture } from './rule-fixtures.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
    ConfigError, createCpomServices, type DiagnosticCode, formatMessage, type Locale, readDiagnosticData, resolveConfig, RULES,
} from '@cpom/language';
import { main } from '../packages/cli/src/main.js';
import { filesUnder, ROOT } from './helpers.js';

/** The diagnostics of a text as the language server gets them, `data` included. */
async function validate(text: string, locale: Locale): Promise<Diagnostic[]> {
    const services = createCpomServices(EmptyFileSystem);
    services.Cpom.cpom.Settings.forcedLocale = locale;
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${locale}.cpom`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document.diagnostics ?? [];
}

describe('the catalogue types (tests/types/catalogue.type-test.ts)', () => {
    it('reject an unknown code, a missing parameter, a sentence in place of a variant and an undeclared option', () => {
        // Every `@ts-expect-error` of the file must meet an error: if the types loosen, tsc fails on the unused directive.
        const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
        const run = spawnSync(process.execPath, [tsc, '-p', 'tests/types', '--listFiles'], { cwd: ROOT, encoding: 'utf8' });
        const errors = run.stdout.split('\n').filter(line => /error TS\d+/.test(line));
        expect(errors).toEqual([]);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('tests/types/catalogue.type-test.ts');
    }, 120_000);
});

describe('the index of the catalogue', () => {
    it('lists every entry of the catalogue files once', () => {
        const validation = path.join(ROOT, 'packages/language/src/validation');
        const files = [path.join(validation, 'document.rules.ts'), path.join(validation, 'suppressions.rules.ts'), ...filesUnder(path.join(validation, 'rules'), '.rules.ts')];
        const defined = files.flatMap(f => [...readFileSync(f, 'utf8').matchAll(/^ {8}code: '(CPOM\d{3})'/gm)].map(m => m[1]));
        expect(defined.length).toBeGreaterThan(0);
        expect(new Set(defined).size).toBe(defined.length);
        expect([...RULES.map(r => r.code)].sort()).toEqual([...defined].sort());
    });
});

// Variants no fixture triggers, with the sentences the rules wrote themselves before they moved into the catalogue.
const WORDING: ReadonlyArray<{ code: DiagnosticCode; params: unknown; fr: string; en: string }> = [
    {
        code: 'CPOM003', params: { name: 'E', kind: 'etablissement', where: { variant: 'avenant', number: '2' } },
        fr: "Le nom « E » est déjà déclaré (établissement) dans l'avenant n° 2.",
        en: "The name 'E' is already declared (establishment) in amendment no. 2.",
    },
    {
        code: 'CPOM002', params: { name: 'X', kinds: 'Etablissement', hint: { variant: 'qualified', name: 'CAT.X' } },
        fr: '« X » est introuvable parmi les établissements ; écrivez « CAT.X ».',
        en: "'X' is not among the known establishments; write 'CAT.X'.",
    },
    {
        code: 'CPOM002', params: { name: 'X', kinds: 'other', hint: { variant: 'none' } },
        fr: '« X » est introuvable parmi les éléments.',
        en: "'X' is not among the known elements.",
    },
    {
        code: 'CPOM020', params: { authority: 'CD69', label: '« Département du Rhône » (CD69)', establishments: ['« FAM Lyon » (E1)', '« FAM Bron » (E2)', '« SAVS Lyon » (E3)'] },
        fr: '« Département du Rhône » (CD69), autorité de tarification de « FAM Lyon » (E1), « FAM Bron » (E2) et « SAVS Lyon » (E3), ne signe pas le contrat : ajoutez CD69 aux signataires.',
        en: '« Département du Rhône » (CD69), tarification authority of « FAM Lyon » (E1), « FAM Bron » (E2) and « SAVS Lyon » (E3), does not sign the contract: add CD69 to the signatories.',
    },
    {
        code: 'CPOM097', params: { detail: { variant: 'ivterWithoutEhpad' } },
        fr: "Le cadre L313-12-IVter est celui des CPOM d'EHPAD et de PUV, mais le périmètre n'en compte aucun : écrivez le cadre de ses établissements (`cadre L313-12-2`, `cadre L313-11`…).",
        en: 'Frame L313-12-IVter is that of EHPAD and PUV CPOM, but the perimeter has none: write the frame of its establishments (`cadre L313-12-2`, `cadre L313-11`…).',
    },
    {
        code: 'CPOM097', params: { detail: { variant: 'ehpadWithoutIvter', name: '« EHPAD Les Tilleuls » (EHPAD_A)' } },
        fr: "Le périmètre compte un EHPAD, « EHPAD Les Tilleuls » (EHPAD_A) : le CPOM relève du IV ter de l'article L.313-12 ; ajoutez L313-12-IVter à sa clause « cadre ».",
        en: "The perimeter has an EHPAD, « EHPAD Les Tilleuls » (EHPAD_A): the CPOM falls under L.313-12 IV ter; add L313-12-IVter to its 'cadre' clause.",
    },
    {
        code: 'CPOM097', params: { detail: { variant: 'chrsWithoutFrame', name: '« CHRS Le Phare » (CHRS_A)' } },
        fr: "Le périmètre compte un CHRS, « CHRS Le Phare » (CHRS_A) : son CPOM relève de l'article L.313-11-2 ; ajoutez L313-11-2 à la clause « cadre ».",
        en: "The perimeter has a CHRS, « CHRS Le Phare » (CHRS_A): its CPOM falls under L.313-11-2; add L313-11-2 to the 'cadre' clause.",
    },
    {
        code: 'CPOM082', params: { expected: 2015, actual: { variant: 'none', clause: 'evaluation_gmp_pmp 2015' } },
        fr: 'Le GMP et le PMP sont évalués la 3e année du contrat (2015) ; le contrat ne prévoit aucune évaluation : ajoutez `evaluation_gmp_pmp 2015` au suivi.',
        en: 'GMP and PMP are assessed in year 3 of the contract (2015); the contract plans no assessment: add `evaluation_gmp_pmp 2015` to the suivi.',
    },
    {
        code: 'CPOM064', params: { nature: 'dotation_esat', expected: ['ars', 'prefet'], name: '« Dotation » (L)', payer: '« Préfecture » (P)' },
        fr: "Un financement de nature « dotation d'ESAT » est versé par l'ARS et le préfet ; la ligne « Dotation » (L) a pour financeur « Préfecture » (P).",
        en: 'A ESAT dotation is paid by the ARS and the préfet; line « Dotation » (L) is paid by « Préfecture » (P).',
    },
    {
        code: 'CPOM026', params: { category: "« Foyer d'accueil médicalisé » (FAM)", expected: ['ars', 'departement'], establishment: '« FAM Lyon » (E)', actual: ['other'] },
        fr: "L'établissement « FAM Lyon » (E) est tarifé par une autorité qui n'est ni l'ARS, ni le département, ni le préfet, alors que la catégorie « Foyer d'accueil médicalisé » (FAM) l'est d'habitude par l'ARS et le département : vérifiez sa clause « tarification ».",
        en: "Establishment « FAM Lyon » (E) is tarified by an authority that is neither the ARS, the département nor the préfet, whereas category « Foyer d'accueil médicalisé » (FAM) usually is by the ARS and the département: check its 'tarification' clause.",
    },
    {
        code: 'CPOM133', params: { years: { variant: 'one' }, end: '2024-12-31', max: '2025-06-30' },
        fr: "Le contrat se dit prorogeable pour un an après le 31 décembre 2024 : la durée totale dépasserait six ans (fin au plus tard le 30 juin 2025) ; réduisez la durée de la clause « prorogeable ».",
        en: "The contract says it may be prorogued for one year after 31 December 2024: the total term would exceed six years (end on 30 June 2025 at the latest); shorten the 'prorogeable' clause.",
    },
    {
        code: 'CPOM131', params: { typed: '1/1/2024', iso: '2024-01-01', written: '2024-01-01' },
        fr: "La date 1/1/2024 est lue comme le 1er janvier 2024 ; le correctif l'écrit 2024-01-01 (année-mois-jour).",
        en: 'Date 1/1/2024 is read as 1 January 2024; the quick fix writes it 2024-01-01 (year-month-day).',
    },
    {
        code: 'CPOM060', params: { name: '« Dotation » (L)', years: [2014, 2015, 2016] },
        fr: "La ligne de financement « Dotation » (L) n'a pas de montant pour 2014, 2015 et 2016 : ajoutez-les à sa clause « montants ».",
        en: "Funding line « Dotation » (L) has no amount for 2014, 2015 and 2016: add them to its 'montants' clause.",
    },
];

describe('message variants keep the wording the rules had', () => {
    it.each(WORDING.flatMap(w => (['fr', 'en'] as const).map(locale => [`${w.code} ${JSON.stringify(w.params)} ${locale}`, w, locale] as const)))(
        '%s', (_name, w, locale: Locale) => {
            expect(formatMessage(w.code, w.params as never, locale)).toBe(w[locale]);
            // The values are what the catalogue declares, so an editor sending them back gets them typed.
            expect(readDiagnosticData({ code: w.code, params: w.params })).toBeDefined();
        });
});

describe('diagnostics carry their typed parameters as data', () => {
    it('CPOM060: the missing years as numbers, whatever the language', async () => {
        const { text } = readRuleFixture(path.join(ROOT, 'tests/fixtures/rules/CPOM060/triggers.patch'));
        for (const locale of ['fr', 'en'] as const) {
            const diagnostics = (await validate(text, locale)).filter(d => d.code === 'CPOM060');
            expect(diagnostics.length).toBeGreaterThan(0);
            for (const d of diagnostics) {
                const data = readDiagnosticData(d.data);
                expect(data?.code).toBe('CPOM060');
                const years = data?.code === 'CPOM060' ? data.params.years : [];
                expect(years.length).toBeGreaterThan(0);
                expect(years.every(y => Number.isInteger(y))).toBe(true);
            }
        }
    });

    it.each([
        ['years as the text of a list', { code: 'CPOM060', params: { name: 'L', years: '2014 et 2015' } }],
        ['a parameter missing', { code: 'CPOM060', params: { name: 'L' } }],
        ['an unknown code', { code: 'CPOM999', params: {} }],
        ['a label the catalogue does not have', { code: 'CPOM007', params: { kind: 'contract', name: 'X' } }],
        ['an unknown variant', { code: 'CPOM097', params: { detail: { variant: 'toString' } } }],
        ['a variant without its parameter', { code: 'CPOM097', params: { detail: { variant: 'chrsWithoutFrame' } } }],
        ['no params', { code: 'CPOM041' }],
        ['not an object', 'CPOM041'],
    ])('data sent back with %s is not read', (_name, data) => {
        expect(readDiagnosticData(data)).toBeUndefined();
    });
});

describe('rule options in cpom.config.json follow the rule schema', () => {
    it('accepts a valid option', () => {
        const config = resolveConfig({ rules: { 'too-many-objectives': ['warning', { max: 15 }] } });
        expect(config.options.get('CPOM056')).toEqual({ max: 15 });
    });

    it.each([
        ['an unknown option', { CPOM056: ['warning', { maxi: 15 }] }, ["CPOM056 (too-many-objectives) n'a pas d'option \"maxi\"", 'options possibles : max']],
        ['a number written as text', { 'too-many-objectives': ['warning', { max: '15' }] }, ['l\'option "max" de la règle CPOM056 (too-many-objectives) doit être un nombre entier supérieur ou égal à 1', 'valeur lue : "15"']],
        ['a decimal', { CPOM056: ['warning', { max: 2.5 }] }, ['doit être un nombre entier', 'valeur lue : 2.5']],
        ['zero', { CPOM056: ['warning', { max: 0 }] }, ['supérieur ou égal à 1', 'valeur lue : 0']],
        ['an option given to a rule without options', { CPOM041: ['error', { max: 3 }] }, ["CPOM041 (finess-key) n'a pas d'option \"max\" (cette règle n'a pas d'option)"]],
    ])('rejects %s with a French error naming the rule and the option', (_name, rules, fragments) => {
        let error: unknown;
        try {
            resolveConfig({ rules }, 'cpom.config.json');
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(ConfigError);
        for (const fragment of fragments) {
            expect((error as Error).message).toContain(fragment);
        }
    });

    const dir = mkdtempSync(path.join(tmpdir(), 'cpom-options-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('cpom check exits 2 on a bad option, as on any configuration error', async () => {
        mkdirSync(path.join(dir, 'bad'), { recursive: true });
        writeFileSync(path.join(dir, 'bad/cpom.config.json'), JSON.stringify({ rules: { 'too-many-objectives': ['warning', { max: 'douze' }] } }));
        writeFileSync(path.join(dir, 'bad/base.cpom'), readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8'));
        let stdout = '';
        let stderr = '';
        const code = await main(['check', 'bad'], { cwd: dir, stdout: t => { stdout += t; }, stderr: t => { stderr += t; }, version: '0.0.0-test' });
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toContain('l\'option "max" de la règle CPOM056 (too-many-objectives) doit être un nombre entier');
    });
});
