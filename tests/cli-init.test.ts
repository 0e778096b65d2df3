/**
 * `cpom init`: the skeleton it writes checks with no error under every frame, its places to complete are reported,
 * it is a fixed point of the formatter; bad values, existing files and a missing terminal stop it before anything
 * is written; the questions on a terminal (a scripted prompter) lead to the same skeleton.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../packages/cli/src/check.js';
import { UsageError } from '../packages/cli/src/errors.js';
import { createFormatterServices, formatText } from '../packages/cli/src/fmt-command.js';
import { main } from '../packages/cli/src/main.js';
import { INPUT_ENDED, type Prompter } from '../packages/cli/src/prompt.js';

let root: string;
let counter = 0;

interface Run { code: number; stdout: string; stderr: string }

async function cpom(args: string[], cwd: string, extra: Partial<CommandIO> = {}): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io: CommandIO = { cwd, stdout: t => { stdout += t; }, stderr: t => { stderr += t; }, version: '0.0.0-test', ...extra };
    const code = await main(args, io);
    return { code, stdout, stderr };
}

function freshDir(): string {
    const dir = path.join(root, `case-${counter++}`);
    mkdirSync(dir);
    return dir;
}

/** A prompter that answers from a script and records the questions. */
function scripted(answers: string[]): Prompter & { questions: string[] } {
    const questions: string[] = [];
    return {
        questions,
        ask: async question => {
            questions.push(question);
            if (answers.length === 0) throw new UsageError(INPUT_ENDED);
            return answers.shift()!;
        },
        close: () => undefined,
    };
}

beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'cpom-init-'));
});

/** `diagnostics`: the codes `cpom check` reports on the skeleton (warnings and infos the values imply), none an error. */
const SKELETONS: { name: string; args: string[]; file: string; diagnostics?: string[] }[] = [
    {
        name: 'L313-12-IVter: EHPAD, ARS and département',
        args: ['--cadre', 'L313-12-IVter', '--effet', '2027-01-01', '--gestionnaire', 'Association Les Jardins du Périgord', '--finess-gestionnaire', '240799999',
            '--etablissement', '240999011:EHPAD:80', '--etablissement', '240999029'],
        file: 'cpom-association-les-jardins-du-2027.cpom',
    },
    {
        name: 'L313-12-2: handicap, ARS alone and joint with the département',
        args: ['--cadre', 'L313-12-2', '--effet', '2027-01-01', '--fin', '2031-12-31', '--gestionnaire', 'Association "Estuaire" \\ Handicap', '--finess-gestionnaire', '440799997',
            '--etablissement', '440999019:IME:60', '--etablissement', '440999043:437:32', '--etablissement', '440999050:SAMSAH', '--etablissement', '440999027:SESSAD'],
        file: 'cpom-association-estuaire-handicap-2027.cpom',
    },
    {
        name: 'L313-12-2: ESAT in two départements (État funding)',
        args: ['--cadre', 'L313-12-2', '--effet', '2027-07-01', '--gestionnaire', 'Association X', '--finess-gestionnaire', '690 799 994',
            '--etablissement', '690999016:ESAT:120', '--etablissement', '260999016:esat', '--nom', 'CPOM_X'],
        file: 'cpom-x.cpom',
    },
    {
        name: 'L313-11: a département service and an ARS service',
        args: ['--cadre', 'L313-11', '--effet', '2028-01-01', '--gestionnaire', 'Fondation Y', '--finess-gestionnaire', '750799017',
            '--etablissement', '750999013:SAVS:40', '--etablissement', '440999068:SSIAD:30'],
        file: 'cpom-fondation-y-2028.cpom',
        diagnostics: ['CPOM025'], // two regions: said, not an error
    },
    {
        name: 'L313-11-1: SAAD (category from the frame)',
        args: ['--cadre', 'L313-11-1', '--effet', '2027-01-01', '--gestionnaire', 'Aide à domicile 13', '--finess-gestionnaire', '130999014', '--etablissement', '130999014'],
        file: 'cpom-aide-a-domicile-13-2027.cpom',
        diagnostics: ['CPOM044'], // one FINESS for the gestionnaire and its service: said as an info
    },
    {
        name: 'L313-11-2: CHRS in Corsica (préfet)',
        args: ['--cadre', 'l313-11-2', '--effet', '2027-01-01', '--gestionnaire', 'Association Z', '--finess-gestionnaire', '2a0999017', '--etablissement', '2A0999017:CHRS:25'],
        file: 'cpom-association-z-2027.cpom',
        diagnostics: ['CPOM044'],
    },
];

describe('cpom init writes a skeleton that checks with no error', () => {
    const formatter = createFormatterServices();
    for (const c of SKELETONS) {
        it(c.name, async () => {
            const dir = freshDir();
            const init = await cpom(['init', ...c.args], dir);
            expect(init.stderr).toBe('');
            expect(init.code).toBe(0);
            expect(readdirSync(dir).sort()).toEqual([c.file, 'cpom.config.json'].sort());
            const text = readFileSync(path.join(dir, c.file), 'utf8');

            const check = await cpom(['check', c.file, '--format', 'json'], dir);
            const report = JSON.parse(check.stdout) as { summary: { errors: number }; files: { diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; column: number } } }[] }[] };
            const diagnostics = report.files[0].diagnostics;
            expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
            expect(diagnostics.filter(d => d.code !== 'CPOM182').map(d => d.code)).toEqual(c.diagnostics ?? []);
            expect(check.code).toBe(0);
            // `cpom check` shows the places init lists, as infos: the skeleton is a draft, not signed.
            const places = diagnostics.filter(d => d.code === 'CPOM182');
            expect(places.every(d => d.severity === 'info')).toBe(true);
            expect(places.map(d => `${d.range.start.line}:${d.range.start.column}`)).toEqual(init.stdout.split('\n').filter(l => / info /.test(l)).map(l => /:(\d+:\d+) info /.exec(l)![1]));

            // Every place reported is an "À COMPLÉTER" at that place in the file, and every marker is reported.
            const lines = text.split('\n');
            const reported = init.stdout.split('\n').filter(l => / info /.test(l));
            const markers = lines.filter(l => !l.trimStart().startsWith('//')).join('\n').match(/À COMPLÉTER/g)!.length;
            expect(reported.length).toBe(markers);
            for (const line of reported) {
                const [, file, row, column] = /^(.*?):(\d+):(\d+) info À COMPLÉTER/.exec(line)!;
                expect(file).toBe(c.file);
                expect(lines[Number(row) - 1].slice(Number(column) - 1)).toMatch(/^À COMPLÉTER/);
            }
            expect(init.stdout).toContain(`${markers} places à compléter`);

            const formatted = await formatText(formatter, text, 'fr');
            expect(formatted).toMatchObject({ kind: 'formatted', changed: false });
            expect(JSON.parse(readFileSync(path.join(dir, 'cpom.config.json'), 'utf8'))).toEqual({ lang: 'fr', rules: {} });
        });
    }

    it('keeps the gestionnaire\'s name as typed, quotes and backslash escaped', async () => {
        const dir = freshDir();
        await cpom(['init', ...SKELETONS[1].args], dir);
        const text = readFileSync(path.join(dir, SKELETONS[1].file), 'utf8');
        expect(text).toContain('gestionnaire GESTIONNAIRE "Association \\"Estuaire\\" \\\\ Handicap"');
    });

    it('completes categories from the closed list (FINESS code 437 is a FAM) and joins the département where the category needs it', async () => {
        const dir = freshDir();
        await cpom(['init', ...SKELETONS[1].args], dir);
        const text = readFileSync(path.join(dir, SKELETONS[1].file), 'utf8');
        expect(text).toContain('catégorie FAM 437');
        expect(text).toMatch(/établissement FAM_440999043[\s\S]*?tarification ARS, DEPARTEMENT_44/);
        expect(text).toMatch(/service SESSAD_440999027[\s\S]*?tarification ARS\n/);
    });
});

const BAD: { name: string; args: string[]; message: RegExp; file?: string }[] = [
    { name: 'unknown frame', args: ['--cadre', 'L313-99'], message: /cadre inconnu « L313-99 » : attendu l'un de L313-11, L313-11-1/ },
    { name: 'gestionnaire FINESS with a wrong key', args: ['--finess-gestionnaire', '690799995'], message: /FINESS du gestionnaire « 690799995 » : la clé de contrôle est fausse ; vouliez-vous dire 690799994 \?/ },
    { name: 'establishment FINESS with a wrong key', args: ['--etablissement', '690999017:ESAT'], message: /vouliez-vous dire 690999016 \?/ },
    { name: 'FINESS of the wrong length', args: ['--etablissement', '69099901'], message: /un numéro FINESS a 9 caractères/ },
    { name: 'FINESS prefix of no département', args: ['--finess-gestionnaire', '990000001'], message: /le préfixe 99 ne désigne aucun département|la clé de contrôle est fausse/ },
    { name: 'unknown category', args: ['--etablissement', '690999016:FOYER'], message: /catégorie inconnue « FOYER »/ },
    { name: 'bad capacity', args: ['--etablissement', '690999016:ESAT:beaucoup'], message: /capacité « beaucoup » : un nombre entier de places est attendu/ },
    { name: 'date that does not exist', args: ['--effet', '2027-02-30'], message: /date d'effet « 2027-02-30 » : une date AAAA-MM-JJ qui existe est attendue/ },
    { name: 'end before effect', args: ['--fin', '2026-12-31'], message: /la date de fin \(2026-12-31\) doit suivre la date d'effet/ },
    { name: 'term over five years', args: ['--fin', '2032-01-01'], message: /dépasse la durée maximale de cinq ans \(au plus tard 2031-12-31\)/ },
    { name: 'contract name that is not an identifier', args: ['--nom', 'CPOM X'], message: /nom de contrat « CPOM X » : un identifiant est attendu/ },
    { name: 'gestionnaire name with a control character', args: ['--gestionnaire', 'Association\u001b[31m X'], message: /le nom du gestionnaire contient un caractère de contrôle/ },
    { name: 'same establishment twice', args: ['--etablissement', '690999016'], message: /l'établissement 690999016 est donné deux fois/ },
    { name: 'category missing where the frame does not imply one', args: ['--etablissement', '260999016'], message: /catégorie manquante pour l'établissement 260999016 : --etablissement 260999016:CATÉGORIE/, file: 'x.cpom' },
    { name: 'file that is not a contract', args: [], message: /« notes\.txt » : le contrat s'écrit dans un fichier \.cpom/, file: 'notes.txt' },
];

/** Complete, valid options; a bad case overrides one of them (the last occurrence of an option wins, --etablissement adds). */
const VALID = ['--cadre', 'L313-12-2', '--effet', '2027-01-01', '--gestionnaire', 'Association X', '--finess-gestionnaire', '690799994', '--etablissement', '690999016:ESAT:120'];

describe('cpom init refuses bad values before writing anything (exit 2, French message)', () => {
    for (const c of BAD) {
        it(c.name, async () => {
            const dir = freshDir();
            const run = await cpom(['init', ...(c.file ? [c.file] : []), ...VALID, ...c.args], dir);
            expect(run.stderr).toMatch(c.message);
            expect(run.stderr).toMatch(/^cpom: /);
            expect(run.code).toBe(2);
            expect(readdirSync(dir)).toEqual([]);
        });
    }

    it('says it in English with --lang en', async () => {
        const dir = freshDir();
        const run = await cpom(['init', ...VALID, '--finess-gestionnaire', '690799995', '--lang', 'en'], dir);
        expect(run.stderr).toMatch(/the check key is wrong; did you mean 690799994\?/);
        expect(run.code).toBe(2);
    });

    it('without a terminal, names the missing values instead of asking', async () => {
        const dir = freshDir();
        const run = await cpom(['init', '--cadre', 'L313-12-2', '--effet', '2027-01-01'], dir, { interactive: false });
        expect(run.stderr).toMatch(/valeurs manquantes : --gestionnaire, --finess-gestionnaire, --etablissement \(l'entrée standard n'est pas un terminal/);
        expect(run.code).toBe(2);
        expect(readdirSync(dir)).toEqual([]);
    });

    for (const existing of ['x.cpom', 'cpom.config.json']) {
        it(`never replaces an existing ${existing} without --force`, async () => {
            const dir = freshDir();
            writeFileSync(path.join(dir, existing), 'mine');
            const run = await cpom(['init', 'x.cpom', ...VALID], dir);
            expect(run.stderr).toMatch(new RegExp(`« ${existing.replace('.', '\\.')} » existe déjà : cpom init ne remplace pas un fichier \\(--force pour le remplacer\\)`));
            expect(run.code).toBe(2);
            expect(readFileSync(path.join(dir, existing), 'utf8')).toBe('mine');
            expect(readdirSync(dir)).toEqual([existing]);

            const forced = await cpom(['init', 'x.cpom', ...VALID, '--force'], dir);
            expect(forced.code).toBe(0);
            expect(readFileSync(path.join(dir, existing), 'utf8')).not.toBe('mine');
        });
    }

    it('refuses a folder as the contract file, even with --force', async () => {
        const dir = freshDir();
        mkdirSync(path.join(dir, 'c.cpom'));
        const run = await cpom(['init', 'c.cpom', ...VALID, '--force'], dir);
        expect(run.stderr).toMatch(/« c\.cpom » est un dossier/);
        expect(run.code).toBe(2);
    });

    it('writes into --out, creating the folder', async () => {
        const dir = freshDir();
        const run = await cpom(['init', ...VALID, '--out', 'contrats/2027'], dir);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('Écrit : contrats/2027/cpom-association-x-2027.cpom, contrats/2027/cpom.config.json');
        expect(existsSync(path.join(dir, 'contrats/2027/cpom-association-x-2027.cpom'))).toBe(true);
    });
});

describe('cpom init asks for the missing values on a terminal', () => {
    it('asks in French, says what is wrong with an answer and asks again, then writes a skeleton that checks clean', async () => {
        const dir = freshDir();
        // The category is asked once the list of establishments is complete.
        const answers = ['L313-12-3', 'L313-12-2', '2027-01-01', '', 'Association Q', '690799995', '690799994', '690999016', '120', '', 'ESAT'];
        const ordered = scripted(answers);
        const run = await cpom(['init', 'q.cpom'], dir, { prompter: ordered });
        expect(run.stderr).toContain('cpom: cadre inconnu « L313-12-3 »');
        expect(run.stderr).toContain('vouliez-vous dire 690799994 ?');
        expect(run.code).toBe(0);
        expect(ordered.questions).toEqual([
            'Cadre juridique (L313-11, L313-11-1, L313-11-2, L313-12-IVter, L313-12-2) : ',
            'Cadre juridique (L313-11, L313-11-1, L313-11-2, L313-12-IVter, L313-12-2) : ',
            'Date d\'effet (AAAA-MM-JJ) : ',
            'Date de fin (AAAA-MM-JJ ; Entrée : 2031-12-31) : ',
            'Nom du gestionnaire : ',
            'FINESS juridique du gestionnaire : ',
            'FINESS juridique du gestionnaire : ',
            'FINESS d\'un établissement ou service : ',
            'Capacité autorisée (places ; Entrée : à compléter plus tard) : ',
            'FINESS d\'un autre établissement (Entrée : fin de la liste) : ',
            expect.stringMatching(/^Catégorie de 690999016 \(EHPAD, PUV, .*, ou code FINESS\) : $/),
        ]);
        const text = readFileSync(path.join(dir, 'q.cpom'), 'utf8');
        expect(text).toContain('capacité 120 places');
        const check = await cpom(['check', 'q.cpom'], dir);
        expect(check.code).toBe(0);
    });

    it('asks only what the options leave out', async () => {
        const dir = freshDir();
        const prompter = scripted(['Association R', '690799994']);
        const run = await cpom(['init', '--cadre', 'L313-12-2', '--effet', '2027-01-01', '--fin', '2029-12-31', '--etablissement', '690999016:ESAT:120'], dir, { prompter });
        expect(run.code).toBe(0);
        expect(prompter.questions).toEqual(['Nom du gestionnaire : ', 'FINESS juridique du gestionnaire : ']);
    });

    it('writes nothing when the input ends before the last answer', async () => {
        const dir = freshDir();
        const run = await cpom(['init'], dir, { prompter: scripted(['L313-12-2', '2027-01-01']) });
        expect(run.stderr).toContain('cpom: saisie interrompue : rien n\'a été écrit');
        expect(run.code).toBe(2);
        expect(readdirSync(dir)).toEqual([]);
    });
});
