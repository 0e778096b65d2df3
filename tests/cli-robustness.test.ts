/**
 * The CLI on hostile input and hostile places: outputs that would destroy a contract, control characters in
 * contracts, huge reports, symbolic link loops, generation failures, file system errors, unusual encodings and
 * line breaks. Each case here was a defect found by fuzzing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommandIO } from '../packages/cli/src/check.js';
import { expandPaths } from '../packages/cli/src/files.js';
import { excerpt, MAX_PER_LINE } from '../packages/cli/src/formats/human.js';
import { main } from '../packages/cli/src/main.js';
import { AtomicFile, type OutputFileSystem, writeFileAtomic } from '../packages/cli/src/output.js';
import { visibleText } from '../packages/cli/src/terminal-text.js';
import { ROOT } from './helpers.js';
import { runCpom } from './cli-run.js';

// A contract whose generation throws, to check that one failure does not stop the others (the generator's own
// defects are fixed in the generator; the CLI must survive the next one).
vi.mock('@cpom/generator', async original => {
    const generator = await original<typeof import('@cpom/generator')>();
    return {
        ...generator,
        buildContractDocument: ((contract, avenants) => {
            if (contract.name === 'EXPLOSIF') throw new TypeError("Cannot read properties of undefined (reading 'replace')");
            return generator.buildContractDocument(contract, avenants);
        }) as typeof generator.buildContractDocument,
    };
});

const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
const BUNDLE = path.join(ROOT, 'packages/cli/bin/cpom.js');
/** Raw terminal controls: ESC, BEL, C1 CSI, DEL; a test fails if any of them reaches an output. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const HOSTILE = '\x1b]0;pwned\x07\x1b[2J\x9b31m';

let dir: string;

interface Run { code: number; stdout: string; stderr: string }

async function cpom(args: string[], cwd = dir): Promise<Run> {
    return runCpom(args, cwd);
}

function write(name: string, content: string | Uint8Array): string {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
}

function read(name: string): string {
    return readFileSync(path.join(dir, name), 'utf8');
}

function variant(name: string): string {
    return BASE.replace(/CPOM_MESSIDOR_2013/g, name);
}

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpom-robust-'));
    write('old.cpom', BASE);
    write('new.cpom', BASE.replace('capacite 120 places', 'capacite 130 places'));
    write('notes.txt', 'mes notes\n');
    write('a-folder/keep.txt', 'x');
    write('configured/cpom.config.json', JSON.stringify({ lang: 'fr' }));
    write('configured/c.cpom', BASE);
    symlinkSync(path.join(dir, 'new.cpom'), path.join(dir, 'new-link.txt'));
});

describe('no command writes over a contract, a file it reads, or a folder', () => {
    const cases: Array<{ name: string; args: string[]; target: string; message: RegExp }> = [
        { name: 'diff -o NEW', args: ['diff', 'old.cpom', 'new.cpom', '-o', 'new.cpom'], target: 'new.cpom', message: /refus d'écrire sur « new\.cpom » : c'est un contrat/ },
        { name: 'diff -o another contract', args: ['diff', 'old.cpom', 'new.cpom', '-o', 'configured/c.cpom'], target: 'configured/c.cpom', message: /c'est un contrat/ },
        { name: 'diff -o a link to NEW', args: ['diff', 'old.cpom', 'new.cpom', '-o', 'new-link.txt'], target: 'new.cpom', message: /refus d'écrire sur « new-link\.txt » : cette commande lit ce fichier/ },
        { name: 'diff -o a folder', args: ['diff', 'old.cpom', 'new.cpom', '-o', 'a-folder'], target: 'a-folder/keep.txt', message: /« a-folder » : c'est un dossier/ },
        { name: 'diff REV -o a contract', args: ['diff', 'HEAD', '-o', 'old.cpom'], target: 'old.cpom', message: /c'est un contrat/ },
        { name: 'check -o a link to a checked file', args: ['check', 'new.cpom', '-o', 'new-link.txt'], target: 'new.cpom', message: /cette commande lit ce fichier/ },
        { name: 'check -o a folder', args: ['check', 'old.cpom', '-o', 'a-folder'], target: 'a-folder/keep.txt', message: /c'est un dossier/ },
        { name: 'check -o its cpom.config.json', args: ['check', 'configured', '-o', 'configured/cpom.config.json'], target: 'configured/cpom.config.json', message: /cette commande lit ce fichier/ },
        { name: 'generate -o a file', args: ['generate', 'old.cpom', '-o', 'notes.txt'], target: 'notes.txt', message: /« notes\.txt » n'est pas un dossier/ },
        { name: 'avenant -o a file', args: ['avenant', 'old.cpom', 'new.cpom', '-n', '2', '-o', 'notes.txt'], target: 'notes.txt', message: /« notes\.txt » n'est pas un dossier/ },
        { name: 'rules --write-docs a file', args: ['rules', '--write-docs', 'notes.txt'], target: 'notes.txt', message: /« notes\.txt » n'est pas un dossier/ },
    ];
    it.each(cases)('$name: exit 2, a French message, the target unchanged', async ({ args, target, message }) => {
        const before = read(target);
        const run = await cpom(args);
        expect(run.stderr).toMatch(message);
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(run.code).toBe(2);
        expect(read(target)).toBe(before);
    });

    it('answers in English with --lang en', async () => {
        const run = await cpom(['check', 'old.cpom', '-o', 'old.cpom', '--lang', 'en']);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("refusing to write over 'old.cpom': it is a contract (.cpom)");
    });
});

describe('file system errors are messages naming the path, never stack traces', () => {
    const cases: Array<{ name: string; args: string[]; message: RegExp }> = [
        { name: 'check -o in a file', args: ['check', 'old.cpom', '-o', 'notes.txt/report.txt'], message: /« notes\.txt » n'est pas un dossier : impossible d'y écrire/ },
        { name: 'check -o under a file (ENOTDIR)', args: ['check', 'old.cpom', '-o', 'notes.txt/sub/report.txt'], message: /impossible d'écrire « notes\.txt\/sub » : un élément du chemin n'est pas un dossier \(ENOTDIR\)/ },
        { name: 'diff -o under a file (ENOTDIR)', args: ['diff', 'old.cpom', 'new.cpom', '-o', 'notes.txt/sub/diff.txt'], message: /impossible d'écrire « notes\.txt\/sub » : .*ENOTDIR/ },
        { name: 'generate -o under a file', args: ['generate', 'old.cpom', '-o', 'notes.txt/out'], message: /impossible d'écrire « notes\.txt\/out » : .*ENOTDIR/ },
        { name: 'check of a file under a file', args: ['check', 'notes.txt/c.cpom'], message: /introuvable : « notes\.txt\/c\.cpom »/ },
        { name: 'check -o .CPOM in capitals', args: ['check', 'old.cpom', '-o', 'OLD.CPOM'], message: /c'est un contrat/ },
    ];
    it.each(cases)('$name', async ({ args, message }) => {
        const run = await cpom(args);
        expect(run.stderr).toMatch(message);
        expect(run.stderr).not.toMatch(/\n\s+at |internal error|erreur interne/);
        expect(run.code).toBe(2);
    });

    it('in English with --lang en', async () => {
        const run = await cpom(['check', 'old.cpom', '-o', 'notes.txt/sub/report.txt', '--lang', 'en']);
        expect(run.stderr).toContain("cannot write 'notes.txt/sub': a component of the path is not a directory (ENOTDIR)");
    });

    /** node:fs with some calls failing as they do for a user without the rights (the tests run as root). */
    function failing(calls: Partial<Record<keyof typeof nodeFs, string>>): typeof nodeFs {
        const fs = { ...nodeFs };
        for (const [call, code] of Object.entries(calls)) {
            (fs as Record<string, unknown>)[call] = () => {
                throw Object.assign(new Error(`${code}: simulated`), { code, syscall: call });
            };
        }
        return fs;
    }

    it('an unreadable folder is an error naming it, not "no contract found"', async () => {
        write('locked/inside/c.cpom', BASE);
        // Only the inner folder is unreadable: the walk must say so rather than find nothing.
        const fs = {
            ...nodeFs,
            readdirSync: ((dirPath: string, options: never) => {
                if (dirPath.endsWith('inside')) throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' });
                return nodeFs.readdirSync(dirPath, options);
            }) as typeof nodeFs.readdirSync,
        };
        await expect(expandPaths(['locked'], dir, fs)).rejects.toThrow("impossible de lire le dossier « locked/inside » : permission refusée (EACCES)");
    });

    it('a failed write reports the write, not the failure of the cleanup, and leaves the target as it was', () => {
        const target = write('kept.txt', 'ancien contenu\n');
        const fs: OutputFileSystem = failing({ writeSync: 'EACCES', rmSync: 'EACCES' });
        expect(() => writeFileAtomic(target, 'nouveau', 'kept.txt', fs)).toThrow("impossible d'écrire « kept.txt » : permission refusée (EACCES)");
        expect(read('kept.txt')).toBe('ancien contenu\n');
    });

    it('a failed rename (read-only place) is reported with the path; no temporary file is left', () => {
        write('ro/existing.txt', 'x');
        const fs: OutputFileSystem = failing({ renameSync: 'EROFS' });
        const out = new AtomicFile(path.join(dir, 'ro/report.txt'), 'ro/report.txt', fs);
        out.write('contenu');
        expect(() => out.commit()).toThrow("impossible d'écrire « ro/report.txt » : système de fichiers en lecture seule (EROFS)");
        expect(readdirSync(path.join(dir, 'ro'))).toEqual(['existing.txt']);
    });
});

describe('control characters of a contract never reach the terminal raw', () => {
    // A wrong FINESS key on a line that carries terminal controls in a comment; an ESC outside any string.
    const inComment = variant('ECHAPPE').replace('finess 260999016', `finess 260999017 // ${HOSTILE}`);
    const outside = variant('HORS_TEXTE').replace('cadre L313-11', `cadre L313-11 ${HOSTILE}`);
    const inTitle = BASE.replace('"CPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017"', `"CPOM MESSIDOR ${HOSTILE}"`);
    const nonCharacter = variant('NON_CARACTERE').replace('cadre L313-11', 'cadre L313-11 \uFFFF');

    beforeAll(() => {
        write('hostile/in-comment.cpom', inComment);
        write('hostile/outside.cpom', outside);
        write('hostile/title.cpom', inTitle);
        write('hostile/noncharacter.cpom', nonCharacter);
    });

    const outputs: Array<{ name: string; args: string[]; stream: 'stdout' | 'stderr' | 'file'; file?: string }> = [
        { name: 'check, human, excerpt of a comment', args: ['check', 'hostile/in-comment.cpom'], stream: 'stdout' },
        { name: 'check, human, message quoting the character', args: ['check', 'hostile/outside.cpom'], stream: 'stdout' },
        { name: 'check, human, written with -o', args: ['check', 'hostile', '-o', 'hostile-report.txt'], stream: 'file', file: 'hostile-report.txt' },
        { name: 'check, github annotations', args: ['check', 'hostile', '--format', 'github'], stream: 'stdout' },
        { name: 'diff, text', args: ['diff', 'old.cpom', 'hostile/title.cpom'], stream: 'stdout' },
        { name: 'diff, markdown', args: ['diff', 'old.cpom', 'hostile/title.cpom', '--format', 'markdown'], stream: 'stdout' },
        { name: 'diff, text with -o', args: ['diff', 'old.cpom', 'hostile/title.cpom', '-o', 'hostile-diff.txt'], stream: 'file', file: 'hostile-diff.txt' },
        { name: 'diff, syntax error on stderr', args: ['diff', 'old.cpom', 'hostile/outside.cpom'], stream: 'stderr' },
        { name: 'generate, errors on stderr', args: ['generate', 'hostile/outside.cpom', '-o', 'hostile-out'], stream: 'stderr' },
        { name: 'textconv of a text that does not parse', args: ['textconv', 'hostile/outside.cpom'], stream: 'stdout' },
        { name: 'git diff driver, unmerged path', args: ['git-diff-driver', `x${HOSTILE}.cpom`], stream: 'stdout' },
    ];
    it.each(outputs)('$name', async ({ args, stream, file }) => {
        const run = await cpom(args);
        const text = stream === 'file' ? read(file!) : run[stream];
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(RAW_CONTROLS);
        expect(text).toMatch(/␛|\\x9b/);
    });

    it('JUnit XML holds only characters XML allows', async () => {
        const run = await cpom(['check', 'hostile', '--format', 'junit']);
        expect(run.stdout).toContain('<failure');
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
        expect(run.stdout).toContain('\\uffff');
    });

    it('the sanitiser shows C0 as control pictures, C1 and bidi controls as escapes, and keeps what is asked', () => {
        expect(visibleText('a\x1bb\x07c\x7f\x9b\u202ed\te\nf', '\n')).toBe('a␛b␇c␡\\x9b\\u202ed␉e\nf');
        expect(visibleText('déjà vu — 日本', '')).toBe('déjà vu — 日本');
    });
});

describe('human reports stay in proportion to the problems', () => {
    it('an excerpt is cut around the column, the caret under the problem, wide characters and tabs counted', () => {
        const long = 'a'.repeat(500) + 'X' + 'b'.repeat(500);
        const cut = excerpt(long, 501, 502);
        expect(cut.text).toBe(`…${'a'.repeat(60)}X${'b'.repeat(60)}…`);
        expect(cut.pad.length).toBe(61);
        expect(cut.caret).toBe('^');
        const wide = excerpt('\t日本 X', 5, 6);
        expect(wide.text).toBe(' 日本 X');
        expect(wide.pad).toBe(' '.repeat(6));
        const controls = excerpt(`${HOSTILE}X`, HOSTILE.length + 1, HOSTILE.length + 2);
        expect(controls.text).not.toMatch(RAW_CONTROLS);
        // Every character shown before X is one column wide (\x9b is four): the caret is under X.
        expect(controls.pad.length).toBe(controls.text.indexOf('X'));
    });

    it(`3,000 errors on one 25 KB line: at most ${MAX_PER_LINE} shown, the others counted in French`, async () => {
        const line = Array.from({ length: 3000 }, () => '¤abcdefg').join(' ');
        write('huge/one-line.cpom', `contrat X "t" {\n${line}\n}\n`);
        const run = await cpom(['check', 'huge/one-line.cpom']);
        expect(run.code).toBe(1);
        expect(run.stdout.length).toBeLessThan(50_000);
        expect(run.stdout.match(/^huge\/one-line\.cpom:2:/gm)).toHaveLength(MAX_PER_LINE);
        expect(run.stdout).toMatch(/… \d+ autres problèmes sur la ligne 2, non affichés/);
        const json = JSON.parse((await cpom(['check', 'huge/one-line.cpom', '--format', 'json'])).stdout);
        expect(json.summary.errors).toBeGreaterThan(3000);
    });

    it('a 100 KB line of errors written to a pipe by the bundle: no crash, a report of bounded size', () => {
        const line = Array.from({ length: 12_500 }, () => '¤abcdefg').join(' ');
        const file = write('huge/hundred-kb.cpom', `contrat X "t" {\n${line}\n}\n`);
        const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' };
        const run = spawnSync(process.execPath, [BUNDLE, 'check', file], { encoding: 'utf8', env, maxBuffer: 1 << 28, timeout: 120_000 });
        expect(run.stderr).not.toMatch(/RangeError|erreur interne|internal error/);
        expect(run.status).toBe(1);
        expect(run.stdout.length).toBeLessThan(50_000);
        expect(run.stdout).toMatch(/✖ 1 fichier vérifié : \d+ erreurs/);
    });

    it('-o writes the human report atomically: no temporary file left', async () => {
        const run = await cpom(['check', 'huge/one-line.cpom', '-o', 'huge-report/report.txt']);
        expect(run.code).toBe(1);
        expect(readdirSync(path.join(dir, 'huge-report'))).toEqual(['report.txt']);
        expect(read('huge-report/report.txt')).toMatch(/autres problèmes sur la ligne 2/);
    });
});

describe('files that are not named .cpom', () => {
    it('are read as contracts, not a crash of the language registry', async () => {
        write('named/contract.txt', BASE);
        const clean = await cpom(['check', 'named/contract.txt']);
        expect(clean.stderr).toBe('');
        expect(clean.code).toBe(0);
        const notes = await cpom(['check', 'notes.txt']);
        expect(notes.stdout).toContain('notes.txt:1:1 erreur CPOM001');
        expect(notes.code).toBe(1);
    });
});

describe('symbolic links', () => {
    it('a link back up the tree: each real file checked once, no CPOM003 on a valid contract', async () => {
        write('loop/contract.cpom', BASE);
        mkdirSync(path.join(dir, 'loop/d'), { recursive: true });
        symlinkSync('../', path.join(dir, 'loop/d/up'));
        const run = await cpom(['check', 'loop', '--format', 'json']);
        const report = JSON.parse(run.stdout);
        expect(report.summary).toMatchObject({ files: 1, errors: 0 });
        expect(run.code).toBe(0);
    });

    it('the same file named twice, directly and through a link, is checked once', async () => {
        symlinkSync(path.join(dir, 'old.cpom'), path.join(dir, 'old-alias.cpom'));
        const run = await cpom(['check', 'old.cpom', 'old-alias.cpom', '--format', 'json']);
        expect(JSON.parse(run.stdout).summary).toMatchObject({ files: 1, errors: 0 });
    });
});

describe('generate on broken contracts', () => {
    it('--force on a syntax error: no "use --force" advice, no stack trace', async () => {
        write('force/c.cpom', 'contrat X\n');
        const run = await cpom(['generate', 'force/c.cpom', '--force', '-o', 'force/out']);
        expect(run.stderr).not.toMatch(/use --force|--force pour/);
        expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
        expect(run.stderr).toContain('malgré leurs erreurs (--force)');
        if (run.code !== 0) {
            expect(run.code).toBe(2);
            expect(run.stderr).toMatch(/le contrat X \(force\/c\.cpom:1\) n'a pas pu être généré/);
        }
    });

    it('a contract whose generation fails is named in French; the others are still written; exit 2', async () => {
        write('several/a.cpom', variant('EXPLOSIF'));
        write('several/b.cpom', variant('INTACT'));
        const run = await cpom(['generate', 'several', '-o', 'several-out']);
        expect(run.stderr).toMatch(/cpom: le contrat EXPLOSIF \(several\/a\.cpom:2\) n'a pas pu être généré : erreur interne \(TypeError: Cannot read properties/);
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(run.code).toBe(2);
        expect(readdirSync(path.join(dir, 'several-out'))).toEqual(['INTACT.html']);
    });

    it('without --force, the refusal names --force', async () => {
        const run = await cpom(['generate', 'force/c.cpom', '-o', 'force/out2']);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('--force pour les générer quand même');
        expect(existsSync(path.join(dir, 'force/out2'))).toBe(false);
    });
});

describe('line breaks and encodings', () => {
    const wrongKey = variant('CLE').replace('finess 260999016', 'finess 260999017');
    const keyLine = wrongKey.split('\n').findIndex(l => l.includes('260999017')) + 1;

    it.each([
        { name: 'lone CR', eol: '\r' },
        { name: 'CR LF', eol: '\r\n' },
        { name: 'mixed', eol: 'mixed' },
    ])('$name: the excerpt shows the line the position names', async ({ name, eol }) => {
        const lines = wrongKey.split('\n');
        const text = eol === 'mixed' ? lines.map((l, i) => l + ['\n', '\r', '\r\n'][i % 3]).join('') : lines.join(eol);
        write(`eol/${name}.cpom`, text);
        const run = await cpom(['check', `eol/${name}.cpom`]);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain(`eol/${name}.cpom:${keyLine}:20 erreur CPOM041`);
        expect(run.stdout).toMatch(new RegExp(`\\n\\s*${keyLine} \\|\\s+finess 260999017\\n`));
    });

    const encodings: Array<{ name: string; bytes: () => Buffer; note?: RegExp }> = [
        { name: 'UTF-16 LE with BOM', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(variant('UTF16LE'), 'utf16le')]), note: /UTF-16 \(LE\)/ },
        { name: 'UTF-16 BE with BOM', bytes: () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(variant('UTF16BE'), 'utf16le').swap16()]), note: /UTF-16 \(BE\)/ },
        { name: 'UTF-8 with BOM', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(variant('UTF8BOM'), 'utf8')]) },
        {
            name: 'UTF-8 BOM then Windows-1252',
            // Windows-1252 is Latin-1 plus, among others, € at 0x80 and – at 0x96.
            bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([...variant('BOM1252')].map(c => (c === '€' ? 0x80 : c === '–' ? 0x96 : c.charCodeAt(0))))]),
            note: /n'est pas en UTF-8 valide : lu comme Windows-1252/,
        },
    ];
    it.each(encodings)('$name is read as the text it is', async ({ name, bytes, note }) => {
        write(`enc/${name}.cpom`, bytes());
        const run = await cpom(['check', `enc/${name}.cpom`]);
        expect(run.stdout).toContain(' 0 erreur,');
        expect(run.code).toBe(0);
        if (note) expect(run.stderr).toMatch(note);
        else expect(run.stderr).toBe('');
    });
});

describe('French first on the command line, English on request', () => {
    async function cpomIn(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
        let stdout = '';
        let stderr = '';
        const io: CommandIO = { cwd: options.cwd ?? dir, env: options.env, stdout: t => { stdout += t; }, stderr: t => { stderr += t; }, version: '0.0.0-test' };
        return { code: await main(args, io), stdout, stderr };
    }

    const french: Array<{ args: string[]; stream: 'stdout' | 'stderr'; says: string[]; code: number }> = [
        { args: ['--help'], stream: 'stdout', code: 0, says: ['Utilisation : cpom [options] [commande]', 'Commandes :', 'vérifier des contrats', "afficher l'aide de la commande"] },
        { args: ['check', '--help'], stream: 'stdout', code: 0, says: ['Arguments :', 'Options :', '(choix : "human", "json"', 'défaut :'] },
        { args: ['check', 'nope.cpom'], stream: 'stderr', code: 2, says: ['cpom: fichier ou dossier introuvable : « nope.cpom »'] },
        { args: ['check', '--frobnicate', 'x'], stream: 'stderr', code: 2, says: ['erreur : option inconnue « --frobnicate »', "(cpom --help pour l'aide)"] },
        { args: ['check'], stream: 'stderr', code: 2, says: ['erreur : argument obligatoire manquant : « chemins »'] },
        { args: ['check', '--format', 'xml', 'x'], stream: 'stderr', code: 2, says: ["erreur : valeur « xml » impossible pour l'option « -f, --format <format> » ; valeurs possibles : human, json"] },
        { args: ['check', '--max-warnings', 'beaucoup', 'x'], stream: 'stderr', code: 2, says: ['un entier ≥ 0 est attendu'] },
        { args: ['generate', 'x', '--format', 'odt'], stream: 'stderr', code: 2, says: ['format inconnu « odt »'] },
        { args: ['avenant', 'old.cpom', 'new.cpom'], stream: 'stderr', code: 2, says: ["erreur : l'option « -n, --number <n> » est obligatoire"] },
        { args: ['chek', 'x'], stream: 'stderr', code: 2, says: ['erreur : commande inconnue « chek »', '(vouliez-vous dire check ?)'] },
        { args: ['check', '-o'], stream: 'stderr', code: 2, says: ["erreur : l'option « -o, --output <fichier> » attend une valeur"] },
        { args: ['rules', 'a', 'b'], stream: 'stderr', code: 2, says: ["erreur : trop d'arguments pour « rules » : 1 attendu, 2 donnés"] },
        { args: ['avenant', 'old.cpom', 'new.cpom', '-n', 'deux'], stream: 'stderr', code: 2, says: ["numéro d'avenant impossible : « deux »"] },
    ];
    it.each(french)('cpom $args answers in French', async ({ args, stream, says, code }) => {
        const run = await cpomIn(args);
        for (const words of says) expect(run[stream]).toContain(words);
        expect(run.code).toBe(code);
    });

    const COMMANDS = [['check'], ['init'], ['generate'], ['avenant'], ['diff'], ['suivi'], ['suivi', 'importer'], ['fmt'], ['rules'], ['studio'], ['git-setup'], ['lsp'], []];
    const ENGLISH_NAMES = /[<[](file|dir|name|path|paths|old|new|operands|identifier|frame|contract|follow-ups|command)(\.\.\.)?[>\]]|^ {2}(file|paths|old|new|operands|contract|follow-ups) |category|capacity/m;
    const FRENCH_NAMES = /[<[](fichier|dossier|nom|chemin|chemins|ancien|nouveau|opérandes|identifiant|cadre|contrat|suivis|commande)(\.\.\.)?[>\]]|catégorie|capacité/;
    it.each(COMMANDS.map(command => ({ name: ['cpom', ...command].join(' '), command })))('$name --help names its arguments and values in French, and in English with --lang en', async ({ command }) => {
        const french = (await cpomIn([...command, '--help'])).stdout;
        expect(french).toContain('Utilisation :');
        expect(french).not.toMatch(ENGLISH_NAMES);
        // A list default reads as the user types it, not as JSON.
        expect(french).not.toContain('["');
        const english = (await cpomIn([...command, '--help', '--lang', 'en'])).stdout;
        expect(english).toContain('Usage:');
        expect(english).not.toMatch(FRENCH_NAMES);
    });

    it('--lang en, an English LANG or LC_ALL, or "lang": "en" in cpom.config.json give English', async () => {
        expect((await cpomIn(['check', 'nope.cpom', '--lang', 'en'])).stderr).toContain("cpom: no such file or directory: 'nope.cpom'");
        expect((await cpomIn(['check', '--lang=en', '--frobnicate', 'x'])).stderr).toContain("error: unknown option '--frobnicate'");
        expect((await cpomIn(['--help'], { env: { LANG: 'en_GB.UTF-8' } })).stdout).toContain('Usage: cpom [options] [command]');
        // LC_ALL wins over LANG, as POSIX says.
        expect((await cpomIn(['--help'], { env: { LANG: 'en_GB.UTF-8', LC_ALL: 'fr_FR.UTF-8' } })).stdout).toContain('Utilisation :');
        expect((await cpomIn(['--help'], { env: { LANG: 'C.UTF-8' } })).stdout).toContain('Utilisation :');
        write('english-project/cpom.config.json', JSON.stringify({ lang: 'en' }));
        const inProject = await cpomIn(['check', 'nope.cpom'], { cwd: path.join(dir, 'english-project') });
        expect(inProject.stderr).toContain("no such file or directory: 'nope.cpom'");
        // --lang wins over the configuration.
        expect((await cpomIn(['check', 'nope.cpom', '--lang', 'fr'], { cwd: path.join(dir, 'english-project'), env: { LANG: 'en_US' } })).stderr).toContain('introuvable');
    });

    it('an English environment also gives English diagnostics, unless a configuration says French', async () => {
        write('env-lang/wrong-key.cpom', variant('ENV_LANG').replace('finess 260999016', 'finess 260999017'));
        const english = await cpomIn(['check', 'env-lang/wrong-key.cpom'], { env: { LANG: 'en_US.UTF-8' } });
        expect(english.stdout).toContain('error CPOM041 The key of FINESS number 260999017 is wrong');
        write('env-lang/cpom.config.json', JSON.stringify({ lang: 'fr' }));
        const configured = await cpomIn(['check', 'env-lang/wrong-key.cpom'], { env: { LANG: 'en_US.UTF-8' } });
        expect(configured.stdout).toContain('erreur CPOM041 La clé du numéro FINESS');
    });

    it('the installed command answers in French by default', () => {
        const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
        const help = spawnSync(process.execPath, [BUNDLE, '--help'], { encoding: 'utf8', env, cwd: dir });
        expect(help.stdout).toContain('Utilisation : cpom');
        const missing = spawnSync(process.execPath, [BUNDLE, 'check', 'nope.cpom'], { encoding: 'utf8', env, cwd: dir });
        expect(missing.stderr).toContain('fichier ou dossier introuvable : « nope.cpom »');
        expect(missing.status).toBe(2);
    });
});

describe('cpom fmt', () => {
    // The base contract with its layout spoilt: no indentation, doubled spaces.
    const messy = (name: string) => variant(name).replace(/^ +/gm, '').replace(/ (finess|capacite) /g, '  $1  ');

    it('--check lists the files that are not formatted (exit 1) and writes nothing; fmt rewrites them; then --check passes', async () => {
        write('fmt/a.cpom', messy('FMT_A'));
        write('fmt/sub/b.cpom', messy('FMT_B'));
        const before = read('fmt/a.cpom');
        const check = await cpom(['fmt', '--check', 'fmt']);
        expect(check.stdout).toBe('fmt/a.cpom\nfmt/sub/b.cpom\n');
        expect(check.stderr).toContain('2 fichiers non formatés');
        expect(check.code).toBe(1);
        expect(read('fmt/a.cpom')).toBe(before);

        const fmt = await cpom(['fmt', 'fmt']);
        expect(fmt.stdout).toBe('fmt/a.cpom\nfmt/sub/b.cpom\n');
        expect(fmt.code).toBe(0);
        expect(read('fmt/a.cpom')).not.toBe(before);
        expect(read('fmt/a.cpom')).toMatch(/\n {8}etablissement ESAT_LYON "ESAT MESSIDOR Lyon" \{\n {12}finess 690999016\n/);
        expect(readdirSync(path.join(dir, 'fmt')).sort()).toEqual(['a.cpom', 'sub']);

        const again = await cpom(['fmt', '--check', 'fmt']);
        expect(again.code).toBe(0);
        expect(again.stdout).toBe('');
        expect(again.stderr).toContain('tous les fichiers sont formatés');
        // The formatted text means the same: still a clean contract.
        expect((await cpom(['check', 'fmt/a.cpom'])).code).toBe(0);
    });

    it('a file with a syntax error is left as it is and named with its place (exit 2); the others are formatted', async () => {
        const broken = 'contrat  X  "t" {\n    effet 2013-01-01\n';
        write('fmt-broken/broken.cpom', broken);
        write('fmt-broken/good.cpom', messy('FMT_GOOD'));
        const run = await cpom(['fmt', 'fmt-broken']);
        expect(run.stderr).toMatch(/cpom: fmt-broken\/broken\.cpom:3:1 : erreur de syntaxe, non formaté : /);
        expect(run.stdout).toBe('fmt-broken/good.cpom\n');
        expect(run.code).toBe(2);
        expect(read('fmt-broken/broken.cpom')).toBe(broken);
        expect((await cpom(['fmt', '--check', 'fmt-broken/good.cpom'])).code).toBe(0);
    });

    it('keeps the permissions and the UTF-8 byte order mark of a rewritten file', async () => {
        const file = write('fmt-mode/c.cpom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(messy('FMT_MODE'))]));
        nodeFs.chmodSync(file, 0o640);
        expect((await cpom(['fmt', 'fmt-mode'])).code).toBe(0);
        expect(nodeFs.statSync(file).mode & 0o777).toBe(0o640);
        expect([...readFileSync(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    });

    it('does not rewrite a file that is not UTF-8 (formatting would change its encoding)', async () => {
        const latin1 = Buffer.from([...messy('FMT_1252')].map(c => (c === '€' ? 0x80 : c === '–' ? 0x96 : c.charCodeAt(0))));
        const file = write('fmt-1252/c.cpom', latin1);
        const run = await cpom(['fmt', 'fmt-1252']);
        expect(run.stderr).toContain('non formaté (le reformater l\'écrirait en UTF-8)');
        expect(run.code).toBe(2);
        expect(readFileSync(file).equals(latin1)).toBe(true);
    });

    it('the bundled contracts are already formatted', async () => {
        const run = await cpom(['fmt', '--check', 'seeds', 'examples'], ROOT);
        expect(run.stdout).toBe('');
        expect(run.code).toBe(0);
    });
});

describe('the standard input: cpom check - and cpom fmt -', () => {
    async function withStdin(args: string[], input: string | Uint8Array, cwd = dir): Promise<Run> {
        let stdout = '';
        let stderr = '';
        const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
        const io: CommandIO = { cwd, stdin: async () => bytes, stdout: t => { stdout += t; }, stderr: t => { stderr += t; }, version: '0.0.0-test' };
        return { code: await main(args, io), stdout, stderr };
    }
    const wrongKey = variant('STDIN').replace('finess 260999016', 'finess 260999017');
    const keyLine = wrongKey.split('\n').findIndex(l => l.includes('260999017')) + 1;

    it('checks the input as <stdin> in the working directory', async () => {
        const run = await withStdin(['check', '-'], wrongKey);
        expect(run.stdout).toContain(`<stdin>:${keyLine}:20 erreur CPOM041`);
        expect(run.stdout).toContain('1 fichier vérifié');
        expect(run.code).toBe(1);
    });

    it('--stdin-filename places it: its name, its cpom.config.json, its imports', async () => {
        write('stdin-place/cpom.config.json', JSON.stringify({ rules: { CPOM041: 'off' } }));
        write('stdin-place/lib/etabs.cpom', 'catalogue ETABS "Établissements" {\n    autorite ARS_CAT ars "ARS (catalogue)"\n}\n');
        const importing = `importe "lib/etabs.cpom"\n${wrongKey}`;
        const run = await withStdin(['check', '-', '--stdin-filename', 'stdin-place/edited.cpom', '--format', 'json'], importing);
        const report = JSON.parse(run.stdout);
        expect(report.files[0].path).toBe('stdin-place/edited.cpom');
        const codes = report.files[0].diagnostics.map((d: { code: string }) => d.code);
        expect(codes).not.toContain('CPOM041'); // switched off by the configuration next to it
        expect(codes).not.toContain('CPOM004'); // the import resolves from its folder
        expect(run.code).toBe(0);
    });

    it('input that is not UTF-8 is refused with the place of the first bad byte', async () => {
        const latin1 = Buffer.from('contrat X "Contrat de l\'établissement" {\n}\n', 'latin1');
        const run = await withStdin(['check', '-'], latin1);
        expect(run.stderr).toContain("cpom: l'entrée standard n'est pas en UTF-8 valide (octet 0xe9 à la position 24) : convertissez-la en UTF-8");
        expect(run.code).toBe(2);
        const fmt = await withStdin(['fmt', '-'], latin1);
        expect(fmt.stderr).toContain("n'est pas en UTF-8 valide");
        expect(fmt.stdout).toBe('');
        expect(fmt.code).toBe(2);
    });

    it.each([
        { args: ['check', '-', 'old.cpom'], says: "« - » (l'entrée standard) s'emploie seul" },
        { args: ['check', 'old.cpom', '--stdin-filename', 'x.cpom'], says: "--stdin-filename s'emploie avec « - »" },
        { args: ['fmt', '-', 'old.cpom'], says: "« - » (l'entrée standard) s'emploie seul" },
    ])('$args is a usage error', async ({ args, says }) => {
        const run = await withStdin(args, BASE);
        expect(run.stderr).toContain(says);
        expect(run.code).toBe(2);
    });

    it('fmt - prints the formatted text; --check says whether it is formatted; a syntax error prints nothing', async () => {
        const messy = BASE.replace(/^ +/gm, '');
        const formatted = await withStdin(['fmt', '-'], messy);
        expect(formatted.code).toBe(0);
        expect(formatted.stdout).toMatch(/\n {8}etablissement ESAT_LYON/);
        expect((await withStdin(['fmt', '-', '--check'], formatted.stdout)).code).toBe(0);
        const unformatted = await withStdin(['fmt', '-', '--check', '--stdin-filename', 'a/b.cpom'], messy);
        expect(unformatted.code).toBe(1);
        expect(unformatted.stderr).toContain("cpom: a/b.cpom n'est pas formaté");
        expect(unformatted.stdout).toBe('');
        const broken = await withStdin(['fmt', '-'], 'contrat X "t" {\n');
        expect(broken.stderr).toMatch(/cpom: <stdin>:2:1 : erreur de syntaxe, non formaté/);
        expect(broken.stdout).toBe('');
        expect(broken.code).toBe(2);
    });

    it('the installed command reads a pipe', () => {
        const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
        const run = spawnSync(process.execPath, [BUNDLE, 'check', '-', '--stdin-filename', 'piped.cpom'], { input: wrongKey, encoding: 'utf8', env, cwd: dir });
        expect(run.stdout).toContain(`piped.cpom:${keyLine}:20 erreur CPOM041`);
        expect(run.status).toBe(1);
    });
});
