// Bundles the CLI into ESM files: few files to load makes the cold start of `cpom` about twice as fast. The bundle
// inlines every dependency, so the published `cpom` package has none; dist/bundle/THIRD-PARTY-NOTICES.txt lists
// the licences of the npm packages it contains.
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { packageDirOf, thirdPartyNotices } from '../../tools/bundling.mjs';
import { langiumCoreWithoutProtocol } from './scripts/langium-core-without-protocol.mjs';

const outdir = fileURLToPath(new URL('dist/bundle', import.meta.url));

// Stale chunks of earlier builds would pile up: start from an empty folder.
rmSync(outdir, { recursive: true, force: true });

const result = await build({
    // The worker threads of `cpom check --jobs` start from their own entry, next to main.js.
    entryPoints: [fileURLToPath(new URL('src/main.ts', import.meta.url)), fileURLToPath(new URL('src/check-worker.ts', import.meta.url))],
    outdir,
    // `generate` and its document libraries load on demand, in their own chunk.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    // Some dependencies are CommonJS and call require().
    banner: { js: "import { createRequire as __cpomCreateRequire } from 'node:module'; const require = __cpomCreateRequire(import.meta.url);" },
    plugins: [langiumCoreWithoutProtocol()],
    logLevel: 'warning',
});

// resvg's WebAssembly (charts of `cpom suivi` as PNG in DOCX) is read from a file next to the bundle: a chunk that
// embedded it would load 2 MB for every run of `suivi`, even without --format docx.
copyFileSync(fileURLToPath(import.meta.resolve('@resvg/resvg-wasm/index_bg.wasm')), path.join(outdir, 'resvg.wasm'));

const bundled = new Set(Object.keys(result.metafile.inputs).map(input => packageDirOf(path.resolve(input))).filter(Boolean));
writeNotices(withDependencies(bundled));

/**
 * The packages and, transitively, their runtime dependencies: some packages ship a build that already inlines
 * theirs (docx carries jszip, xml-js, nanoid…), which the metafile cannot see. A dependency that is in fact not in
 * the bundle only makes the notices longer.
 */
function withDependencies(packageDirs) {
    const all = new Set(packageDirs);
    for (const dir of all) {
        const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
        for (const dependency of Object.keys(manifest.dependencies ?? {})) {
            if (dependency.startsWith('@types/')) continue;
            const found = resolvePackageDir(dependency, dir);
            if (found) all.add(found);
        }
    }
    return all;
}

/** Where Node would find `name` from the package in `dir`: the nearest node_modules/<name> walking up. */
function resolvePackageDir(name, dir) {
    for (let current = dir; ; current = path.dirname(current)) {
        const candidate = path.join(current, 'node_modules', name);
        if (existsSync(path.join(candidate, 'package.json'))) return candidate;
        if (path.dirname(current) === current) return undefined;
    }
}

/** Name, version, licence and licence text of every npm package in the bundle. */
function writeNotices(packageDirs) {
    const text = thirdPartyNotices([
        'cpom command line: third-party software bundled in dist/bundle/ (with the dependencies of those packages,',
        'which some of them inline in their own builds).',
        'cpom itself is under the MIT licence (LICENSE).',
    ], packageDirs);
    writeFileSync(path.join(outdir, 'THIRD-PARTY-NOTICES.txt'), text);
}

// The script the startup snapshot of `cpom check` is made from, on the user's machine (bin/snapshot.js).
await import('./scripts/build-snapshot.mjs');
