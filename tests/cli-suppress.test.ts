/**
 * Suppressions (`// cpom-ignore CODE : reason`) and the `ignore` globs of cpom.config.json, end to end through
 * `cpom check`, and the suppressions in the core as the language server runs it (fast rules while typing).
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { type BuildOptions, EmptyFileSystem, URI } from 'langium';
import { createCpomLspServices } from '../packages/language/src/lsp/index.js';
import { ALL_CHECKS } from '../packages/server/src/full-checks.js';
import { ROOT } from './helpers.js';
import { runCpom, writeUnder } from './cli-run.js';

const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
const WRONG_KEY = BASE.replace('finess 260999016', 'finess 260999017');
let dir: string;

interface Run { code: number; stdout: string; stderr: string }

async function cpom(args: string[], cwd = dir): Promise<Run> {
    return runCpom(args, cwd);
}

function write(name: string, text: string): string {
    return writeUnder(dir, name, text);
}

/** The contract with a wrong FINESS key, `comment` on the line before it. */
function withComment(comment: string): string {
    return WRONG_KEY.replace(/^(\s*)(finess 260999017)/m, `$1${comment}\n$1$2`);
}

beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpom-suppress-'));
});

describe('cpom check and // cpom-ignore', () => {
    it('reports the wrong key without a suppression (the case the others change)', async () => {
        write('c.cpom', WRONG_KEY);
        const run = await cpom(['check', 'c.cpom', '--format', 'json']);
        expect(run.code).toBe(1);
        expect(JSON.parse(run.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['CPOM041']);
    });

    it('a suppression with a reason ignores the diagnostic: exit 0, nothing reported', async () => {
        write('c.cpom', withComment("// cpom-ignore finess-key : numéro provisoire communiqué par l'ARS"));
        const run = await cpom(['check', 'c.cpom', '--format', 'json']);
        expect(run.stderr).toBe('');
        expect(JSON.parse(run.stdout).files[0].diagnostics).toEqual([]);
        expect(run.code).toBe(0);
    });

    it('without a reason the error stays, with a warning saying why, in English on request', async () => {
        write('c.cpom', withComment('// cpom-ignore CPOM041'));
        const run = await cpom(['check', 'c.cpom', '--format', 'json', '--lang', 'en']);
        expect(run.code).toBe(1);
        const diagnostics = JSON.parse(run.stdout).files[0].diagnostics as Array<{ code: string; message: string }>;
        expect(diagnostics.map(d => d.code).sort()).toEqual(['CPOM041', 'CPOM110']);
        expect(diagnostics.find(d => d.code === 'CPOM110')?.message).toContain('does not say why CPOM041 is ignored');
    });

    it('the configuration sets the severity of the suppression rules', async () => {
        write('c.cpom', withComment('// cpom-ignore CPOM041, CPOM999 : provisoire'));
        write('cpom.config.json', JSON.stringify({ rules: { 'invalid-suppression': 'error' } }));
        const run = await cpom(['check', 'c.cpom', '--format', 'json']);
        const diagnostics = JSON.parse(run.stdout).files[0].diagnostics as Array<{ code: string; severity: string }>;
        expect(diagnostics).toMatchObject([{ code: 'CPOM111', severity: 'error' }]);
        expect(run.code).toBe(1);
    });
});

describe('the ignore globs of cpom.config.json', () => {
    /** The paths of the files a JSON report covers. */
    function checked(run: Run): string[] {
        return (JSON.parse(run.stdout).files as Array<{ path: string }>).map(f => f.path).sort();
    }

    beforeEach(() => {
        write('c.cpom', BASE);
        write('archives/2012/old.cpom', WRONG_KEY.replace(/CPOM_MESSIDOR_2013/g, 'OLD'));
    });

    it('checks everything without ignore (the case the others change)', async () => {
        const run = await cpom(['check', '.', '--format', 'json']);
        expect(checked(run)).toEqual(['archives/2012/old.cpom', 'c.cpom']);
        expect(run.code).toBe(1);
    });

    it.each([['archives/**'], ['archives'], ['archives/'], ['**/old.cpom']])('leaves out files found through a folder or a glob: %s', async (glob) => {
        write('cpom.config.json', JSON.stringify({ ignore: [glob] }));
        for (const target of ['.', '**/*.cpom']) {
            const run = await cpom(['check', target, '--format', 'json']);
            expect(checked(run)).toEqual(['c.cpom']);
            expect(run.stderr).toBe('');
            expect(run.code).toBe(0);
        }
    });

    it('globs are relative to the folder of the config file, also with --config', async () => {
        write('conf/cpom.config.json', JSON.stringify({ ignore: ['archives/**'] }));
        const run = await cpom(['check', '.', '--format', 'json', '--config', 'conf/cpom.config.json']);
        expect(checked(run)).toEqual(['archives/2012/old.cpom', 'c.cpom']);
        write('archives/cpom.config.json', JSON.stringify({ ignore: ['2012/**'] }));
        expect(checked(await cpom(['check', '.', '--format', 'json']))).toEqual(['c.cpom']);
    });

    it('a file named on the command line is left out too, with a note naming the glob', async () => {
        write('cpom.config.json', JSON.stringify({ ignore: ['archives/**'] }));
        const run = await cpom(['check', 'archives/2012/old.cpom', 'c.cpom', '--format', 'json']);
        expect(checked(run)).toEqual(['c.cpom']);
        expect(run.stderr).toBe("cpom: note: « archives/2012/old.cpom » n'est pas vérifié : il correspond à « archives/** » dans la liste ignore de cpom.config.json.\n");
        expect(run.code).toBe(0);
    });

    it('an ignored file is still loaded when a checked file imports it', async () => {
        cpSync(path.join(ROOT, 'examples/avenant-catalogue'), path.join(dir, 'ex'), { recursive: true });
        write('ex/cpom.config.json', JSON.stringify({ ignore: ['referentiel-cote-dor.cpom', 'catalogue-anap.cpom'] }));
        const run = await cpom(['check', 'ex', '--format', 'json']);
        expect(checked(run)).toEqual(['ex/avenant-1.cpom', 'ex/avenant-2.cpom', 'ex/cpom-les-sources.cpom', 'ex/suivi-2020.cpom', 'ex/suivi-2021.cpom']);
        expect(run.code).toBe(0);
    });

    it('a bad ignore list is a configuration error (exit 2)', async () => {
        write('cpom.config.json', JSON.stringify({ ignore: 'archives/**' }));
        const run = await cpom(['check', '.']);
        expect(run.stderr).toContain('« ignore » doit être une liste de globs');
        expect(run.code).toBe(2);
    });
});

describe('two versions of a contract side by side', () => {
    const NEW = BASE.replace('capacite 120 places', 'capacite 130 places');
    const AVENANT = (imports: string[]) => `${imports.map(i => `importe "${i}"`).join('\n')}

avenant 2 au CPOM_MESSIDOR_2013 {
    effet 2016-01-01
    signature 2015-12-10
    signataires ARS_RA, MESSIDOR
    objet "Extension de l'ESAT de Lyon"
}
`;

    beforeEach(() => {
        write('old.cpom', BASE);
        write('new.cpom', NEW);
    });

    it('each checks clean, together or on its own (what cpom diff OLD NEW invites)', async () => {
        for (const args of [['old.cpom', 'new.cpom'], ['.'], ['new.cpom']]) {
            const run = await cpom(['check', ...args, '--format', 'json']);
            const files = JSON.parse(run.stdout).files as Array<{ diagnostics: unknown[] }>;
            expect(files.flatMap(f => f.diagnostics), args.join(' ')).toEqual([]);
            expect(run.code).toBe(0);
        }
    });

    it('an avenant that imports both cannot tell which it amends: CPOM113 on its reference, naming both files', async () => {
        const text = AVENANT(['old.cpom', 'new.cpom']);
        write('avenant.cpom', text);
        const run = await cpom(['check', '.', '--format', 'json']);
        const files = JSON.parse(run.stdout).files as Array<{ path: string; diagnostics: Array<{ code: string; range: { start: { line: number } }; message: string }> }>;
        const avenant = files.find(f => f.path === 'avenant.cpom')!;
        expect(avenant.diagnostics.filter(d => d.code === 'CPOM113')).toMatchObject([{
            range: { start: { line: 4 } },
            message: "« CPOM_MESSIDOR_2013 » (contrat) est déclaré à la fois dans new.cpom et old.cpom : impossible de savoir quel contrat cet avenant modifie ; n'importez que le fichier de ce contrat.",
        }]);
        expect(files.filter(f => f.path !== 'avenant.cpom').flatMap(f => f.diagnostics)).toEqual([]);
        expect(run.code).toBe(1);
    });

    it('an avenant that imports one of them amends that one', async () => {
        write('avenant.cpom', AVENANT(['new.cpom']));
        const run = await cpom(['check', '.', '--format', 'json']);
        const files = JSON.parse(run.stdout).files as Array<{ diagnostics: Array<{ code: string }> }>;
        expect(files.flatMap(f => f.diagnostics)).toEqual([]);
        expect(run.code).toBe(0);
    });
});

describe('suppressions in the language server\'s services (core validator, LSP build options)', () => {
    const services = createCpomLspServices(EmptyFileSystem);
    /** What the server runs on each change (fast rules), and on open and save (every rule). */
    const TYPING = services.shared.workspace.DocumentBuilder.updateBuildOptions;
    const SAVE: BuildOptions = { validation: { categories: ALL_CHECKS } };
    let counter = 0;

    async function diagnosticsOf(text: string, options: BuildOptions = { validation: true }): Promise<string[]> {
        const { shared } = services;
        const uri = URI.parse(`memory:///suppress-${counter++}.cpom`);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        try {
            await shared.workspace.DocumentBuilder.build([document], options);
            return (document.diagnostics ?? []).map(d => String(d.code)).sort();
        } finally {
            await shared.workspace.DocumentBuilder.update([], [uri]);
        }
    }

    it('ignores the diagnostic while typing and on save alike', async () => {
        const text = withComment('// cpom-ignore CPOM041 : provisoire');
        expect(await diagnosticsOf(text, TYPING)).toEqual([]);
        expect(await diagnosticsOf(text, SAVE)).toEqual([]);
    });

    it('reports an unused suppression only when every rule ran', async () => {
        const text = BASE.replace(/^(\s*)(finess 260999016)/m, '$1// cpom-ignore CPOM041 : provisoire\n$1$2');
        expect(await diagnosticsOf(text, TYPING)).toEqual([]);
        expect(await diagnosticsOf(text, SAVE)).toEqual(['CPOM112']);
        expect(await diagnosticsOf(text)).toEqual(['CPOM112']);
    });

    it('never ignores a syntax error, and says so', async () => {
        const text = withComment('// cpom-ignore CPOM001 : pour voir').replace('finess 260999017', 'finess 260999017 }}');
        const codes = await diagnosticsOf(text);
        expect(codes).toContain('CPOM001');
        expect(codes).toContain('CPOM111');
        expect(codes).not.toContain('CPOM112');
    });
});
