// Bundles the CLI into one ESM file: one file to load makes the cold start of `cpom` about twice as fast.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

await build({
    entryPoints: [fileURLToPath(new URL('src/main.ts', import.meta.url))],
    outfile: fileURLToPath(new URL('dist/cpom.bundle.js', import.meta.url)),
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
