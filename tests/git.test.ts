/**
 * Git integration in a temporary repository: `cpom diff REV [REV2] [-- PATHS]`, `cpom git-setup`, and git itself
 * calling the diff driver and textconv. git runs with no system config and HOME in the temporary folder; the
 * driver and textconv that git starts are the built CLI (`npm run build` first).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { runCpom } from './cli-run.js';

const SEED = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
const BUNDLE = path.join(ROOT, 'packages/cli/dist/bundle/main.js');
const CONTRACT = 'seeds/messidor-2013.cpom';

let base: string;
let repo: string;
let outside: string;
const savedEnv: Record<string, string | undefined> = {};
const GIT_ENV: Record<string, string> = {};

interface Run { code: number; stdout: string; stderr: string }

async function cpom(args: string[], cwd = repo): Promise<Run> {
    return runCpom(args, cwd);
}

/** Runs git in the repository; returns its standard output (throws when git fails). */
function git(...args: string[]): string {
    return execFileSync('git', ['-c', 'core.pager=cat', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
}

function write(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
}

function read(file: string): string {
    return readFileSync(path.join(repo, file), 'utf8');
}

/** The seed with one capacity changed (ESAT Lyon Vaise: 30 → 75 places). */
function withCapacity(text: string, places: number): string {
    return text.replace(/(ESAT_LYON_VAISE "[^"]*" \{[\s\S]*?capacité )30 places financées 30/, `$1${places} places financées ${places}`);
}

/** The same contract, laid out differently: reindented, two establishments and two clauses swapped, comments. */
function relaidOut(text: string): string {
    const blocks = /( *établissement ESAT_LYON_GERLAND [\s\S]*?\n        \}\n\n?)( *établissement ESAT_LYON_VAISE [\s\S]*?\n        \}\n)/.exec(text);
    expect(blocks).not.toBeNull();
    let result = text.replace(blocks![0], blocks![2] + '        // swapped with Gerland\n' + blocks![1]);
    result = result.replace(/^( *)(effet .*)\n( *)(fin .*)$/m, '$3$4\n$1$2   /* moved */');
    result = result.split('\n').map(line => line.replace(/^( +)/, spaces => '\t'.repeat(Math.floor(spaces.length / 4)) + ' '.repeat(spaces.length % 4))).join('\n');
    expect(result).not.toBe(text);
    return `// Re-laid out: no change of substance.\n${result}`;
}

function resetWorkingTree(): void {
    git('reset', '-q', '--hard');
    git('clean', '-q', '-fd');
}

beforeAll(() => {
    expect(existsSync(BUNDLE), 'the CLI bundle is missing: run npm run build').toBe(true);
    base = mkdtempSync(path.join(tmpdir(), 'cpom-git-'));
    repo = path.join(base, 'repo');
    outside = path.join(base, 'not-a-repo');
    mkdirSync(repo);
    mkdirSync(outside);
    Object.assign(GIT_ENV, {
        HOME: base,
        XDG_CONFIG_HOME: path.join(base, '.config'),
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CEILING_DIRECTORIES: base,
        GIT_TERMINAL_PROMPT: '0',
    });
    // The git that cpom runs in this process sees the same isolated configuration.
    for (const [key, value] of Object.entries(GIT_ENV)) {
        savedEnv[key] = process.env[key];
        process.env[key] = value;
    }
    for (const key of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_EXTERNAL_DIFF']) {
        savedEnv[key] = process.env[key];
        delete process.env[key];
    }
    git('init', '-q');
    git('config', 'user.name', 'Test');
    git('config', 'user.email', 'test@example.org');
    git('config', 'commit.gpgsign', 'false');
    write(CONTRACT, SEED);
    cpSync(path.join(ROOT, 'examples/avenant-catalogue'), path.join(repo, 'sources'), { recursive: true, filter: f => !f.endsWith('.md') });
    git('add', '-A');
    git('commit', '-q', '-m', 'initial contracts');
    write(CONTRACT, withCapacity(SEED, 75));
    git('commit', '-q', '-a', '-m', 'ESAT Lyon Vaise: 75 places');
});

afterAll(() => {
    for (const [key, value] of Object.entries(savedEnv)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
    rmSync(base, { recursive: true, force: true });
});

beforeEach(() => resetWorkingTree());

const capacityChange = (c: { path: string[]; old?: unknown; new?: unknown }, from: number, to: number) =>
    c.path.includes('ESAT_LYON_VAISE') && c.path.includes('authorised') && c.old === from && c.new === to;

describe('cpom diff on git revisions', () => {
    it('cpom diff HEAD: the working tree against HEAD, by file', async () => {
        write(CONTRACT, withCapacity(SEED, 80));
        const run = await cpom(['diff', 'HEAD']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^diff --cpom a\/seeds\/messidor-2013\.cpom b\/seeds\/messidor-2013\.cpom\n/);
        expect(run.stdout).toContain('CPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017 (HEAD:seeds/messidor-2013.cpom → seeds/messidor-2013.cpom)');
        expect(run.stdout).toMatch(/Lyon Vaise\u00A0» : 75\b[^→\n]*→ 80/);
        expect(run.stdout).not.toContain('sources/');

        const json = JSON.parse((await cpom(['diff', 'HEAD', '--format', 'json'])).stdout);
        expect(json).toMatchObject({ formatVersion: 1, old: 'HEAD', new: null, files: [{ path: CONTRACT, status: 'modified' }] });
        expect(json.files[0].diffs[0].changes.some((c: never) => capacityChange(c, 75, 80))).toBe(true);

        expect((await cpom(['diff', 'HEAD', '--exit-code'])).code).toBe(1);
        // Run from a sub-folder: still every file of the repository.
        expect((await cpom(['diff', 'HEAD'], path.join(repo, 'sources'))).stdout).toContain('a/seeds/messidor-2013.cpom');
    });

    it('cpom diff HEAD~1 HEAD: two commits; -- PATHS limits the files', async () => {
        const run = await cpom(['diff', 'HEAD~1', 'HEAD', '--exit-code']);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('CPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017 (HEAD~1:seeds/messidor-2013.cpom → HEAD:seeds/messidor-2013.cpom)');
        expect(run.stdout).toMatch(/Lyon Vaise\u00A0» : 30\b[^→\n]*→ 75/);

        const markdown = await cpom(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown']);
        expect(markdown.stdout).toMatch(/^## Changements des contrats \(HEAD\\~1 → HEAD\)\n\n### `seeds\/messidor-2013\.cpom`\n/);

        expect((await cpom(['diff', 'HEAD~1', 'HEAD', '--', 'sources'])).stdout).toBe('');
        expect((await cpom(['diff', 'HEAD~1', 'HEAD', '--', 'seeds'])).stdout).toContain('a/seeds/messidor-2013.cpom');
        // Without --: revisions first, then existing paths (as git does).
        expect((await cpom(['diff', 'HEAD~1', 'HEAD', 'sources', '--exit-code'])).code).toBe(0);
        // Nothing changed: no output, exit 0.
        expect(await cpom(['diff', 'HEAD', '--exit-code'])).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    it('a changed catalogue: the diffs of the contracts that import it, with the catalogue at each revision', async () => {
        write('sources/referentiel-cote-dor.cpom', read('sources/referentiel-cote-dor.cpom').replace('capacité internat 12 places', 'capacité internat 14 places'));
        const run = await cpom(['diff', 'HEAD', '--format', 'json']);
        const file = JSON.parse(run.stdout).files[0];
        expect(file.path).toBe('sources/referentiel-cote-dor.cpom');
        // The yearly follow-ups import the catalogue too (suivi-*.cpom): importers, though they hold no contract to diff.
        expect(file.importers).toEqual(['sources/avenant-1.cpom', 'sources/avenant-2.cpom', 'sources/cpom-les-sources.cpom', 'sources/suivi-2020.cpom', 'sources/suivi-2021.cpom']);
        expect(file.diffs).toHaveLength(1);
        expect(file.diffs[0].new).toMatchObject({ id: 'CPOM_LES_SOURCES_2019', label: 'sources/cpom-les-sources.cpom' });
        expect(file.diffs[0].changes).toEqual([expect.objectContaining({ path: expect.arrayContaining(['COTE_DOR.IME_DIJON']), old: 12, new: 14 })]);

        // The contract file changed as well: the catalogue's effect is in its own diff, not repeated.
        write('sources/cpom-les-sources.cpom', read('sources/cpom-les-sources.cpom') + '\n// note\n');
        const both = JSON.parse((await cpom(['diff', 'HEAD', '--format', 'json'])).stdout);
        expect(both.files.map((f: { path: string }) => f.path)).toEqual(['sources/cpom-les-sources.cpom', 'sources/referentiel-cote-dor.cpom']);
        expect(both.files[0].diffs[0].changes).toEqual([expect.objectContaining({ old: 12, new: 14 })]);
        expect(both.files[1].diffs).toEqual([]);
    });

    it('an avenants-only file: the changes of its avenants', async () => {
        write('sources/avenant-1.cpom', read('sources/avenant-1.cpom').replace('signature 2020-12-10', 'signature 2020-12-11'));
        const file = JSON.parse((await cpom(['diff', 'HEAD', '--format', 'json'])).stdout).files[0];
        expect(file.path).toBe('sources/avenant-1.cpom');
        expect(file.diffs).toHaveLength(1);
        expect(file.diffs[0].changes).toEqual([expect.objectContaining({ path: ['avenants', '1', 'signatureDate'], old: '2020-12-10', new: '2020-12-11' })]);
    });

    it('layout only (reindented, clauses reordered, comments): no semantic change, exit 0 with --exit-code', async () => {
        write(CONTRACT, relaidOut(read(CONTRACT)));
        expect(git('diff', '--no-ext-diff', '--no-textconv', '--stat')).toContain(CONTRACT);
        const run = await cpom(['diff', 'HEAD', '--exit-code']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('a/seeds/messidor-2013.cpom');
        expect(JSON.parse((await cpom(['diff', 'HEAD', '--format', 'json'])).stdout).files[0].diffs[0].changes).toEqual([]);
    });

    it('added, deleted and renamed files', async () => {
        write('seeds/other.cpom', SEED.replace(/CPOM_MESSIDOR_2013/g, 'CPOM_OTHER'));
        git('mv', 'sources/avenant-2.cpom', 'sources/avenant-deux.cpom');
        git('rm', '-q', 'sources/catalogue-anap.cpom');
        git('add', 'seeds/other.cpom');
        const files = JSON.parse((await cpom(['diff', 'HEAD', '--format', 'json'])).stdout).files;
        expect(files.map((f: { path: string; status: string; oldPath?: string }) => [f.status, f.path, f.oldPath])).toEqual([
            ['added', 'seeds/other.cpom', undefined],
            ['renamed', 'sources/avenant-deux.cpom', 'sources/avenant-2.cpom'],
            ['deleted', 'sources/catalogue-anap.cpom', undefined],
        ]);
        // Added: everything is new; renamed without change: nothing.
        expect(files[0].diffs[0].changes.length).toBeGreaterThan(5);
        expect(files[0].diffs[0].changes.every((c: { kind: string }) => c.kind === 'add')).toBe(true);
        expect(files[1].diffs[0].changes).toEqual([]);
        const text = (await cpom(['diff', 'HEAD'])).stdout;
        expect(text).toContain('diff --cpom a/seeds/other.cpom b/seeds/other.cpom\nnouveau fichier\n');
        expect(text).toContain('renommé de sources/avenant-2.cpom en sources/avenant-deux.cpom');
    });

    it('exits 2 outside a repository, on an unknown revision, on a syntax error', async () => {
        const outsideRun = await cpom(['diff', 'HEAD'], outside);
        expect(outsideRun.code).toBe(2);
        expect(outsideRun.stderr).toMatch(/^cpom: pas un dépôt git/);

        const unknown = await cpom(['diff', 'no-such-branch', 'HEAD']);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain('révision inconnue ou chemin absent de la copie de travail : « no-such-branch »');
        expect((await cpom(['diff', 'HEAD', 'no-such-branch', '--'])).stderr).toContain('révision inconnue : « no-such-branch »');
        expect((await cpom(['diff', 'HEAD~1', 'HEAD', 'HEAD'])).stderr).toContain('trop de révisions');

        write(CONTRACT, read(CONTRACT).replace('périmètre {', 'périmètre {{'));
        const broken = await cpom(['diff', 'HEAD']);
        expect(broken.code).toBe(2);
        expect(broken.stderr).toMatch(/cpom: seeds\/messidor-2013\.cpom:\d+:\d+ : erreur de syntaxe, comparaison impossible/);
        expect(broken.stdout).toContain('comparaison impossible');
    });

    it('a changed catalogue imported with typographic quotes (importe “…”): its importers are found at each revision', async () => {
        // A repository of its own: two commits of the example where every import is written “…”, as pasted from Word.
        const typographic = path.join(base, 'typographic');
        const gitIn = (...args: string[]) => execFileSync('git', args, { cwd: typographic, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
        cpSync(path.join(ROOT, 'examples/avenant-catalogue'), typographic, { recursive: true, filter: f => !f.endsWith('.md') });
        for (const file of ['cpom-les-sources.cpom', 'avenant-1.cpom', 'avenant-2.cpom']) {
            const text = readFileSync(path.join(typographic, file), 'utf8');
            writeFileSync(path.join(typographic, file), text.replace(/^importe "([^"]*)"/gm, 'importe “$1”'));
        }
        expect(readFileSync(path.join(typographic, 'cpom-les-sources.cpom'), 'utf8')).toContain('importe “referentiel-cote-dor.cpom”');
        gitIn('init', '-q');
        gitIn('add', '-A');
        gitIn('-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'typographic imports');
        const catalogue = path.join(typographic, 'referentiel-cote-dor.cpom');
        writeFileSync(catalogue, readFileSync(catalogue, 'utf8').replace('capacité internat 12 places', 'capacité internat 14 places'));
        gitIn('-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', 'commit', '-q', '-a', '-m', 'IME Dijon: 14 places');

        const run = await cpom(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], typographic);
        expect(run.stderr).toBe('');
        const files = JSON.parse(run.stdout).files;
        expect(files.map((f: { path: string }) => f.path)).toEqual(['referentiel-cote-dor.cpom']);
        expect(files[0].importers).toEqual(['avenant-1.cpom', 'avenant-2.cpom', 'cpom-les-sources.cpom', 'suivi-2020.cpom', 'suivi-2021.cpom']);
        expect(files[0].diffs).toHaveLength(1);
        expect(files[0].diffs[0].new).toMatchObject({ id: 'CPOM_LES_SOURCES_2019', label: 'HEAD:cpom-les-sources.cpom' });
        expect(files[0].diffs[0].changes).toEqual([expect.objectContaining({ path: expect.arrayContaining(['COTE_DOR.IME_DIJON']), old: 12, new: 14 })]);
    });

    it('two existing files are still compared as files', async () => {
        write('old.cpom', SEED);
        write('new.cpom', withCapacity(SEED, 90));
        const run = await cpom(['diff', 'old.cpom', 'new.cpom']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('CPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017 (old.cpom → new.cpom)');
        expect((await cpom(['diff', 'old.cpom', 'missing.cpom'])).code).toBe(2);
    });
});

describe('cpom git-setup, then git itself', () => {
    beforeAll(async () => {
        const first = await cpom(['git-setup']);
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(first.stdout).toContain('.gitattributes : « *.cpom diff=cpom » ajouté');
        const second = await cpom(['git-setup']);
        expect(second.stdout).toContain('.gitattributes : contient déjà « *.cpom diff=cpom »');
        git('add', '.gitattributes');
        git('commit', '-q', '-m', 'cpom diff driver');
    });

    it('writes the attribute once and the driver and textconv with absolute paths', () => {
        expect(read('.gitattributes')).toBe('*.cpom diff=cpom\n');
        const bin = path.join(ROOT, 'packages/cli/bin/cpom.js');
        expect(git('config', '--get', 'diff.cpom.command').trim()).toBe(`${process.execPath} ${bin} git-diff-driver`);
        expect(git('config', '--get', 'diff.cpom.textconv').trim()).toBe(`${process.execPath} ${bin} textconv`);
    });

    it('git diff prints the semantic diff (external driver)', () => {
        write(CONTRACT, withCapacity(SEED, 80));
        write('sources/referentiel-cote-dor.cpom', read('sources/referentiel-cote-dor.cpom').replace('capacité internat 12 places', 'capacité internat 14 places'));
        const out = git('diff');
        expect(out).toContain('diff --cpom a/seeds/messidor-2013.cpom b/seeds/messidor-2013.cpom\nCPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017 (a/seeds/messidor-2013.cpom → b/seeds/messidor-2013.cpom)');
        expect(out).toMatch(/Lyon Vaise\u00A0» : 75\b[^→\n]*→ 80/);
        expect(out).not.toContain('capacité 80 places financées 80');
        // The catalogue: the contracts importing it, then its own lines.
        expect(out).toContain('diff --cpom a/sources/referentiel-cote-dor.cpom b/sources/referentiel-cote-dor.cpom\nimporté par');
        expect(out).toMatch(/Sources, Dijon\u00A0» : 12\b[^→\n]*→ 14/);
        expect(out).toContain('+        capacité internat 14 places');
        // Layout only: the driver says so.
        write(CONTRACT, relaidOut(SEED.replace(/30 places financées 30/, '75 places financées 75')));
        expect(git('diff', '--', CONTRACT)).toMatch(/CPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017 \(a\/seeds\/messidor-2013\.cpom → b\/seeds\/messidor-2013\.cpom\) : aucun changement\n$/);
    });

    it('git log -p --ext-diff and git show --ext-diff use the driver', () => {
        const log = git('log', '-p', '--ext-diff', '--format=commit %s', '--', CONTRACT);
        expect(log).toContain('commit ESAT Lyon Vaise: 75 places\n\ndiff --cpom a/seeds/messidor-2013.cpom b/seeds/messidor-2013.cpom');
        expect(log).toMatch(/Lyon Vaise\u00A0» : 30\b[^→\n]*→ 75/);
        expect(log).toMatch(/commit initial contracts\n\ndiff --cpom a\/seeds\/messidor-2013\.cpom b\/seeds\/messidor-2013\.cpom\nnouveau fichier\n/);
        expect(git('show', '--ext-diff', 'HEAD~1', '--', CONTRACT)).toMatch(/Lyon Vaise\u00A0» : 30\b[^→\n]*→ 75/);
    });

    it('without the driver, textconv gives one fact per line', () => {
        write(CONTRACT, withCapacity(SEED, 80));
        const out = git('diff', '--no-ext-diff');
        expect(out).toContain('-CPOM_MESSIDOR_2013.perimeter.establishments[ESAT_LYON_VAISE].capacities[places].authorised = 75');
        expect(out).toContain('+CPOM_MESSIDOR_2013.perimeter.establishments[ESAT_LYON_VAISE].capacities[places].authorised = 80');
        expect(out).not.toContain('capacité 80 places');
        // git log -p uses textconv by default.
        expect(git('log', '-p', '-1', 'HEAD~1', '--', CONTRACT)).toContain('+CPOM_MESSIDOR_2013.perimeter.establishments[ESAT_LYON_VAISE].capacities[places].authorised = 75');
        // An old version is a temporary copy: its imports are still read, only the changed fact differs.
        write('sources/cpom-les-sources.cpom', read('sources/cpom-les-sources.cpom').replace('signature 2018-12-20', 'signature 2018-12-21'));
        const withImports = git('diff', '--no-ext-diff', '--', 'sources/cpom-les-sources.cpom');
        expect(withImports.split('\n').filter(l => /^[-+][^-+]/.test(l))).toEqual([
            '-CPOM_LES_SOURCES_2019.engagement.dateSignatureEngagement = "2018-12-20"',
            '+CPOM_LES_SOURCES_2019.engagement.dateSignatureEngagement = "2018-12-21"',
        ]);
        // Layout only: the listings are the same, git shows nothing.
        write(CONTRACT, relaidOut(SEED.replace(/30 places financées 30/, '75 places financées 75')));
        expect(git('diff', '--no-ext-diff', '--', CONTRACT)).toBe('');
    });

    it('textconv resolves imports and prints the file as it is when it cannot read a contract', async () => {
        const listing = (await cpom(['textconv', 'sources/cpom-les-sources.cpom'])).stdout;
        expect(listing).toContain('CPOM_LES_SOURCES_2019.perimeter.establishments[COTE_DOR.IME_DIJON].nomEgeLong = "IME Les Sources, Dijon"');
        expect(listing.split('\n').every(l => l === '' || / = /.test(l))).toBe(true);
        // Temporary copies named as git names them (git-blob-XXXXXX/<base name>, or XXXXXX_<base name>): imports
        // are read next to the tracked file of that name.
        mkdirSync(path.join(base, 'git-blob-Ab12Cd'));
        writeFileSync(path.join(base, 'git-blob-Ab12Cd/cpom-les-sources.cpom'), read('sources/cpom-les-sources.cpom'));
        expect((await cpom(['textconv', path.join(base, 'git-blob-Ab12Cd/cpom-les-sources.cpom')])).stdout).toBe(listing);
        writeFileSync(path.join(base, 'Ab12Cd_cpom-les-sources.cpom'), read('sources/cpom-les-sources.cpom'));
        expect((await cpom(['textconv', path.join(base, 'Ab12Cd_cpom-les-sources.cpom')])).stdout).toBe(listing);
        expect((await cpom(['textconv', 'sources/catalogue-anap.cpom'])).stdout).toBe(read('sources/catalogue-anap.cpom'));
        write('broken.cpom', 'contrat X {');
        expect(await cpom(['textconv', 'broken.cpom'])).toEqual({ code: 0, stdout: 'contrat X {\n', stderr: '' });
    });

    it('the driver: added and deleted files (/dev/null), a syntax error falls back to the line diff, exit 0', async () => {
        write('seeds/new.cpom', SEED.replace(/CPOM_MESSIDOR_2013/g, 'CPOM_NEW'));
        const zero = '0'.repeat(40);
        const added = await cpom(['git-diff-driver', 'seeds/new.cpom', '/dev/null', zero, '.', 'seeds/new.cpom', zero, '100644']);
        expect(added.code).toBe(0);
        expect(added.stdout).toMatch(/^diff --cpom a\/seeds\/new\.cpom b\/seeds\/new\.cpom\nnouveau fichier\nCPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017 \(/);
        const deleted = await cpom(['git-diff-driver', 'seeds/new.cpom', 'seeds/new.cpom', zero, '100644', '/dev/null', zero, '.']);
        expect(deleted.stdout).toContain('fichier supprimé');

        write(CONTRACT, read(CONTRACT).replace('périmètre {', 'périmètre {{'));
        const result = spawnSync('git', ['-c', 'core.pager=cat', 'diff'], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('comparaison impossible');
        expect(result.stdout).toContain('+    périmètre {{');
    });

    it('--global writes the global attributes file and config', async () => {
        const run = await cpom(['git-setup', '--global'], outside);
        expect(run.code).toBe(0);
        expect(readFileSync(path.join(base, '.config/git/attributes'), 'utf8')).toBe('*.cpom diff=cpom\n');
        expect(execFileSync('git', ['config', '--global', '--get', 'diff.cpom.command'], { cwd: outside, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } })).toContain('git-diff-driver');
        expect((await cpom(['git-setup'], outside)).code).toBe(2);
    });
});
