#!/usr/bin/env node
/**
 * Bundles the in-editor test suite (packages/extension/test/suite/index.ts) twice, `vscode` left external:
 *   packages/extension/dist/test/suite-web.js   for the browser extension host (VS Code for the web)
 *   packages/extension/dist/test/suite-node.cjs for the Node extension host (code-server, desktop VS Code)
 * Both are CommonJS modules exporting `run(): Promise<void>`, which the workbench calls.
 *
 *   node tests/editor/build-suite.mjs
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, 'packages/extension');
export const SUITE_WEB = path.join(EXTENSION_DIR, 'dist/test/suite-web.js');
export const SUITE_NODE = path.join(EXTENSION_DIR, 'dist/test/suite-node.cjs');

export async function buildSuite() {
    // Set by tests/extension.test.ts, which builds once and runs the editors side by side: a harness rebuilding then
    // would rewrite a bundle that another editor is loading.
    if (process.env.CPOM_EDITOR_SUITE_BUILT === '1' && existsSync(SUITE_WEB) && existsSync(SUITE_NODE)) return { web: SUITE_WEB, node: SUITE_NODE };
    const common = {
        entryPoints: [path.join(EXTENSION_DIR, 'test/suite/index.ts')],
        bundle: true,
        format: 'cjs',
        external: ['vscode'],
        target: 'es2022',
        sourcemap: 'inline',
        logLevel: 'warning',
        charset: 'utf8',
    };
    await Promise.all([
        build({ ...common, platform: 'browser', outfile: SUITE_WEB }),
        build({ ...common, platform: 'node', outfile: SUITE_NODE }),
    ]);
    return { web: SUITE_WEB, node: SUITE_NODE };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const start = performance.now();
    const out = await buildSuite();
    console.log(`suite bundled in ${Math.round(performance.now() - start)} ms: ${path.relative(ROOT, out.web)}, ${path.relative(ROOT, out.node)}`);
}
