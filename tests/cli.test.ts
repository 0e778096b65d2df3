/** `cpom check` end to end: formats, exit codes, languages, config, cross-file loading. */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { runCpom, writeUnder } from './cli-run.js';

const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
let dir: string;

interface Run { code: number; stdout: string; stderr: string }

async function cpom(args: string[], cwd = dir): Promise<Run> {
    return runCpom(args, cwd);
}

function write(name: string, text: string): string {
    return writeUnder(dir, name, text);
}

/** Line (1-based) of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
    return text.split('\n').findIndex(l => l.includes(needle)) + 1;
}

/** The base contract under another name, so that several variants can be checked together. */
function variant(name: string): string {
    return BASE.replace(/CPOM_MESSIDOR_2013/g, name);
}

const WRONG_KEY = variant('WRONG_KEY').replace('finess 260999016', 'finess 260999017');
const SIX_YEARS = variant('SIX_YEARS').replace('fin 2017-12-31', 'fin 2018-12-31');
const NOT_SIGNING = variant('NOT_SIGNING')
    .replace('autorite ARS_RA ars', 'autorite CD26 departement 26 "Département de la Drôme"\n    autorite ARS_RA ars')
    .replace(/(etablissement ESAT_VALENCE[\s\S]*?)tarification ARS_RA/, '$1tarification ARS_RA, CD26');

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpom-cli-'));
    write('clean/base.cpom', BASE);
    write('bad/wrong-key.cpom', WRONG_KEY);
    write('bad/six-years.cpom', SIX_YEARS);
    write('bad/not-signing.cpom', NOT_SIGNING);
});

afterAll(() => { /* temp folder left for inspection on failure; the OS cleans it */ });

describe('exit codes', () => {
    it('exits 0 on a clean contract', async () => {
        const run = await cpom(['check', 'clean/base.cpom']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('1 fichier vérifié : 0 erreur');
    });

    it('exits 1 with a French message at the line of a wrong FINESS key', async () => {
        const run = await cpom(['check', 'bad/wrong-key.cpom']);
        expect(run.code).toBe(1);
        const line = lineOf(WRONG_KEY, '260999017');
        expect(run.stdout).toContain(`bad/wrong-key.cpom:${line}:20 erreur CPOM041 La clé du numéro FINESS 260999017 est fausse`);
        expect(run.stdout).toContain('260999016');
    });

    it('exits 1 on a six-year term under the verified L.313-11, at the end date', async () => {
        const run = await cpom(['check', 'bad/six-years.cpom', '--droit-au', '2023-01-01']);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain(`bad/six-years.cpom:${lineOf(SIX_YEARS, 'fin 2018')}:9 erreur CPOM011 Le contrat court du 1er janvier 2013 au 31 décembre 2018, soit plus de cinq ans`);
        // Under the L.313-11 of 2013 (known from a secondary source only), the same term is a warning.
        const own = await cpom(['check', 'bad/six-years.cpom']);
        expect(own.stdout).toContain(`bad/six-years.cpom:${lineOf(SIX_YEARS, 'fin 2018')}:9 avertissement CPOM011`);
    });

    it('exits 1 when a tarification authority does not sign, under the verified L.313-11', async () => {
        const run = await cpom(['check', 'bad/not-signing.cpom', '--droit-au', '2023-01-01']);
        expect(run.code).toBe(1);
        const line = lineOf(NOT_SIGNING, 'tarification ARS_RA, CD26');
        expect(run.stdout).toMatch(new RegExp(`bad/not-signing.cpom:${line}:\\d+ erreur CPOM020 « [^»]+ » \\(CD26\\), autorité de tarification de « ESAT MESSIDOR Valence » \\(ESAT_VALENCE\\), ne signe pas le contrat : ajoutez CD26 aux signataires`));
        // Under the L.313-11 of 2013 (not read in the text), the same omission is a warning.
        const own = await cpom(['check', 'bad/not-signing.cpom']);
        expect(own.stdout).toMatch(new RegExp(`bad/not-signing.cpom:${line}:\\d+ avertissement CPOM020`));
    });

    it('exits 2 on a missing file, with a clear message', async () => {
        const run = await cpom(['check', 'nowhere.cpom']);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('fichier ou dossier introuvable : « nowhere.cpom »');
        expect(run.stdout).toBe('');
    });

    it('exits 2 when a folder holds no contract', async () => {
        mkdirSync(path.join(dir, 'empty'), { recursive: true });
        const run = await cpom(['check', 'empty']);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('aucun contrat .cpom trouvé');
    });

    it('exits 2 on a glob that matches nothing and on an unknown option', async () => {
        expect((await cpom(['check', 'nothing/**/*.cpom'])).code).toBe(2);
        expect((await cpom(['check', '--frobnicate', 'clean'])).code).toBe(2);
        expect((await cpom(['check', '--format', 'xml', 'clean'])).code).toBe(2);
        expect((await cpom([])).code).toBe(2);
    });

    it('accepts folders and globs', async () => {
        const run = await cpom(['check', 'bad', '--format', 'json']);
        expect(JSON.parse(run.stdout).summary.files).toBe(3);
        const glob = await cpom(['check', '**/base.cpom', '--format', 'json']);
        expect(JSON.parse(glob.stdout).summary.files).toBe(1);
    });

    it('counts warnings against --max-warnings', async () => {
        const unused = BASE.replace('autorite ARS_RA ars', 'autorite CD69 departement 69 "Département du Rhône"\n    autorite ARS_RA ars');
        write('warn/unused.cpom', unused);
        expect((await cpom(['check', 'warn/unused.cpom'])).code).toBe(0);
        expect((await cpom(['check', 'warn/unused.cpom', '--max-warnings', '1'])).code).toBe(0);
        const over = await cpom(['check', 'warn/unused.cpom', '--max-warnings', '0']);
        expect(over.code).toBe(1);
        expect(over.stderr).toContain("trop d'avertissements");
    });

    it('--droit-au reads the law at another date than the contract\'s', async () => {
        // The base contract (effect 2013) under L.313-12-2: an error at its own date, none under the law of 2020.
        write('law/frame.cpom', BASE.replace('cadre L313-11', 'cadre L313-12-2'));
        const own = await cpom(['check', 'law/frame.cpom', '--format', 'json']);
        expect(own.code).toBe(1);
        expect(own.stdout).toContain('CPOM017');
        const later = await cpom(['check', 'law/frame.cpom', '--droit-au', '2020-01-01', '--format', 'json']);
        expect(later.stdout).not.toContain('CPOM017');
        expect(later.code).toBe(0);
        const bad = await cpom(['check', 'law/frame.cpom', '--droit-au', '2013-02-30']);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('AAAA-MM-JJ');
    });
});

describe('safety', () => {
    it('never writes the report over a contract', async () => {
        const run = await cpom(['check', 'clean/base.cpom', '-o', 'clean/base.cpom']);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("refus d'écrire sur « clean/base.cpom » : c'est un contrat");
        expect(readFileSync(path.join(dir, 'clean/base.cpom'), 'utf8')).toBe(BASE);
    });

    it('reads a file saved as Windows-1252, and says so', async () => {
        // Windows-1252 is Latin-1 plus, among others, € at 0x80 and – at 0x96.
        const text = variant('LATIN1').replace('perimetre {', 'périmètre {');
        const latin1 = Buffer.from([...text].map(c => (c === '€' ? 0x80 : c === '–' ? 0x96 : c.charCodeAt(0))));
        writeFileSync(path.join(dir, 'latin1.cpom'), latin1);
        const run = await cpom(['check', 'latin1.cpom']);
        expect(run.stderr).toContain("n'est pas en UTF-8 valide : lu comme Windows-1252");
        expect(run.stdout).toContain(' 0 erreur,');
        expect(run.code).toBe(0);
    });
});

describe('languages', () => {
    it('speaks English on request', async () => {
        const run = await cpom(['check', 'bad/wrong-key.cpom', '--lang', 'en']);
        expect(run.stdout).toContain('error CPOM041 The key of FINESS number 260999017 is wrong');
        expect(run.stdout).toContain('1 file checked: 1 error');
    });
});

describe('formats', () => {
    it('json carries a format version and 1-based positions', async () => {
        const run = await cpom(['check', 'bad/wrong-key.cpom', '--format', 'json']);
        const report = JSON.parse(run.stdout);
        expect(report.formatVersion).toBe(1);
        expect(report.summary).toEqual({ files: 1, errors: 1, warnings: 0, infos: 0 });
        const d = report.files[0].diagnostics[0];
        expect(d).toMatchObject({ code: 'CPOM041', name: 'finess-key', severity: 'error' });
        expect(d.range.start).toEqual({ line: lineOf(WRONG_KEY, '260999017'), column: 20 });
    });

    it('sarif 2.1.0 has stable rule ids, rule metadata and the right region', async () => {
        const run = await cpom(['check', 'bad/wrong-key.cpom', '--format', 'sarif']);
        const sarif = JSON.parse(run.stdout);
        expect(sarif.version).toBe('2.1.0');
        const driver = sarif.runs[0].tool.driver;
        const result = sarif.runs[0].results[0];
        expect(result.ruleId).toBe('CPOM041');
        expect(driver.rules[result.ruleIndex].id).toBe('CPOM041');
        expect(driver.rules[result.ruleIndex].helpUri).toMatch(/^file:\/\/.*docs\/rules\/CPOM041\.md$/);
        expect(driver.rules[result.ruleIndex].help.markdown).toContain('Luhn');
        expect(result.level).toBe('error');
        expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: lineOf(WRONG_KEY, '260999017'), startColumn: 20 });
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('bad/wrong-key.cpom');
    });

    it('github annotations are workflow commands with escaped data', async () => {
        const run = await cpom(['check', 'bad/wrong-key.cpom', '--format', 'github']);
        expect(run.stdout).toMatch(/^::error file=bad\/wrong-key\.cpom,line=\d+,col=20,endLine=\d+,endColumn=\d+,title=CPOM041 finess-key::La clé/);
        expect(run.stdout.trim().split('\n')).toHaveLength(1);
    });

    it('junit is well-formed XML with one failure per diagnostic', async () => {
        const run = await cpom(['check', 'bad', 'clean', '--format', 'junit']);
        expect(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
        expect(run.stdout.match(/<testsuite /g)).toHaveLength(4);
        expect(run.stdout).toContain('<failure message="La clé du numéro FINESS 260999017');
        expect(run.stdout).toContain('<testcase name="cpom check" classname="clean/base.cpom" time="0"/>');
    });

    it('writes the report to a file with -o, leaving no temporary file', async () => {
        const run = await cpom(['check', 'clean', '--format', 'sarif', '-o', 'out/report.sarif']);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('');
        expect(JSON.parse(readFileSync(path.join(dir, 'out/report.sarif'), 'utf8')).version).toBe('2.1.0');
        expect(readdirSync(path.join(dir, 'out'))).toEqual(['report.sarif']);
    });
});

describe('cpom.config.json', () => {
    it('switches a rule off or changes its severity, found by walking up', async () => {
        write('configured/cpom.config.json', JSON.stringify({ rules: { 'finess-key': 'warning' } }));
        write('configured/sub/wrong-key.cpom', WRONG_KEY);
        const run = await cpom(['check', 'configured', '--format', 'json']);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout).files[0].diagnostics[0]).toMatchObject({ code: 'CPOM041', severity: 'warning' });
        write('configured/cpom.config.json', JSON.stringify({ lang: 'en', rules: { CPOM041: 'off' } }));
        const off = await cpom(['check', 'configured', '--format', 'json']);
        expect(JSON.parse(off.stdout).summary.errors).toBe(0);
    });

    it('passes rule options: too-many-objectives with its own maximum', async () => {
        const twoObjectives = variant('TWO_OBJECTIVES').replace(/(        objectif O1_1[\s\S]*?\n        \}\n)/, (block: string) => block + block.replace(/O1_1/g, 'O1_2').replace(/SORTIES/g, 'SORTIES_2'));
        write('options/contract.cpom', twoObjectives);
        expect(JSON.parse((await cpom(['check', 'options', '--format', 'json'])).stdout).summary.warnings).toBe(0);
        write('options/cpom.config.json', JSON.stringify({ rules: { 'too-many-objectives': ['warning', { max: 1 }] } }));
        const report = JSON.parse((await cpom(['check', 'options', '--format', 'json'])).stdout);
        expect(report.files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['CPOM056']);
    });

    it('reports errors only with --quiet', async () => {
        write('quiet/unused.cpom', variant('QUIET').replace('autorite ARS_RA ars', 'autorite CD69 departement 69 "Département du Rhône"\n    autorite ARS_RA ars'));
        const loud = JSON.parse((await cpom(['check', 'quiet', '--format', 'json'])).stdout);
        const quiet = JSON.parse((await cpom(['check', 'quiet', '--format', 'json', '--quiet'])).stdout);
        expect(loud.summary.warnings).toBeGreaterThan(0);
        expect(quiet.summary.warnings).toBe(0);
    });

    it('takes its language from the config unless --lang says otherwise', async () => {
        write('english/cpom.config.json', JSON.stringify({ lang: 'en' }));
        write('english/wrong-key.cpom', WRONG_KEY);
        expect((await cpom(['check', 'english'])).stdout).toContain('The key of FINESS number');
        expect((await cpom(['check', 'english', '--lang', 'fr'])).stdout).toContain('La clé du numéro FINESS');
    });

    it('exits 2 on an invalid config, naming the problem', async () => {
        write('badconfig/cpom.config.json', JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
        write('badconfig/base.cpom', BASE);
        const run = await cpom(['check', 'badconfig']);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('règle inconnue « no-such-rule »');
        expect((await cpom(['check', 'badconfig', '--lang', 'en'])).stderr).toContain("unknown rule 'no-such-rule'");
        write('badconfig/cpom.config.json', '{ not json');
        expect((await cpom(['check', 'badconfig'])).stderr).toContain('JSON invalide');
        expect((await cpom(['check', 'badconfig', '--lang', 'en'])).stderr).toContain('invalid JSON');
    });
});

describe('workspace loading', () => {
    it('loads the files a contract imports, even when they are not named', async () => {
        write('multi/lib/etabs.cpom', `catalogue ETABS "Établissements partagés" {
    etablissement ESAT_ROMANS "ESAT de Romans" {
        finess 260999024
        categorie ESAT
        departement 26
        capacite 40 places
        tarification ARS_CAT
    }
    autorite ARS_CAT ars "ARS (catalogue)"
}
`);
        const contract = BASE.replace('// A small', 'importe "lib/etabs.cpom"\n// A small')
            .replace(/perimetre \{/, 'perimetre {\n        inclut ETABS.ESAT_ROMANS');
        write('multi/contract.cpom', contract);
        const run = await cpom(['check', 'multi/contract.cpom', '--format', 'json']);
        const report = JSON.parse(run.stdout);
        expect(report.summary.files).toBe(1);
        const codes = report.files[0].diagnostics.map((d: { code: string }) => d.code);
        // Resolved across files: the catalogue's authority must sign, the included establishment is unused.
        expect(codes).toContain('CPOM020');
        expect(codes).not.toContain('CPOM002');
    });

    it('explains an unresolved name that lives in a file that is not imported', async () => {
        const contract = BASE.replace(/perimetre \{/, 'perimetre {\n        inclut ETABS.ESAT_ROMANS');
        write('multi/not-imported.cpom', contract);
        const run = await cpom(['check', 'multi/not-imported.cpom', 'multi/lib']);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('CPOM002 « ETABS.ESAT_ROMANS » est introuvable parmi les établissements ; « ETABS.ESAT_ROMANS » est déclaré dans lib/etabs.cpom : importez ce fichier');
    });
});

describe('rules command', () => {
    it('lists rules and shows one page', async () => {
        const list = await cpom(['rules']);
        expect(list.stdout).toContain('CPOM041  error    C  finess-key');
        const page = await cpom(['rules', 'finess-key']);
        expect(page.stdout).toContain('# CPOM041 `finess-key`');
        // French first for French users (the English text follows), English first with --lang en.
        expect(page.stdout.indexOf('## Pourquoi')).toBeGreaterThan(0);
        expect(page.stdout.indexOf('## Pourquoi')).toBeLessThan(page.stdout.indexOf('## In English'));
        expect(page.stdout).toContain('| Gravité par défaut | erreur |');
        const english = await cpom(['rules', 'finess-key', '--lang', 'en']);
        expect(english.stdout.indexOf('## Why')).toBeGreaterThan(0);
        expect(english.stdout.indexOf('## Why')).toBeLessThan(english.stdout.indexOf('## En français'));
        expect((await cpom(['rules', 'CPOM999'])).code).toBe(2);
        expect(existsSync(path.join(ROOT, 'docs/rules/README.md'))).toBe(true);
    });
});
