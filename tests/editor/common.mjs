/**
 * What the two editor harnesses share: the temporary workspace, free ports, headless Chromium through
 * playwright-core, the automation protocol of the workbench (codeAutomationLog / codeAutomationExit), screenshots on
 * the suite's markers, cleanup on every path and a hard timeout.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from './build-suite.mjs';

export { ROOT };
export const CHROMIUM = process.env.CPOM_CHROMIUM || '/usr/bin/chromium';
export const OUTPUT = path.join(ROOT, 'tests/output');
export const SCREENSHOTS = path.join(OUTPUT, 'screenshots');
export const EDITOR_CACHE = process.env.CPOM_EDITOR_CACHE || path.join(process.env.HOME || tmpdir(), '.cache/cpom-editor');
export const CODE_SERVER = process.env.CPOM_CODE_SERVER || path.join(EDITOR_CACHE, 'code-server/node_modules/.bin/code-server');

/**
 * The environment code-server runs in: its own Node (20, written by install-code-server.sh next to it) first on the
 * PATH, since its launcher runs `node` from the PATH and cpom's own Node (≥ 22) cannot load its native modules.
 */
export function codeServerEnv(extra = {}) {
    const nodeBinFile = path.join(path.dirname(path.dirname(path.dirname(CODE_SERVER))), 'node-bin');
    const nodeBin = existsSync(nodeBinFile) ? readFileSync(nodeBinFile, 'utf8').trim() : '';
    const PATH = nodeBin ? `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}` : process.env.PATH;
    return { ...process.env, PATH, ...extra };
}
export const DEFAULT_TIMEOUT_MS = Number(process.env.CPOM_EDITOR_TIMEOUT_MS || 180_000);

const CHROMIUM_ARGS = [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
    // Let webview iframes (another site: <uuid>.localhost) register their service worker.
    '--disable-features=ThirdPartyStoragePartitioning,TrackingProtection3pcd',
];
const VIEWPORT = { width: 1440, height: 900 };

/** A line the suite prints (test results and their indented details); the rest of the workbench log goes to the file. */
export function isSuiteLine(line) {
    return /^(✓|✗) |^ {2}\S|^cpom editor suite|^editor suite:/.test(line);
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup on every path

const cleanups = [];
let exiting = false;

/** Registers an action for the end (last registered, first run). */
export function onCleanup(action) {
    cleanups.push(action);
}

export async function cleanupAll() {
    const start = performance.now();
    while (cleanups.length) {
        const action = cleanups.pop();
        const t = performance.now();
        try {
            await Promise.race([action(), new Promise(resolve => setTimeout(resolve, 10_000))]);
            if (process.env.CPOM_EDITOR_VERBOSE) console.log(`cleanup ${action.name || action.toString().slice(0, 60)}: ${Math.round(performance.now() - t)} ms`);
        } catch (error) {
            console.error(`cleanup: ${error?.message ?? error}`);
        }
    }
    if (process.env.CPOM_EDITOR_VERBOSE) console.log(`cleanup took ${Math.round(performance.now() - start)} ms`);
}

export function isExiting() {
    return exiting;
}

/** Cleans up and exits; a second call (e.g. a signal during cleanup) is ignored. */
export async function finish(code) {
    if (exiting) return;
    exiting = true;
    await cleanupAll();
    process.exit(code);
}

/** Kills everything and exits 1 with a clear message after `ms`; cleans up on SIGINT/SIGTERM and crashes. */
export function guard(name, ms = DEFAULT_TIMEOUT_MS) {
    const timer = setTimeout(() => {
        console.error(`✗ ${name}: hard timeout after ${Math.round(ms / 1000)} s — killing the editor and the browser`);
        void finish(1);
    }, ms);
    timer.unref?.();
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.on(signal, () => {
            console.error(`${name}: ${signal}, cleaning up`);
            void finish(1);
        });
    }
    process.on('uncaughtException', error => {
        console.error(`${name}: ${error?.stack ?? error}`);
        void finish(1);
    });
    process.on('unhandledRejection', error => {
        console.error(`${name}: ${error?.stack ?? error}`);
        void finish(1);
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Files

export function makeTempDir(prefix) {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    onCleanup(() => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
    return dir;
}

/**
 * The workspace the editor opens: a copy of seeds/ and examples/, editor settings that keep the screen quiet,
 * and `.cpom-test.json` telling the suite which host it is on.
 */
export function prepareWorkspace(dir, config) {
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
    cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
    mkdirSync(path.join(dir, '.vscode'));
    writeFileSync(path.join(dir, '.vscode/settings.json'), JSON.stringify(WORKSPACE_SETTINGS, null, 2));
    const only = process.env.CPOM_EDITOR_ONLY;
    writeFileSync(path.join(dir, '.cpom-test.json'), JSON.stringify(only ? { ...config, only } : config, null, 2));
    return dir;
}

export const WORKSPACE_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'editor.minimap.enabled': false,
    'editor.hover.delay': 100,
    'files.autoSave': 'off',
    'files.exclude': { '**/.vscode': true, '.cpom-test.json': true },
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function isPng(file) {
    try {
        if (statSync(file).size < 1000) return false;
        return readFileSync(file).subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    } catch {
        return false;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Network

export function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

export async function waitForHttp(url, timeoutMs, isAlive = () => true) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
        if (!isAlive()) throw new Error(`the server exited before answering on ${url}`);
        try {
            const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
            if (response.status < 500) return;
            last = `HTTP ${response.status}`;
        } catch (error) {
            last = error?.cause?.code ?? error?.message;
        }
        await new Promise(resolve => setTimeout(resolve, 200));
    }
    throw new Error(`no answer from ${url} within ${timeoutMs} ms (${last})`);
}

// ---------------------------------------------------------------------------------------------------------------
// Browser and the workbench's automation protocol

export async function launchChromium(profileDir) {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CPOM_CHROMIUM)`);
    const { chromium } = await import('playwright-core');
    // Webviews live in iframes on <uuid>.localhost (another site) and register a service worker there: Chromium
    // denies it when third-party cookies are blocked, its default now. Allow them in this throwaway profile.
    mkdirSync(path.join(profileDir, 'Default'), { recursive: true });
    writeFileSync(path.join(profileDir, 'Default/Preferences'), JSON.stringify({
        profile: { cookie_controls_mode: 0, block_third_party_cookies: false, default_content_setting_values: { cookies: 1 } },
    }));
    const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: VIEWPORT,
        timeout: 60_000,
    });
    onCleanup(() => context.close().catch(() => undefined));
    return context;
}

/** Renders the arguments of a console call as one line (drops `%c` styles). */
function render(args) {
    if (!Array.isArray(args)) return String(args);
    const parts = [...args];
    let first = typeof parts[0] === 'string' ? parts.shift() : '';
    if (first.includes('%c')) {
        const styles = (first.match(/%c/g) ?? []).length;
        parts.splice(0, styles);
        first = first.replace(/%c/g, '');
    }
    const rest = parts.map(a => (typeof a === 'string' ? a : (() => { try { return JSON.stringify(a); } catch { return String(a); } })()));
    return [first, ...rest].filter(s => s !== '').join(' ');
}

/**
 * Wires the page to the suite: prints the suite's lines (every line of the workbench log goes to `logFile`),
 * takes a screenshot `<SCREENSHOTS>/<host>-<name>.png` on each `[cpom-screenshot] name` marker, and resolves with
 * the exit code the workbench reports through codeAutomationExit.
 */
export async function attachAutomation(page, { host, logFile, screenshots = true, verbose = !!process.env.CPOM_EDITOR_VERBOSE }) {
    mkdirSync(path.dirname(logFile), { recursive: true });
    writeFileSync(logFile, '');
    if (screenshots) mkdirSync(SCREENSHOTS, { recursive: true });
    const log = line => appendFileSync(logFile, `${line}\n`);
    const pending = [];
    const taken = [];
    const suiteLines = [];
    let resolveExit;
    const exit = new Promise(resolve => { resolveExit = resolve; });

    const handle = (type, text) => {
        for (const raw of String(text).split('\n')) {
            const line = raw.replace(/^\[Extension Host\]\s*/, '').replace(/\s+$/, '');
            log(`[${type}] ${line}`);
            const marker = /\[cpom-screenshot\] ([\w-]+)(?: ([\w-]+))?/.exec(line);
            if (marker) {
                if (!screenshots) continue;
                const file = path.join(SCREENSHOTS, `${host}-${marker[1]}.png`);
                pending.push(prepare(page, marker[2])
                    .then(() => page.screenshot({ path: file, timeout: 15_000 }))
                    .then(() => { taken.push(file); console.log(`  [screenshot] ${path.relative(ROOT, file)}`); })
                    .catch(error => console.error(`  [screenshot] ${marker[1]} failed: ${error.message}`)));
            } else if (isSuiteLine(line)) {
                suiteLines.push(line);
                console.log(line);
            } else if (verbose) {
                console.log(`  [${type}] ${line}`);
            }
        }
    };

    await page.exposeFunction('codeAutomationLog', (type, args) => handle(type, render(args)));
    await page.exposeFunction('codeAutomationExit', code => {
        resolveExit(typeof code === 'number' ? code : 1);
    });
    page.on('console', message => log(`[page ${message.type()}] ${message.text()}`));
    page.on('pageerror', error => log(`[pageerror] ${error.message}`));
    page.on('crash', () => { console.error('✗ the page crashed'); resolveExit(1); });

    return {
        exit,
        suiteLines,
        taken,
        /** Waits for the screenshots still being written. */
        settle: () => Promise.allSettled(pending),
    };
}

/** What the suite asks the harness to do on the screen before a screenshot (the API cannot). */
async function prepare(page, hint) {
    if (hint === 'collapse-explorer') {
        // The file explorer is the first section of the side bar; collapsed, it leaves the room to the Outline.
        const header = page.locator('.part.sidebar .pane-header').first();
        if (await header.getAttribute('aria-expanded', { timeout: 2_000 }).catch(() => null) === 'true') {
            await header.click({ timeout: 2_000 }).catch(() => undefined);
            // The collapse is animated: wait for the header to say it is done, not for a fixed time.
            await page.locator('.part.sidebar .pane-header[aria-expanded="false"]').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
        }
    }
}

/** Reports the end of a run and exits with the suite's code. */
export async function conclude(name, code, automation, startedAt) {
    await automation.settle();
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    if (!automation.suiteLines.some(l => /^(✓|✗) /.test(l))) {
        console.error(`✗ ${name}: the suite printed no test line (did the extension host load the suite?) — see the log`);
        if (code === 0) code = 1;
    }
    console.log(`${name}: exit code ${code} after ${seconds} s`);
    await finish(code);
}
