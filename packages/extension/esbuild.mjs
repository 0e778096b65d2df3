// Bundles the VS Code extension: two clients and two servers, each one self-contained file (the .vsix has no
// node_modules).
//   dist/extension.cjs          Node client (desktop VS Code, remote hosts)       CommonJS, platform node
//   dist/browser/extension.js   browser client (VS Code for the web)               CommonJS, platform browser
//   dist/server/node.cjs        language server, child Node process (IPC, stdio)   CommonJS, platform node
//   dist/server/browser.js      language server, dedicated web worker              IIFE, platform browser
// The workspace packages (@cpom/language, @cpom/generator, @cpom/diff, @cpom/server) are bundled from their
// TypeScript sources, so the bundles never depend on a stale `dist`. Also writes dist/THIRD-PARTY-NOTICES.txt
// (licences of the bundled npm packages) and copies schemas/cpom-config.schema.json into dist/ (the extension's
// jsonValidation points to it). Usage: node packages/extension/esbuild.mjs [--dev] (no minification).
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleDefaults, packageDirOf, thirdPartyNotices, workspaceSources } from '../../tools/bundling.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const packagesDir = path.resolve(here, '..');
const dist = path.join(here, 'dist');
const dev = process.argv.includes('--dev');

const common = {
    ...bundleDefaults(dev),
    plugins: [workspaceSources(packagesDir)],
};

const bundles = [
    {
        label: 'node client',
        entryPoints: [path.join(here, 'src/node/extension.ts')],
        outfile: path.join(dist, 'extension.cjs'),
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode'],
    },
    {
        label: 'browser client',
        entryPoints: [path.join(here, 'src/browser/extension.ts')],
        outfile: path.join(dist, 'browser/extension.js'),
        platform: 'browser',
        format: 'cjs',
        external: ['vscode'],
        // The browser extension host is a web worker: no `process`.
        define: { 'process.env.NODE_ENV': '"production"' },
    },
    {
        label: 'node server',
        entryPoints: [path.join(here, 'src/server/node-main.ts')],
        outfile: path.join(dist, 'server/node.cjs'),
        platform: 'node',
        format: 'cjs',
        target: 'node20',
    },
    {
        label: 'browser server',
        entryPoints: [path.join(here, 'src/server/browser-main.ts')],
        outfile: path.join(dist, 'server/browser.js'),
        platform: 'browser',
        format: 'iife',
        define: { 'process.env.NODE_ENV': '"production"' },
    },
];

// Only our own outputs are replaced: dist/test/ belongs to the editor test suite.
for (const { outfile } of bundles) {
    rmSync(outfile, { force: true });
    rmSync(`${outfile}.map`, { force: true });
}

const start = performance.now();
const results = await Promise.all(bundles.map(({ label, ...options }) => build({ ...common, ...options }).then(result => ({ label, options, result }))));

const packages = new Map();
for (const { label, options, result } of results) {
    const size = statSync(options.outfile).size;
    console.log(`  ${label.padEnd(15)} ${path.relative(path.resolve(packagesDir, '..'), options.outfile).padEnd(50)} ${(size / 1024).toFixed(0).padStart(6)} KiB`);
    for (const input of Object.keys(result.metafile.inputs)) {
        const packageDir = packageDirOf(path.resolve(input));
        if (packageDir) packages.set(packageDir, (packages.get(packageDir) ?? new Set()).add(label));
    }
}
writeNotices(packages);
copyFileSync(path.resolve(packagesDir, '../schemas/cpom-config.schema.json'), path.join(dist, 'cpom-config.schema.json'));
console.log(`extension bundled in ${Math.round(performance.now() - start)} ms${dev ? ' (--dev: not minified)' : ''}`);

/** dist/THIRD-PARTY-NOTICES.txt: name, version, licence and licence text of every npm package in a bundle. */
function writeNotices(packageDirs) {
    const text = thirdPartyNotices([
        'CPOM extension for VS Code: third-party software bundled in dist/.',
        'The extension itself is under the MIT licence (LICENSE).',
    ], packageDirs);
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, 'THIRD-PARTY-NOTICES.txt'), text);
}
