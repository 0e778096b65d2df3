// Bundles src/snapshot-entry.ts into dist/bundle/snapshot.cjs, the script the startup snapshot of `cpom check` is made
// from (a snapshot is built from a single script that requires only Node's built-ins). The blob itself is written on
// the user's machine, by the Node binary that will read it (bin/snapshot.js). Called by esbuild.mjs after the bundle.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { langiumCoreWithoutProtocol } from './langium-core-without-protocol.mjs';

const outfile = fileURLToPath(new URL('../dist/bundle/snapshot.cjs', import.meta.url));

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
    plugins: [commandsOnDemandLeftOut(), builtinsOnlyRequire(), langiumCoreWithoutProtocol()],
    logLevel: 'warning',
});

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
