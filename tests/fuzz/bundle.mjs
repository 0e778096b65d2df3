// Bundles a fuzz entry (TypeScript, importing the packages' sources as the tests do) into one ES module that a
// worker thread or plain node can load: Node 20 does not run TypeScript, and vitest's transform does not reach workers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `@cpom/x` and `@cpom/x/sub` to the packages' sources, as in vitest.config.ts. */
const sources = {
    name: 'cpom-sources',
    setup(b) {
        // The bundler itself stays outside: it finds its binary from its own folder.
        b.onResolve({ filter: /\/bundle\.mjs$/ }, () => ({ path: fileURLToPath(import.meta.url), external: true }));
        b.onResolve({ filter: /^@cpom\// }, args => {
            const [, name, sub] = /^@cpom\/(\w+)(?:\/(\w+))?$/.exec(args.path) ?? [];
            if (!name) return undefined;
            if (!sub) return { path: path.join(ROOT, 'packages', name, 'src/index.ts') };
            return { path: name === 'server' ? path.join(ROOT, 'packages/server/src', `${sub}.ts`) : path.join(ROOT, 'packages', name, 'src', sub, 'index.ts') };
        });
    },
};

/** Bundles `entries` (paths relative to tests/fuzz) into a fresh temporary folder; returns that folder. */
export async function bundleFuzzEntries(entries) {
    const outdir = mkdtempSync(path.join(tmpdir(), 'cpom-fuzz-'));
    await build({
        entryPoints: entries.map(e => path.join(ROOT, 'tests/fuzz', e)),
        outdir,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        sourcemap: 'inline',
        plugins: [sources],
        // Some dependencies are CommonJS and call require().
        banner: { js: "import { createRequire as __cpomCreateRequire } from 'node:module'; const require = __cpomCreateRequire(import.meta.url);" },
        logLevel: 'warning',
    });
    return outdir;
}
