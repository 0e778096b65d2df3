#!/usr/bin/env node
/**
 * Runs the extension's in-editor suite in desktop VS Code (Electron) with @vscode/test-electron, on machines that can
 * download VS Code (update.code.visualstudio.com). The same suite as the web and code-server harnesses
 * (dist/test/suite-node.cjs exports `run()`, which test-electron calls in the extension host); the suite's
 * screenshot requests are ignored here (no harness drives the window). Offline, it stops with a clear message and
 * exit code 2: run tests/editor/run-web.mjs and run-code-server.mjs instead.
 *
 *   node tests/editor/run-electron.mjs [--version stable|1.91.1|…]
 *   CPOM_VSCODE_EXECUTABLE=/path/to/code node tests/editor/run-electron.mjs   # a VS Code already installed
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { buildSuite, EXTENSION_DIR, SUITE_NODE } from './build-suite.mjs';
import { finish, makeTempDir, prepareWorkspace } from './common.mjs';

const { values: options } = parseArgs({ options: { version: { type: 'string', default: 'stable' } } });

await buildSuite();
const workspace = prepareWorkspace(path.join(makeTempDir('cpom-electron-'), 'workspace'), {
    host: 'electron', screenshots: false, extensionPathContains: EXTENSION_DIR,
});
let code = 1;
try {
    code = await runTests({
        ...(process.env.CPOM_VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.CPOM_VSCODE_EXECUTABLE } : { version: options.version }),
        extensionDevelopmentPath: EXTENSION_DIR,
        extensionTestsPath: SUITE_NODE,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
} catch (error) {
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo|Failed to get|download/i.test(String(error?.message ?? error));
    console.error(offline
        ? `run-electron: VS Code cannot be downloaded here (${error?.message ?? error}); the same suite runs offline with tests/editor/run-web.mjs and run-code-server.mjs (see tests/editor/README.md).`
        : `run-electron: ${error?.stack ?? error}`);
    code = offline ? 2 : 1;
}
await finish(code); // removes the temporary workspace, exits with the code
