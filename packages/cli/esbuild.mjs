// Bundles the CLI into ESM files: few files to load makes the cold start of `cpom` about twice as fast.
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Stale chunks of earlier builds would pile up: start from an empty folder.
rmSync(fileURLToPath(new URL('dist/bundle', import.meta.url)), { recursive: true, force: true });

await build({
    entryPoints: [fileURLToPath(new URL('src/main.ts', import.meta.url))],
    outdir: fileURLToPath(new URL('dist/bundle', import.meta.url)),
    // `generate` and its document libraries load on demand, in their own chunk.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    // Some dependencies are CommonJS and call require().
    banner: { js: "import { createRequire as __cpomCreateRequire } from 'node:module'; const require = __cpomCreateRequire(import.meta.url);" },
    logLevel: 'warning',
});
