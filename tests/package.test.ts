/**
 * The `cpom` npm package, installed as a new user would: packed, installed into an empty folder outside the
 * repository with no registry access, and every command run there on a copy of the seed contract.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../packages/cli/src/pdf.js';
import { ROOT } from './helpers.js';
import { type PackedCli, packAndInstall } from './packed-cli.js';
import { startStudioCommand } from './studio/command.js';

const MANIFEST = JSON.parse(readFileSync(path.join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string };
const SEED = path.join(ROOT, 'seeds/messidor-2013.cpom');
const CONTRACT = 'CPOM_MESSIDOR_2013';

let cli: PackedCli;
let work: string;

interface Run { status: number | null; stdout: string; stderr: string }

/** Runs the installed `cpom` (found on the PATH, as a user's shell would) in `cwd`. */
function cpom(args: string[], cwd = work): Run {
    const run = spawnSync('cpom', args, { cwd, env: cli.env, encoding: 'utf8', timeout: 120_000 }); // a bound against a hang, not a speed check: generate starts Chromium
    if (run.error) throw run.error;
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
    cli = packAndInstall();
    work = path.join(cli.dir, 'work');
    mkdirSync(work);
    copyFileSync(SEED, path.join(work, 'contrat.cpom'));
}, 60_000);
afterAll(() => cli?.remove());

describe('the cpom tarball', () => {
    it('holds the bundle, its notices, the licence, the README, the rule pages and the schemas, and no sources', () => {
        const files = new Set(cli.files);
        for (const file of ['package.json', 'README.md', 'LICENSE', 'bin/cpom.js', 'dist/bundle/main.js', 'dist/bundle/THIRD-PARTY-NOTICES.txt',
            'docs/rules/README.md', 'docs/json-export.md', 'docs/diff.md', 'docs/editor.md', 'docs/suivi-import.md', 'dist/bundle/resvg.wasm',
            'studio/index.html', 'studio/studio.js', 'studio/studio.css', 'studio/server-worker.js', 'studio/server-worker-source.js', 'studio/THIRD-PARTY-NOTICES.txt']) {
            expect(files, file).toContain(file);
        }
        for (const page of readdirSync(path.join(ROOT, 'docs/rules'))) {
            expect(files, page).toContain(`docs/rules/${page}`);
        }
        for (const schema of readdirSync(path.join(ROOT, 'schemas'))) {
            expect(files, schema).toContain(`schemas/${schema}`);
        }
        const unwanted = cli.files.filter(f => /(^|\/)(src|tests?|scripts|node_modules)\/|\.test\.|\.ts$|\.map$|tsconfig|esbuild/.test(f));
        expect(unwanted).toEqual([]);
    });

    it('names the licence of each library in the bundle, those that docx inlines in its build included', () => {
        const notices = readFileSync(path.join(cli.app, 'node_modules/cpom/dist/bundle/THIRD-PARTY-NOTICES.txt'), 'utf8');
        for (const library of ['langium', 'chevrotain', 'commander', 'tinyglobby', 'vscode-languageserver', 'docx', 'jszip', 'xml-js']) {
            expect(notices, library).toMatch(new RegExp(`^${library} \\d+\\.\\d+\\.\\d+ — \\S+`, 'm'));
        }
    });

    it('finds inside itself every schema its docs link to', () => {
        const packageDir = path.join(cli.app, 'node_modules/cpom');
        for (const doc of cli.files.filter(f => /^docs\/[^/]+\.md$/.test(f))) {
            const links = [...readFileSync(path.join(packageDir, doc), 'utf8').matchAll(/\]\((\.\.\/schemas\/[^)]+)\)/g)].map(m => m[1]);
            for (const link of links) {
                expect(existsSync(path.resolve(packageDir, path.dirname(doc), link)), `${doc} → ${link}`).toBe(true);
            }
        }
    });

    it('is packed only by npm run pack:cli: npm pack inside packages/cli is refused', () => {
        const run = spawnSync('npm', ['pack', '--dry-run'], { cwd: path.join(ROOT, 'packages/cli'), env: cli.env, encoding: 'utf8' });
        expect(run.status).not.toBe(0);
        expect(run.stderr).toContain('run `npm run pack:cli` at the repository root');
    });

    it('has no dependency: npm installed the package and nothing else', () => {
        const manifest = JSON.parse(readFileSync(path.join(cli.app, 'node_modules/cpom/package.json'), 'utf8'));
        expect(manifest).toMatchObject({ name: 'cpom', version: MANIFEST.version, license: 'MIT', bin: { cpom: 'bin/cpom.js' }, engines: { node: expect.any(String) } });
        expect(manifest.repository.url).toMatch(/^git\+https:\/\//);
        for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies', 'scripts', 'private']) {
            expect(manifest, field).not.toHaveProperty(field);
        }
        expect(readdirSync(path.join(cli.app, 'node_modules')).filter(name => !name.startsWith('.'))).toEqual(['cpom']);
    });
});

describe('cpom installed from the tarball', () => {
    it('--version prints the package version', () => {
        expect(cpom(['--version'])).toMatchObject({ status: 0, stdout: `${MANIFEST.version}\n` });
    });

    it('check validates the contract and links each rule to its page inside the installed package', () => {
        const human = cpom(['check', 'contrat.cpom']);
        expect(human.status, human.stderr).toBe(0);
        expect(human.stdout).toContain('1 fichier vérifié');
        const sarif = JSON.parse(cpom(['check', 'contrat.cpom', '--format', 'sarif']).stdout);
        const helpUris: string[] = sarif.runs[0].tool.driver.rules.map((rule: { helpUri: string }) => rule.helpUri);
        expect(helpUris.length).toBeGreaterThan(50);
        for (const uri of helpUris) {
            const file = fileURLToPath(uri);
            expect(file.startsWith(path.join(cli.app, 'node_modules/cpom/docs/rules') + path.sep), uri).toBe(true);
            expect(existsSync(file), uri).toBe(true);
        }
    });

    it('generate writes every document format (PDF too when Chromium is found)', () => {
        const formats = ['html', 'md', 'docx', 'json', ...(findChromium() ? ['pdf'] : [])];
        const run = cpom(['generate', 'contrat.cpom', '--format', formats.join(','), '--out', 'documents']);
        expect(run.status, run.stderr).toBe(0);
        const out = (ext: string) => readFileSync(path.join(work, 'documents', `${CONTRACT}.${ext}`));
        expect(out('html').toString()).toContain('<!DOCTYPE html>');
        expect(out('md').toString()).toMatch(/^# /m);
        expect(out('docx').subarray(0, 2).toString()).toBe('PK');
        expect(JSON.parse(out('json').toString())).toMatchObject({ formatVersion: 2 });
        if (formats.includes('pdf')) expect(out('pdf').subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('suivi writes the follow-up report, its DOCX charts drawn by the bundled resvg', () => {
        const dir = path.join(work, 'suivi');
        mkdirSync(dir, { recursive: true });
        for (const f of ['cpom-ehpad-dordogne.cpom', 'suivi-2022.cpom']) copyFileSync(path.join(ROOT, 'examples/ehpad-ivter', f), path.join(dir, f));
        const run = cpom(['suivi', 'suivi/cpom-ehpad-dordogne.cpom', '--format', 'md,docx', '--out', 'rapport']);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).not.toContain('graphiques non dessinés');
        expect(readFileSync(path.join(work, 'rapport', 'SUIVI_2022_CPOM_EHPAD_JARDINS_PERIGORD_2019.md'), 'utf8')).toContain('Rapport de suivi annuel 2022');
    });

    it('diff and avenant compare two versions and draft the amendment', () => {
        const text = readFileSync(SEED, 'utf8');
        const amended = text.replace('capacité 39 places financées 39', 'capacité 45 places financées 45');
        expect(amended).not.toBe(text);
        writeFileSync(path.join(work, 'old.cpom'), text);
        writeFileSync(path.join(work, 'new.cpom'), amended);
        const diff = cpom(['diff', 'old.cpom', 'new.cpom', '--format', 'json', '--exit-code']);
        expect(diff.status, diff.stderr).toBe(1);
        expect(JSON.stringify(JSON.parse(diff.stdout))).toContain('45');
        const avenant = cpom(['avenant', 'old.cpom', 'new.cpom', '--number', '1', '--format', 'html,md', '--out', 'avenant']);
        expect(avenant.status, avenant.stderr).toBe(0);
        // "n° 1" is bound by a no-break space (French typography), read as a space here.
        expect(readFileSync(path.join(work, 'avenant', `AVENANT_1_${CONTRACT}.md`), 'utf8').replace(/\u00A0/g, ' ')).toContain('Avenant n° 1');
    });

    it('init writes a skeleton that the installed check accepts, and check --fix fixes what is safe', () => {
        const init = cpom(['init', 'squelette.cpom', '--cadre', 'L313-12-2', '--effet', '2027-01-01', '--gestionnaire', 'Association X',
            '--finess-gestionnaire', '690799994', '--etablissement', '690999016:ESAT:120', '--out', 'init']);
        expect(init.status, init.stderr).toBe(0);
        expect(cpom(['check', 'init/squelette.cpom'])).toMatchObject({ status: 0 });
        writeFileSync(path.join(work, 'init', 'espaces.cpom'), readFileSync(path.join(work, 'contrat.cpom'), 'utf8').replace('finess 690999016', 'finess 690 999 016'));
        const fix = cpom(['check', 'init/espaces.cpom', '--fix']);
        expect(fix.status, fix.stderr).toBe(0);
        expect(fix.stderr).toContain('1 correction appliquée');
        expect(readFileSync(path.join(work, 'init', 'espaces.cpom'), 'utf8')).toContain('finess 690999016');
    });

    it('rules shows a rule', () => {
        const run = cpom(['rules', 'CPOM041']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('CPOM041 `finess-key`');
    });

    it('git-setup makes git show semantic diffs through the installed cpom', () => {
        const repo = path.join(cli.dir, 'repo');
        mkdirSync(repo);
        const env = { ...cli.env, HOME: cli.dir, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
        const git = (...args: string[]) => execFileSync('git', ['-c', 'core.pager=cat', ...args], { cwd: repo, env, encoding: 'utf8' });
        git('init', '-q');
        copyFileSync(SEED, path.join(repo, 'contrat.cpom'));
        git('add', '.');
        git('commit', '-qm', 'contrat');
        const setup = spawnSync('cpom', ['git-setup'], { cwd: repo, env, encoding: 'utf8' });
        expect(setup.status, setup.stderr).toBe(0);
        expect(readFileSync(path.join(repo, '.gitattributes'), 'utf8')).toContain('*.cpom diff=cpom');
        expect(git('config', 'diff.cpom.command')).toContain(path.join(cli.app, 'node_modules/cpom/bin/cpom.js'));
        writeFileSync(path.join(repo, 'contrat.cpom'), readFileSync(SEED, 'utf8').replace('capacité 39 places financées 39', 'capacité 45 places financées 45'));
        expect(git('diff')).toContain('diff --cpom a/contrat.cpom b/contrat.cpom');
    });

    it('studio serves the studio from the installed package in a fresh folder, and stops on SIGTERM', async () => {
        const studio = startStudioCommand('cpom', [], work, cli.env);
        try {
            const url = await studio.url;
            expect(await (await fetch(url)).text()).toContain('<title>Studio CPOM</title>');
            expect((await fetch(new URL('server-worker.js', url))).status).toBe(200);
        } finally {
            studio.child.kill('SIGTERM');
            expect(await studio.exited).toBe(0);
        }
    });

    it('lsp --stdio answers initialize and exits on exit', async () => {
        const server = spawn('cpom', ['lsp', '--stdio'], { cwd: work, env: cli.env, stdio: ['pipe', 'pipe', 'pipe'] });
        try {
            send(server, { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
            const response = await readMessage(server) as { id: number; result: { capabilities: Record<string, unknown>; serverInfo?: unknown } };
            expect(response.id).toBe(1);
            expect(response.result.serverInfo).toEqual({ name: 'cpom', version: MANIFEST.version });
            expect(response.result.capabilities).toHaveProperty('hoverProvider');
            expect(response.result.capabilities).toHaveProperty('completionProvider');
            send(server, { jsonrpc: '2.0', id: 2, method: 'shutdown' });
            expect(await readMessage(server)).toMatchObject({ id: 2, result: null });
            const exited = new Promise<number | null>(resolve => server.once('exit', code => resolve(code)));
            send(server, { jsonrpc: '2.0', method: 'exit' });
            expect(await exited).toBe(0);
        } finally {
            server.kill();
        }
    });
});

function send(server: ChildProcess, message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    server.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    server.stdin!.write(body);
}

/** The next LSP message on the server's output (Content-Length framing), skipping the server's notifications. */
const pending = new WeakMap<ChildProcess, Buffer>();
function readMessage(server: ChildProcess): Promise<unknown> {
    return new Promise((resolve, reject) => {
        const tryParse = (): boolean => {
            let buffer = pending.get(server) ?? Buffer.alloc(0);
            for (;;) {
                const headerEnd = buffer.indexOf('\r\n\r\n');
                if (headerEnd < 0) break;
                const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
                if (buffer.length < headerEnd + 4 + length) break;
                const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as { id?: number };
                buffer = buffer.subarray(headerEnd + 4 + length);
                pending.set(server, buffer);
                if (message.id !== undefined) {
                    resolve(message);
                    return true;
                }
            }
            pending.set(server, buffer);
            return false;
        };
        if (tryParse()) return;
        const onData = (chunk: Buffer) => {
            pending.set(server, Buffer.concat([pending.get(server) ?? Buffer.alloc(0), chunk]));
            if (tryParse()) cleanup();
        };
        const onExit = (code: number | null) => {
            cleanup();
            reject(new Error(`the server exited (${code}) before answering`));
        };
        const cleanup = () => {
            server.stdout!.off('data', onData);
            server.off('exit', onExit);
        };
        server.stdout!.on('data', onData);
        server.once('exit', onExit);
    });
}

describe('the VS Code extension manifest', () => {
    const extensionDir = path.join(ROOT, 'packages/extension');
    const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));

    it('names its repository and licence, and has a 128×128 PNG icon that the .vsix keeps', () => {
        expect(manifest).toMatchObject({ license: 'MIT', repository: { url: expect.stringMatching(/^https:\/\//) }, icon: expect.any(String) });
        const png = readFileSync(path.join(extensionDir, manifest.icon));
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]); // IHDR width and height
        expect(readFileSync(path.join(extensionDir, '.vscodeignore'), 'utf8').split('\n')).toContain(`!${manifest.icon}`);
    });

    it('lets VS Code infer its activation from its contributions (VS Code ≥ 1.74)', () => {
        expect(manifest).not.toHaveProperty('activationEvents');
        expect(manifest.engines.vscode).toMatch(/^\^1\.(7[4-9]|[89]\d)\./);
    });
});

describe('releases', () => {
    const manifests = () => readdirSync(path.join(ROOT, 'packages'))
        .filter(name => existsSync(path.join(ROOT, 'packages', name, 'package.json')))
        .map(name => JSON.parse(readFileSync(path.join(ROOT, 'packages', name, 'package.json'), 'utf8')) as { name: string; version: string });

    it('have one version: every workspace and the generator of the JSON export carry the cpom package\'s', () => {
        for (const manifest of manifests()) expect(manifest.version, manifest.name).toBe(MANIFEST.version);
        expect(readFileSync(path.join(ROOT, 'packages/generator/src/version.ts'), 'utf8')).toContain(`GENERATOR_VERSION = '${MANIFEST.version}'`);
    });

    it('npm run version:set sets that version everywhere, package-lock.json included', () => {
        // On a copy of what the script touches: the manifests, the generator's version, the lockfile.
        const copy = path.join(cli.dir, 'version-copy');
        const files = ['package.json', 'package-lock.json', 'packages/generator/src/version.ts', 'packages/cli/scripts/set-version.mjs',
            ...readdirSync(path.join(ROOT, 'packages')).map(name => `packages/${name}/package.json`).filter(file => existsSync(path.join(ROOT, file)))];
        for (const file of files) {
            mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
            copyFileSync(path.join(ROOT, file), path.join(copy, file));
        }
        const run = spawnSync(process.execPath, [path.join(copy, 'packages/cli/scripts/set-version.mjs'), '9.8.7-rc.1'], {
            cwd: copy, encoding: 'utf8', env: cli.env,
        });
        expect(run.status, run.stderr).toBe(0);
        const lock = JSON.parse(readFileSync(path.join(copy, 'package-lock.json'), 'utf8'));
        for (const file of files.filter(f => f.startsWith('packages/') && f.endsWith('package.json'))) {
            const manifest = JSON.parse(readFileSync(path.join(copy, file), 'utf8'));
            expect(manifest.version, file).toBe('9.8.7-rc.1');
            expect(lock.packages[path.dirname(file)].version, file).toBe('9.8.7-rc.1');
            for (const [dependency, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
                if (dependency.startsWith('@cpom/')) expect(range, `${file}: ${dependency}`).toBe('9.8.7-rc.1');
            }
        }
        expect(readFileSync(path.join(copy, 'packages/generator/src/version.ts'), 'utf8')).toContain("GENERATOR_VERSION = '9.8.7-rc.1'");
    });
});
