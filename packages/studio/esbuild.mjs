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

const here = path.dirname(fileURLToPath(import.meta.url));
const packagesDir = path.resolve(here, '..');
const root = path.resolve(packagesDir, '..');
const dist = path.join(here, 'dist');
const dev = process.argv.includes('--dev');

/** `@cpom/<package>[/<subpath>]` → packages/<package>/src/<subpath>.ts or src/<subpath>/index.ts. */
const workspaceSources = {
    name: 'cpom-workspace-sources',
    setup(context) {
        context.onResolve({ filter: /^@cpom\/[^/]+(\/.*)?$/ }, args => {
            const [, name, subpath = ''] = /^@cpom\/([^/]+)(?:\/(.*))?$/.exec(args.path);
            const src = path.join(packagesDir, name, 'src');
            const candidates = subpath
                ? [path.join(src, `${subpath}.ts`), path.join(src, subpath, 'index.ts')]
                : [path.join(src, 'index.ts')];
            const found = candidates.find(candidate => existsSync(candidate));
            if (!found) return { errors: [{ text: `${args.path}: none of ${candidates.map(c => path.relative(packagesDir, c)).join(', ')} exists` }] };
            // Our packages have no import-time side effects: what the page does not use (the generator's
            // renderers, langium's services behind the language's index) stays out of studio.js.
            return { path: found, sideEffects: false };
        });
    },
};

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
    bundle: true,
    minify: !dev,
    sourcemap: 'linked',
    sourcesContent: false,
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    platform: 'browser',
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [workspaceSources, bundledContracts],
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

/** The folder of the npm package a bundled file comes from (the innermost node_modules/<name>). */
function packageDirOf(file) {
    const parts = file.split(path.sep);
    const index = parts.lastIndexOf('node_modules');
    if (index < 0) return undefined;
    const length = parts[index + 1]?.startsWith('@') ? 3 : 2;
    const dir = parts.slice(0, index + length).join(path.sep);
    return path.basename(path.dirname(dir)) === '@cpom' ? undefined : dir;
}

/** dist/THIRD-PARTY-NOTICES.txt: name, version, licence and licence text of every npm package in the bundles. */
function writeNotices(buildResults) {
    const dirs = new Set();
    for (const result of buildResults) {
        for (const input of Object.keys(result.metafile.inputs)) {
            const dir = packageDirOf(path.resolve(input));
            if (dir) dirs.add(dir);
        }
    }
    const entries = [...dirs].map(dir => {
        const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
        const licenseFile = readdirSync(dir).find(name => /^(licen[sc]e|copying)(\.(md|txt))?$/i.test(name));
        const license = typeof manifest.license === 'string' ? manifest.license : manifest.license?.type ?? 'see the package';
        return {
            title: `${manifest.name} ${manifest.version} — ${license}`,
            text: licenseFile ? readFileSync(path.join(dir, licenseFile), 'utf8').trim() : `No licence file in the package; licence: ${license}.`,
        };
    }).sort((a, b) => a.title.localeCompare(b.title));
    writeFileSync(path.join(dist, 'THIRD-PARTY-NOTICES.txt'), [
        'cpom studio: third-party software bundled in this folder.',
        'cpom itself is under the MIT licence.',
        '',
        ...entries.map(e => `${'='.repeat(100)}\n${e.title}\n${'='.repeat(100)}\n\n${e.text}\n`),
    ].join('\n'));
}
