/**
 * `cpom check --fix` / `--fix-dry-run`: the safe quick fixes applied (and only those), again until none applies,
 * written atomically, said in French; the exit code of the fixed text; stdin; a fix that would break the syntax
 * is refused; a file that is not UTF-8 is not rewritten. The README documents the policy of every code.
 */
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createCpomLspServices } from '@cpom/language/lsp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../packages/cli/src/check.js';
import { runFix } from '../packages/cli/src/fix-command.js';
import { FIX_POLICY } from '../packages/cli/src/fix-policy.js';
import { main } from '../packages/cli/src/main.js';
import { ROOT } from './helpers.js';

const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
let dir: string;
let counter = 0;

interface Run { code: number; stdout: string; stderr: string }

function io(cwd: string, input?: string): CommandIO & { out: Run } {
    const out: Run = { code: -1, stdout: '', stderr: '' };
    return {
        out, cwd, version: '0.0.0-test',
        stdout: t => { out.stdout += t; }, stderr: t => { out.stderr += t; },
        stdin: input === undefined ? undefined : async () => Buffer.from(input, 'utf8'),
    };
}

async function cpom(args: string[], input?: string): Promise<Run> {
    const commandIO = io(dir, input);
    commandIO.out.code = await main(args, commandIO);
    return commandIO.out;
}

function write(text: string | Buffer): string {
    const name = `c${counter++}.cpom`;
    writeFileSync(path.join(dir, name), text);
    return name;
}

/** Replaces the first occurrence, failing when `from` is not there (a fixture that no longer says what it means). */
function edit(text: string, from: string, to: string): string {
    if (!text.includes(from)) throw new Error(`'${from}' not in the fixture`);
    return text.replace(from, to);
}

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpom-fix-'));
});

const SPACED = edit(BASE, 'finess 260999016', 'finess 260 999 016');
const NO_GESTIONNAIRE = edit(BASE, 'signataires ARS_RA, MESSIDOR\n', 'signataires ARS_RA\n');
const NO_AUTHORITY = edit(BASE, 'signataires ARS_RA, MESSIDOR\n', 'signataires MESSIDOR\n');
/** Two authorities that must sign and do not: both fixes insert at the end of `signataires`, one pass each. */
const TWO_AUTHORITIES = edit(edit(edit(BASE, 'signataires ARS_RA, MESSIDOR\n', 'signataires MESSIDOR\n'),
    '    autorite ARS_RA ars', '    autorite CD26 departement 26 "Département de la Drôme"\n    autorite ARS_RA ars'),
'            tarification ARS_RA\n        }\n    }', '            tarification ARS_RA, CD26\n        }\n    }');
const WRONG_KEY = edit(BASE, 'finess 690999016', 'finess 690999017');

const CASES: { name: string; text: string; fixed: string; corrections: RegExp; code: number }[] = [
    {
        name: 'CPOM043: a FINESS typed with spaces, canonical form',
        text: SPACED, fixed: BASE, code: 0,
        corrections: /: 1 correction appliquée : Écrire le numéro FINESS sous sa forme normalisée : 260999016 \(CPOM043, ligne 26\)/,
    },
    {
        name: 'CPOM022: the gestionnaire added to the signatories',
        text: NO_GESTIONNAIRE, fixed: BASE, code: 0,
        corrections: /: 1 correction appliquée : Ajouter MESSIDOR aux signataires \(CPOM022, ligne 15\)/,
    },
    {
        name: 'CPOM020 and CPOM065: the authority that tarifies and pays, added once',
        text: NO_AUTHORITY, fixed: edit(BASE, 'signataires ARS_RA, MESSIDOR', 'signataires MESSIDOR, ARS_RA'), code: 0,
        corrections: /: 1 correction appliquée : Ajouter ARS_RA aux signataires \(CPOM0(20|65), ligne \d+\)\n/,
    },
    {
        name: 'two parties to add at one place: one per pass, until none applies',
        // Exit 1 after the fixes: the DGC now joins establishments of different authorities (CPOM063, R.314-43-1) and
        // the avenant lacks CD26's signature (CPOM091, Code civil 1193), which no safe fix can settle.
        text: TWO_AUTHORITIES, fixed: edit(TWO_AUTHORITIES, 'signataires MESSIDOR\n', 'signataires MESSIDOR, ARS_RA, CD26\n'), code: 1,
        corrections: /: 2 corrections appliquées : Ajouter ARS_RA aux signataires \(CPOM020, ligne 24\) ; Ajouter CD26 aux signataires \(CPOM020, ligne 31\)/,
    },
    {
        name: 'CPOM041: the FINESS key is not a safe fix (an identity): left, exit 1',
        text: WRONG_KEY, fixed: WRONG_KEY, code: 1,
        corrections: /cpom: aucune correction sûre à appliquer/,
    },
    {
        name: 'a safe fix and an unsafe one: the safe one only, exit code of the fixed text',
        text: edit(WRONG_KEY, 'finess 260999016', 'finess 260 999 016'), fixed: WRONG_KEY, code: 1,
        corrections: /: 1 correction appliquée : .*\(CPOM043, ligne 26\)/,
    },
];

describe('cpom check --fix', () => {
    for (const c of CASES) {
        it(c.name, async () => {
            const file = write(c.text);
            const run = await cpom(['check', file, '--fix']);
            expect(run.stderr).toMatch(c.corrections);
            expect(readFileSync(path.join(dir, file), 'utf8')).toBe(c.fixed);
            expect(run.code).toBe(c.code);
            // The report is the check of the fixed text.
            const again = await cpom(['check', file]);
            expect(again.code).toBe(c.code);
            expect(run.stdout).toBe(again.stdout);
        });
    }

    it('--fix-dry-run prints the diff and writes nothing; the exit code is that of the fixed text', async () => {
        const file = write(SPACED);
        const run = await cpom(['check', file, '--fix-dry-run']);
        expect(run.stdout).toContain(`--- a/${file}\n+++ b/${file}\n`);
        expect(run.stdout).toContain('-            finess 260 999 016\n+            finess 260999016\n');
        expect(run.stderr).toMatch(/1 correction à appliquer \(rien n'est écrit\)/);
        expect(readFileSync(path.join(dir, file), 'utf8')).toBe(SPACED);
        expect(run.code).toBe(0);
    });

    it('-: the fixed text on the standard output, the corrections and the report on the standard error', async () => {
        const run = await cpom(['check', '-', '--fix'], NO_GESTIONNAIRE);
        expect(run.stdout).toBe(BASE);
        expect(run.stderr).toMatch(/cpom: <stdin> : 1 correction appliquée : Ajouter MESSIDOR/);
        expect(run.stderr).toMatch(/✔ 1 fichier vérifié : 0 erreur/);
        expect(run.code).toBe(0);
    });

    it('keeps the file\'s mode and byte order mark', async () => {
        const file = write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SPACED, 'utf8')]));
        chmodSync(path.join(dir, file), 0o640);
        const run = await cpom(['check', file, '--fix']);
        expect(run.code).toBe(0);
        const bytes = readFileSync(path.join(dir, file));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(bytes.subarray(3).toString('utf8')).toBe(BASE);
        expect(statSync(path.join(dir, file)).mode & 0o777).toBe(0o640);
    });

    it('does not rewrite a file that is not UTF-8 (exit 2)', async () => {
        const latin1 = Buffer.from(SPACED.replace('ESAT MESSIDOR Lyon', 'ESAT MESSIDOR Lyon \u00e9'), 'latin1');
        const file = write(latin1);
        const run = await cpom(['check', file, '--fix']);
        expect(run.stderr).toMatch(new RegExp(`${file} n'est pas en UTF-8 : non corrigé`));
        expect(readFileSync(path.join(dir, file))).toEqual(latin1);
        expect(run.code).toBe(2);
    });

    it('refuses a fix whose result would not parse and leaves the file as it was', async () => {
        const services = createCpomLspServices(EmptyFileSystem);
        const provider = services.Cpom.lsp.CodeActionProvider!;
        const original = provider.getCodeActions.bind(provider);
        // A provider whose fix breaks the text: the guard is what is tested.
        provider.getCodeActions = async (document, params) => {
            const actions = (await original(document, params)) ?? [];
            return actions.map(a => ('edit' in a && a.edit?.changes
                ? { ...a, edit: { changes: Object.fromEntries(Object.entries(a.edit.changes).map(([uri, edits]) => [uri, edits.map(e => ({ ...e, newText: `${e.newText} {{{` }))])) } }
                : a));
        };
        const file = write(SPACED);
        const commandIO = io(dir);
        const code = await runFix([file], { format: 'human', color: false }, commandIO, services);
        expect(commandIO.out.stderr).toMatch(new RegExp(`cpom: ${file} : une correction \\(CPOM043\\) rendrait le texte illisible : fichier laissé tel quel`));
        expect(readFileSync(path.join(dir, file), 'utf8')).toBe(SPACED);
        expect(code).toBe(0); // the check of the text as it stands: an info
    });

    it('a usage error stays one (no contract found: exit 2)', async () => {
        const run = await cpom(['check', 'nothing-here', '--fix']);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^cpom: /);
    });
});

describe('the policy of --fix', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const [code, policy] of Object.entries(FIX_POLICY)) {
        it(`${code} is documented as ${policy.safe ? 'applied' : 'not applied'}, with its reason`, () => {
            const row = readme.split('\n').find(l => l.startsWith(`| \`${code}\` |`));
            expect(row, `README row for ${code}`).toBeDefined();
            expect(row).toContain(policy.safe ? '| applied |' : '| not applied |');
            expect(row).toContain(policy.reason.en);
        });
    }
});
