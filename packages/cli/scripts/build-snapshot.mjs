// Writes the startup snapshot of `cpom check` next to the bundle (bin/snapshot.js reads it): src/snapshot-entry.ts
// bundled into one CommonJS file (a snapshot is built from a single script that requires only Node's built-ins),
// run by `node --build-snapshot` with this very Node binary, then the manifest naming that binary and that bundle.
// Called by esbuild.mjs after the bundle. A snapshot that cannot be built is left out: the CLI takes its normal path.
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SNAPSHOT_BLOB, SNAPSHOT_MANIFEST, snapshotIdentity } from '../bin/snapshot.js';

const outfile = fileURLToPath(new URL('../dist/bundle/snapshot.cjs', import.meta.url));

rmSync(SNAPSHOT_MANIFEST, { force: true });
await build({
    entryPoints: [fileURLToPath(new URL('../src/snapshot-entry.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    // The CLI finds its folder and the worker's script from import.meta.url, which CommonJS lacks: this file's URL.
    // The snapshot sits next to main.js, so the answers are the same.
    define: { 'import.meta.url': '__cpomModuleUrl' },
    banner: { js: 'var __cpomModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [commandsOnDemandLeftOut(), builtinsOnlyRequire()],
    logLevel: 'warning',
});

try {
    const temporary = `${SNAPSHOT_BLOB}.${process.pid}.tmp`;
    execFileSync(process.execPath, ['--snapshot-blob', temporary, '--build-snapshot', outfile], { stdio: ['ignore', 'ignore', 'pipe'] });
    renameSync(temporary, SNAPSHOT_BLOB);
    // Last: a manifest is there only once its blob is whole.
    writeFileSync(SNAPSHOT_MANIFEST, JSON.stringify(snapshotIdentity()));
} catch (error) {
    console.warn(`cpom: no startup snapshot (the CLI starts without it): ${error.stderr?.toString().trim() || error.message}`);
}

/**
 * The commands main.ts imports on demand are not served by the snapshot (bin/snapshot.js says which are): each
 * becomes a module that throws, so that the snapshot does not carry the document libraries and the language server.
 */
function commandsOnDemandLeftOut() {
    return {
        name: 'cpom-commands-on-demand-left-out',
        setup(context) {
            context.onResolve({ filter: /.*/ }, args => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'left-out' } : undefined));
            context.onLoad({ filter: /.*/, namespace: 'left-out' }, args => ({
                contents: `throw new Error(${JSON.stringify(`cpom: ${args.path} is not in the startup snapshot`)});`,
                loader: 'js',
            }));
        },
    };
}

/**
 * `createRequire` of libraries made to require only Node's built-ins, as in the published package, which has no
 * node_modules: fdir tries `require("picomatch")` when it loads (tinyglobby never uses it), and a module loaded from
 * node_modules while the snapshot is built would make Node refuse the snapshot at start.
 */
function builtinsOnlyRequire() {
    return {
        name: 'cpom-builtins-only-require',
        setup(context) {
            context.onResolve({ filter: /^(node:)?module$/ }, args => (args.namespace === 'builtins-only' ? undefined : { path: 'module', namespace: 'builtins-only' }));
            context.onLoad({ filter: /.*/, namespace: 'builtins-only' }, () => ({
                contents: `import { createRequire as nodeCreateRequire, isBuiltin } from 'node:module';
export * from 'node:module';
function notFound(id) {
    const error = new Error("Cannot find module '" + id + "'");
    error.code = 'MODULE_NOT_FOUND';
    return error;
}
export function createRequire(from) {
    const real = nodeCreateRequire(from);
    const builtinOnly = id => { if (isBuiltin(id)) return real(id); throw notFound(id); };
    builtinOnly.resolve = id => { if (isBuiltin(id)) return id; throw notFound(id); };
    return builtinOnly;
}
`,
                loader: 'js',
                resolveDir: process.cwd(),
            }));
        },
    };
}
