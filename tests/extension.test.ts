/**
 * The VS Code extension tested inside real editors (harnesses in tests/editor/, suite in packages/extension/test/):
 *   - VS Code for the web 1.91.1, browser extension host (tests/editor/run-web.mjs);
 *   - code-server 4.100.3 = VS Code 1.100.3, Node extension host, the extension under development
 *     (tests/editor/run-code-server.mjs), and the packaged .vsix installed with --install-extension (--vsix).
 * Each run must exit 0, print a `✓` line for every test of the suite, and leave its three screenshots.
 *
 * Without /usr/bin/chromium (or CPOM_CHROMIUM) or without code-server (tests/editor/install-code-server.sh), the
 * runs that need them are skipped with the reason — unless CPOM_EDITOR_TESTS=required (CI), where they fail.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, type ExpectStatic, it } from 'vitest';
import { buildSuite } from './editor/build-suite.mjs';
import { CHROMIUM, CODE_SERVER, isPng, SCREENSHOTS } from './editor/common.mjs';
import { ROOT } from './helpers.js';

const REQUIRED = process.env.CPOM_EDITOR_TESTS === 'required';
// Hang guards, not durations: the three runs share the machine (alone, one takes under a minute on CI).
const HARNESS_TIMEOUT_MS = Number(process.env.CPOM_EDITOR_TIMEOUT_MS || 300_000);
const RUN_TIMEOUT_MS = HARNESS_TIMEOUT_MS + 60_000;
const VSCE = path.join(ROOT, 'node_modules/.bin/vsce');

/** The suite's tests (packages/extension/test/suite/index.ts), each must print `✓ name`. */
const SUITE_TESTS = [
    'activates on opening a .cpom file',
    'the seed has no error, only the CPOM014 info',
    'a wrong FINESS key is an error CPOM041 on its line',
    'completion in an establishment list offers the establishments',
    'hover on an establishment reference shows its FINESS',
    'the CPOM041 quick fix corrects the key and the error goes away',
    'formatting a badly indented copy gives the seed\'s layout, and is idempotent',
    'document symbols list the contract and its establishments',
    'the server renders the seed as Word and JSON (cpom/render)',
    'the cpom commands are registered',
    'cpom.showPreview opens a webview tab showing the contract document',
    'the "Suivi" preview of a follow-up file shows its yearly report',
];
const SCREENSHOT_NAMES = ['diagnostic', 'hover', 'outline'];

interface Run {
    readonly code: number | null;
    readonly output: string;
    readonly seconds: number;
}

/** Runs a harness as a child process (it has its own hard timeout; this one kills it if it overruns anyway). */
function runHarness(script: string, args: string[] = []): Promise<Run> {
    return run(process.execPath, [path.join(ROOT, 'tests/editor', script), ...args], ROOT);
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
    const start = performance.now();
    return new Promise(resolve => {
        // The suite is built once (beforeAll): a harness rebuilding it would rewrite a bundle another editor loads.
        const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: {
            ...process.env, CPOM_EDITOR_SUITE_BUILT: '1', CPOM_EDITOR_TIMEOUT_MS: String(HARNESS_TIMEOUT_MS),
        } });
        let output = '';
        child.stdout.on('data', chunk => { output += String(chunk); });
        child.stderr.on('data', chunk => { output += String(chunk); });
        const timer = setTimeout(() => { output += `\n[killed after ${RUN_TIMEOUT_MS - 10_000} ms]`; child.kill('SIGTERM'); }, RUN_TIMEOUT_MS - 10_000);
        child.on('close', code => {
            clearTimeout(timer);
            resolve({ code, output, seconds: (performance.now() - start) / 1000 });
        });
    });
}

/** Why a run cannot happen here, or undefined. */
function missing(needs: Array<'chromium' | 'code-server' | 'vsix'>): string | undefined {
    if (needs.includes('chromium') && !existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CPOM_CHROMIUM)`;
    if (needs.includes('code-server') && !existsSync(CODE_SERVER)) return `code-server not installed (${CODE_SERVER}): run tests/editor/install-code-server.sh`;
    if (needs.includes('vsix') && !existsSync(VSCE)) return `vsce not found (${VSCE})`;
    return undefined;
}

/**
 * Registers a run: skipped (with its reason printed) when something it needs is missing, unless required. The runs
 * go side by side (their own ports, folders and screenshot names): each mostly waits on its editor and browser.
 */
function editorRun(name: string, needs: Array<'chromium' | 'code-server' | 'vsix'>, body: (expect: ExpectStatic) => Promise<void>): void {
    const reason = missing(needs);
    if (reason && !REQUIRED) {
        // eslint-disable-next-line no-console
        console.log(`skipped: ${name}: ${reason} (CPOM_EDITOR_TESTS=required makes this a failure)`);
        it.skip(`${name} (skipped: ${reason})`, () => undefined);
        return;
    }
    it.concurrent(name, async ({ expect }) => {
        if (reason) throw new Error(`CPOM_EDITOR_TESTS=required but ${reason}`);
        await body(expect);
    }, RUN_TIMEOUT_MS);
}

function checkRun(expect: ExpectStatic, host: string, run: Run, screenshotsFrom?: number): void {
    // eslint-disable-next-line no-console
    console.log(`--- ${host} (${run.seconds.toFixed(1)} s)\n${run.output.trimEnd()}`);
    const lines = run.output.split('\n').map(l => l.trimEnd());
    const failed = lines.filter(l => l.startsWith('✗ '));
    expect(failed, `${host}: failed tests`).toEqual([]);
    expect(run.code, `${host}: exit code; output:\n${run.output.slice(-3000)}`).toBe(0);
    for (const name of SUITE_TESTS) {
        expect(lines.some(l => l === `✓ ${name}` || l.startsWith(`✓ ${name} (`)), `${host}: no '✓ ${name}'`).toBe(true);
    }
    if (screenshotsFrom === undefined) return;
    for (const shot of SCREENSHOT_NAMES) {
        const file = path.join(SCREENSHOTS, `${host}-${shot}.png`);
        expect(existsSync(file), `${host}: screenshot ${file} missing`).toBe(true);
        expect(isPng(file), `${host}: ${file} is not a non-empty PNG`).toBe(true);
        expect(statSync(file).mtimeMs, `${host}: ${file} is older than this run`).toBeGreaterThanOrEqual(screenshotsFrom);
    }
}

function removeScreenshots(host: string): number {
    for (const shot of [...SCREENSHOT_NAMES, 'preview']) rmSync(path.join(SCREENSHOTS, `${host}-${shot}.png`), { force: true });
    return Date.now() - 1_000;
}

describe('the VS Code extension in real editors', () => {
    beforeAll(async () => {
        await buildSuite();
    });

    editorRun('VS Code for the web (browser extension host)', ['chromium'], async expect => {
        const from = removeScreenshots('web');
        checkRun(expect, 'web', await runHarness('run-web.mjs'), from);
    });

    editorRun('code-server (Node extension host)', ['chromium', 'code-server'], async expect => {
        const from = removeScreenshots('code-server');
        checkRun(expect, 'code-server', await runHarness('run-code-server.mjs'), from);
    });

    editorRun('code-server with the packaged .vsix installed', ['chromium', 'code-server', 'vsix'], async expect => {
        // What `npm run package` does after its build (the bundles are already built by npm ci's prepare: not rebuilt
        // here, other test files read them), into a temporary folder.
        const temp = mkdtempSync(path.join(tmpdir(), 'cpom-vsix-'));
        try {
            const vsix = path.join(temp, 'cpom-vscode.vsix');
            const packaged = await run(VSCE, ['package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], path.join(ROOT, 'packages/extension'));
            expect(packaged.code, `vsce package failed:\n${packaged.output}`).toBe(0);
            // No screenshots: the screen is the same as with the extension under development.
            const result = await runHarness('run-code-server.mjs', ['--vsix', vsix, '--no-screenshots']);
            expect(result.output).toMatch(/--list-extensions: .*cpom-toolchain\.cpom-vscode@/);
            checkRun(expect, 'code-server-vsix', result);
            // The suite ran against the installed copy, not packages/extension.
            expect(result.output).toMatch(/extension cpom-toolchain\.cpom-vscode \S+ from \S+\/extensions\/cpom-toolchain\.cpom-vscode-/);
        } finally {
            rmSync(temp, { recursive: true, force: true });
        }
    });
});
