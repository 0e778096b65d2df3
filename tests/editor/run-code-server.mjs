#!/usr/bin/env node
/**
 * Runs the extension's in-editor suite in code-server 4.100.3 (VS Code 1.100.3, Node extension host), offline.
 * code-server is installed outside the repository by tests/editor/install-code-server.sh. It serves a temporary
 * workspace (copy of seeds/ and examples/); headless Debian Chromium (playwright-core) opens it with a payload that
 * names the extension under development and the suite (dist/test/suite-node.cjs). Prints the suite's lines, saves
 * screenshots to tests/output/screenshots/code-server-*.png and the logs to tests/output/editor/, exits with the
 * suite's code (1 on failure or after the hard timeout).
 *
 *   node tests/editor/run-code-server.mjs                   # the extension from packages/extension (development)
 *   node tests/editor/run-code-server.mjs --vsix FILE.vsix  # the packaged extension, installed with --install-extension
 *   options: [--extension-path DIR] [--no-screenshots]
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSuite, EXTENSION_DIR, SUITE_NODE } from './build-suite.mjs';
import {
    attachAutomation, CHROMIUM, CODE_SERVER, codeServerEnv, conclude, finish, freePort, guard, isExiting, launchChromium, makeTempDir, onCleanup, OUTPUT,
    prepareWorkspace, ROOT, waitForHttp, WORKSPACE_SETTINGS,
} from './common.mjs';

export const EXTENSION_ID = 'cpom-toolchain.cpom-vscode';

const { values: options } = parseArgs({
    options: {
        'extension-path': { type: 'string', default: process.env.CPOM_EXTENSION_DEV_PATH || EXTENSION_DIR },
        vsix: { type: 'string' },
        'no-screenshots': { type: 'boolean', default: false },
    },
});
const NAME = options.vsix ? 'code-server-vsix' : 'code-server';

function codeServerArgs(userData, extensionsDir) {
    return ['--user-data-dir', userData, '--extensions-dir', extensionsDir];
}

/** Installs the .vsix into `extensionsDir` and checks that code-server lists the extension. */
function installVsix(vsix, userData, extensionsDir) {
    if (!existsSync(vsix)) throw new Error(`${vsix} does not exist: run npm run package`);
    const start = performance.now();
    const install = spawnSync(CODE_SERVER, [...codeServerArgs(userData, extensionsDir), '--force', '--install-extension', vsix], { encoding: 'utf8', timeout: 60_000, env: codeServerEnv() });
    if (install.status !== 0) throw new Error(`code-server --install-extension failed (${install.status ?? install.signal}): ${install.stderr || install.stdout}`);
    const list = spawnSync(CODE_SERVER, [...codeServerArgs(userData, extensionsDir), '--list-extensions', '--show-versions'], { encoding: 'utf8', timeout: 60_000, env: codeServerEnv() });
    const listed = list.stdout.split('\n').map(l => l.trim()).filter(Boolean);
    console.log(`${NAME}: installed ${vsix.startsWith(ROOT) ? path.relative(ROOT, vsix) : vsix} in ${Math.round(performance.now() - start)} ms; --list-extensions: ${listed.join(', ')}`);
    if (!listed.some(l => l.split('@')[0] === EXTENSION_ID)) throw new Error(`code-server --list-extensions does not show ${EXTENSION_ID}: ${list.stdout}${list.stderr}`);
}

/** Starts code-server in its own process group, killed (the whole group) at cleanup. */
function startCodeServer(port, userData, extensionsDir, folder, logFile) {
    const log = createWriteStream(logFile);
    const child = spawn(CODE_SERVER, [
        '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override', ...codeServerArgs(userData, extensionsDir), folder,
    ], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: codeServerEnv({ CS_DISABLE_FILE_DOWNLOADS: '1' }) });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    let exited = false;
    child.on('exit', () => { exited = true; });
    onCleanup(async () => {
        if (exited) return;
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
        const deadline = Date.now() + 5_000;
        while (!exited && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100));
        if (!exited) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    });
    return { child, isAlive: () => !exited };
}

async function main() {
    guard(NAME);
    const startedAt = performance.now();
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CPOM_CHROMIUM)`);
    if (!existsSync(CODE_SERVER)) throw new Error(`code-server not installed (${CODE_SERVER}): run tests/editor/install-code-server.sh`);

    await buildSuite();
    const temp = makeTempDir('cpom-editor-cs-');
    const userData = path.join(temp, 'user-data');
    const extensionsDir = path.join(temp, 'extensions');
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    mkdirSync(extensionsDir);
    writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify(WORKSPACE_SETTINGS, null, 2));

    let developmentPath;
    let testsPath;
    let extensionPathContains;
    if (options.vsix) {
        installVsix(path.resolve(options.vsix), userData, extensionsDir);
        // The installed extension is the one under test; the development "extension" is an empty host for the suite
        // (VS Code runs extension tests only in an extension development host).
        developmentPath = path.join(temp, 'suite-host');
        mkdirSync(developmentPath);
        writeFileSync(path.join(developmentPath, 'package.json'), JSON.stringify({
            name: 'cpom-suite-host', publisher: 'cpom-toolchain', version: '0.0.0', engines: { vscode: '^1.91.0' },
        }));
        testsPath = path.join(developmentPath, 'suite-node.cjs');
        copyFileSync(SUITE_NODE, testsPath);
        extensionPathContains = extensionsDir;
    } else {
        developmentPath = path.resolve(options['extension-path']);
        const manifest = JSON.parse(readFileSync(path.join(developmentPath, 'package.json'), 'utf8'));
        if (!manifest.main) throw new Error(`${developmentPath}/package.json has no "main" entry: the Node extension host cannot load it`);
        const main = path.resolve(developmentPath, manifest.main);
        if (!existsSync(main) && !existsSync(`${main}.js`)) throw new Error(`${path.relative(ROOT, main)} does not exist: run npm run build`);
        testsPath = SUITE_NODE;
        extensionPathContains = developmentPath;
    }

    const workspace = prepareWorkspace(path.join(temp, 'workspace'), {
        host: NAME, screenshots: !options['no-screenshots'], extensionPathContains,
    });
    const port = await freePort();
    const logDir = path.join(OUTPUT, 'editor');
    mkdirSync(logDir, { recursive: true });
    const serverStart = performance.now();
    const server = startCodeServer(port, userData, extensionsDir, workspace, path.join(logDir, `${NAME}-server.log`));
    const origin = `http://127.0.0.1:${port}`;
    await waitForHttp(`${origin}/healthz`, 60_000, server.isAlive);
    console.log(`${NAME}: code-server answering on ${origin} after ${Math.round(performance.now() - serverStart)} ms, workspace ${workspace}`);

    const remote = p => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(developmentPath)], ['extensionTestsPath', remote(testsPath)]];
    const url = `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    const context = await launchChromium(path.join(temp, 'profile'));
    const page = context.pages()[0] ?? await context.newPage();
    const automation = await attachAutomation(page, { host: NAME, logFile: path.join(logDir, `${NAME}.log`), screenshots: !options['no-screenshots'] });
    const exitedEarly = (code, signal) => {
        if (isExiting()) return;
        console.error(`✗ ${NAME}: code-server exited (${code ?? signal}) before the suite ended — see tests/output/editor/${NAME}-server.log`);
        void finish(1);
    };
    server.child.on('exit', exitedEarly);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const code = await automation.exit;
    server.child.off('exit', exitedEarly);
    await conclude(NAME, code, automation, startedAt);
}

main().catch(async error => {
    // After a hard timeout, what was pending fails as the browser closes: not worth printing.
    if (!isExiting()) console.error(`✗ ${NAME}: ${error?.message ?? error}`);
    await finish(1);
});
