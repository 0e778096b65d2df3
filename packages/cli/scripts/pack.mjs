// Builds the `cpom` npm package: `npm run pack:cli [-- --out <dir>]` writes <dir>/cpom-<version>.tgz (default
// dist/) and prints its path. The CLI bundle inlines every dependency, so the package is packages/cli's manifest
// without dependencies, its bin and bundle, and what users read beside them, which lives at the repository root
// (LICENSE, the rule pages, the JSON export and diff docs and their schemas). It is packed from a fresh staging
// folder rather than from packages/cli, so that the source tree never holds second copies of those files and two
// packs at once cannot trip over each other. `npm pack` inside packages/cli is refused (`prepack --refuse`).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = path.resolve(cliDir, '../..');

if (process.argv.includes('--refuse')) {
    console.error('cpom: the npm package is built from a staging folder: run `npm run pack:cli` at the repository root.');
    process.exit(1);
}

const outIndex = process.argv.indexOf('--out');
const outDir = path.resolve(outIndex >= 0 ? process.argv[outIndex + 1] : path.join(rootDir, 'dist'));

/** What the package holds: [source, place in the package]. The manifest's `files` filters further (no source maps). */
const CONTENTS = [
    [path.join(cliDir, 'README.md'), 'README.md'],
    [path.join(cliDir, 'bin'), 'bin'],
    [path.join(cliDir, 'dist/bundle'), 'dist/bundle'],
    [path.join(rootDir, 'LICENSE'), 'LICENSE'],
    [path.join(rootDir, 'docs/rules'), 'docs/rules'],
    [path.join(rootDir, 'docs/json-export.md'), 'docs/json-export.md'],
    [path.join(rootDir, 'docs/diff.md'), 'docs/diff.md'],
    [path.join(rootDir, 'docs/editor.md'), 'docs/editor.md'],
    [path.join(rootDir, 'docs/suivi-import.md'), 'docs/suivi-import.md'],
    [path.join(rootDir, 'schemas'), 'schemas'],
    // `cpom studio` serves it (packages/studio, built by `npm run build:studio`).
    [path.join(rootDir, 'packages/studio/dist'), 'studio'],
];

for (const required of ['dist/bundle/main.js', 'dist/bundle/THIRD-PARTY-NOTICES.txt', '../studio/dist/index.html']) {
    if (!existsSync(path.join(cliDir, required))) {
        console.error(`cpom: ${path.relative(rootDir, path.join(cliDir, required))} is missing: run \`npm run build\` first.`);
        process.exit(1);
    }
}

const staging = mkdtempSync(path.join(tmpdir(), 'cpom-pack-'));
try {
    // The published manifest: no dependencies (the workspace packages and libraries are in the bundle), no scripts.
    const { devDependencies: _devDependencies, dependencies: _dependencies, scripts: _scripts, private: _private, ...manifest } = JSON.parse(readFileSync(path.join(cliDir, 'package.json'), 'utf8'));
    writeFileSync(path.join(staging, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    for (const [source, target] of CONTENTS) {
        cpSync(source, path.join(staging, target), { recursive: true });
    }
    mkdirSync(outDir, { recursive: true });
    const output = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
        cwd: staging,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        shell: process.platform === 'win32',
    });
    console.log(path.join(outDir, JSON.parse(output)[0].filename));
} finally {
    rmSync(staging, { recursive: true, force: true });
}
