// Builds the studio, a static web application (no server needed), into packages/studio/dist/:
//   index.html, studio.css        the page
//   studio.js                     the application (CodeMirror 6, its LSP client, the panels), IIFE
//   server-worker.js              the language server in a dedicated web worker (@cpom/server/browser), IIFE
//   server-worker-source.js       the same worker as a string, for pages opened from files (file:// forbids
//                                 `new Worker(url)`: the page starts it from a Blob); loaded only then
//   THIRD-PARTY-NOTICES.txt       licences of the bundled npm packages
// The bundled contracts (seeds/ and examples/) are compiled into studio.js as the "examples" of the start page.
// The workspace packages are bundled from their TypeScript sources (as the extension does).
// Usage: node packages/studio/esbuild.mjs [--dev] (no minification).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleDefaults, packageDirOf, thirdPartyNotices, workspaceSources } from '../../tools/bundling.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const packagesDir = path.resolve(here, '..');
const root = path.resolve(packagesDir, '..');
const dist = path.join(here, 'dist');
const dev = process.argv.includes('--dev');

/** `cpom-bundled-contracts`: the .cpom files of seeds/ and examples/ with the first line of their folder's README. */
const bundledContracts = {
    name: 'cpom-bundled-contracts',
    setup(context) {
        context.onResolve({ filter: /^cpom-bundled-contracts$/ }, () => ({ path: 'bundled-contracts', namespace: 'cpom-contracts' }));
        context.onLoad({ filter: /.*/, namespace: 'cpom-contracts' }, () => {
            const examples = [];
            const seeds = readdirSync(path.join(root, 'seeds')).filter(f => f.endsWith('.cpom')).sort();
            for (const file of seeds) {
                examples.push({ id: `seeds/${file}`, title: file.replace(/\.cpom$/, ''), description: '', files: [{ path: file, text: readFileSync(path.join(root, 'seeds', file), 'utf8') }] });
            }
            for (const folder of readdirSync(path.join(root, 'examples')).sort()) {
                const dir = path.join(root, 'examples', folder);
                if (!statSync(dir).isDirectory()) continue;
                const files = readdirSync(dir).filter(f => f.endsWith('.cpom')).sort()
                    .map(f => ({ path: `${folder}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
                const readme = existsSync(path.join(dir, 'README.md')) ? readFileSync(path.join(dir, 'README.md'), 'utf8') : '';
                const heading = /^#\s+(.+)$/m.exec(readme)?.[1] ?? folder;
                examples.push({ id: `examples/${folder}`, title: folder, description: heading.trim(), files });
            }
            return { contents: `export default ${JSON.stringify(examples)};`, loader: 'js' };
        });
    },
};

const common = {
    ...bundleDefaults(dev),
    platform: 'browser',
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Our packages have no import-time side effects: what the page does not use (the generator's renderers,
    // langium's services behind the language's index) stays out of studio.js.
    plugins: [workspaceSources(packagesDir, { sideEffects: false }), bundledContracts],
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const start = performance.now();
const results = await Promise.all([
    build({ ...common, entryPoints: [path.join(here, 'src/main.ts')], outfile: path.join(dist, 'studio.js') }),
    build({ ...common, entryPoints: [path.join(here, 'src/server-worker.ts')], outfile: path.join(dist, 'server-worker.js') }),
]);
const worker = readFileSync(path.join(dist, 'server-worker.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
writeFileSync(path.join(dist, 'server-worker-source.js'), `window.CPOM_SERVER_WORKER_SOURCE = ${JSON.stringify(worker)};\n`);
copyFileSync(path.join(here, 'src/index.html'), path.join(dist, 'index.html'));
copyFileSync(path.join(here, 'src/studio.css'), path.join(dist, 'studio.css'));
writeNotices(results);
if (process.argv.includes("--analyze")) {
    const { analyzeMetafile } = await import("esbuild");
    console.log(await analyzeMetafile(results[0].metafile));
}
for (const file of ['studio.js', 'server-worker.js', 'studio.css']) {
    console.log(`  ${`packages/studio/dist/${file}`.padEnd(40)} ${(statSync(path.join(dist, file)).size / 1024).toFixed(0).padStart(6)} KiB`);
}
console.log(`studio bundled in ${Math.round(performance.now() - start)} ms${dev ? ' (--dev: not minified)' : ''}`);

/** dist/THIRD-PARTY-NOTICES.txt: name, version, licence and licence text of every npm package in the bundles. */
function writeNotices(buildResults) {
    const dirs = new Set();
    for (const result of buildResults) {
        for (const input of Object.keys(result.metafile.inputs)) {
            const dir = packageDirOf(path.resolve(input));
            if (dir) dirs.add(dir);
        }
    }
    writeFileSync(path.join(dist, 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices([
        'cpom studio: third-party software bundled in this folder.',
        'cpom itself is under the MIT licence.',
    ], dirs));
}
