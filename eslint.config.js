// ESLint: the architecture's invariants that a tool can check (ARCHITECTURE.md, "Lint"), typescript-eslint's
// recommended rules, the regexes that can backtrack super-linearly on user text, and the size warnings.
//
// Layering is `no-restricted-imports` (ESLint core), one block of options per group of files, computed from the
// table below: flat config replaces a rule's options rather than merging them, so each group gets its full list.
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

/** What each package may import of the others (by package name or by a relative path into its sources). */
const MAY_IMPORT = {
    language: [],
    generator: ['language'],
    diff: ['language', 'generator'],
    server: ['language', 'generator', 'diff'],
    cli: ['language', 'generator', 'diff', 'server'],
    extension: [],
    studio: ['language', 'generator', 'server'],
};
const PACKAGES = Object.keys(MAY_IMPORT);
/** The workspace's package names, for the `@cpom/...` packages. */
const SCOPED = ['language', 'generator', 'diff', 'server'];

function layering(pkg) {
    const forbidden = PACKAGES.filter(other => other !== pkg && !MAY_IMPORT[pkg].includes(other));
    const scoped = forbidden.filter(other => SCOPED.includes(other));
    const message = `Layering: ${pkg} may import ${MAY_IMPORT[pkg].length > 0 ? `only ${MAY_IMPORT[pkg].join(', ')}` : 'no other cpom package'} (ARCHITECTURE.md).`;
    const restrictions = [];
    if (scoped.length > 0) {
        restrictions.push({
            group: scoped.flatMap(other => [`@cpom/${other}`, `@cpom/${other}/*`]),
            message,
        });
    }
    // A relative path into another package's sources (`../../server/src/x.js`) is an import of that package too.
    restrictions.push({
        regex: `^(\\.\\./)+(packages/)?(${forbidden.join('|')})/src/`,
        message,
    });
    return restrictions;
}

/** The extension reaches the server only through its protocol file (types and method names, inlined by esbuild). */
const EXTENSION_LAYERING = [
    {
        regex: '^@cpom/(?!server/protocol$)',
        message: 'Layering: the extension talks to the language through LSP; it may import only @cpom/server/protocol (ARCHITECTURE.md).',
    },
    {
        regex: '^(\\.\\./)+(packages/)?(language|generator|diff|cli)/src/|^(\\.\\./)+(packages/)?server/src/(?!protocol\\.js$)',
        message: 'Layering: the extension talks to the language through LSP; of the server it may import only src/protocol.js (ARCHITECTURE.md).',
    },
];
/** `src/server/` holds the two server entries that esbuild bundles for the extension: they start the server. */
const EXTENSION_SERVER_ENTRIES = [
    {
        regex: '^@cpom/(?!server/(node|browser|protocol)$)',
        message: 'Layering: the extension\'s server entries import @cpom/server/node or @cpom/server/browser, nothing else (ARCHITECTURE.md).',
    },
];

/**
 * The studio's page imports pure parts of the language and the generator (the new-contract skeleton and the models
 * it reads; esbuild leaves the rest out) and the server's protocol; checking, rendering and diffing run in the server
 * worker, whose entry imports @cpom/server/browser only.
 */
const STUDIO_MESSAGE = 'Layering: the studio page imports @cpom/language, @cpom/generator (pure parts) and @cpom/server/protocol; the rest runs in the server worker (ARCHITECTURE.md).';
const STUDIO_LAYERING = [
    { regex: '^@cpom/(?!(language|generator|server/protocol)$)', message: STUDIO_MESSAGE },
    { regex: '^(\\.\\./)+(packages/)?(language|generator|diff|server|cli|extension)/src/', message: STUDIO_MESSAGE },
];
const STUDIO_WORKER_ENTRY = [
    { regex: '^@cpom/(?!server/browser$)', message: 'Layering: the studio\'s worker entry imports @cpom/server/browser, nothing else (ARCHITECTURE.md).' },
];

const NODE_MESSAGE = 'Node API outside a Node entry: the core and the server run in a browser worker too (ARCHITECTURE.md).';
/** Node built-ins, with and without `node:`, and the Node-only entries of our libraries. */
const NODE_BUILTINS = [
    { group: ['node:*'], message: NODE_MESSAGE },
    {
        regex: `^(${builtinModules.filter(name => !name.startsWith('_')).join('|')})(/.*)?$`,
        message: NODE_MESSAGE,
    },
    { regex: '^(langium|vscode-languageserver|vscode-languageclient)/node(\\.js)?$', message: NODE_MESSAGE },
];
/** The language core's Node entry (`src/node/`), which the core itself must not reach. */
const LANGUAGE_NODE_FOLDER = [{ regex: '^\\.{1,2}/(.*/)?node/', message: `${NODE_MESSAGE} Only @cpom/language/node imports src/node/.` }];
/** The server's Node host (`src/node.ts`), which the rest of the server must not reach. */
const SERVER_NODE_HOST = [{ regex: '^(\\.{1,2}/)+node(\\.js)?$', message: `${NODE_MESSAGE} Only the Node host imports src/node.ts.` }];

const LSP_MESSAGE = '`langium/lsp` only in packages/language/src/lsp/ and the language server: `cpom check` never loads it (ARCHITECTURE.md).';
const LANGIUM_LSP = [
    { group: ['langium/lsp', 'langium/lsp/*', '@cpom/language/lsp', '@cpom/language/lsp/*'], message: LSP_MESSAGE },
];
// Commands loaded on demand (main.ts) that bring the LSP services: `cpom fmt` (formatter), `cpom check --fix` (quick fixes).
const CLI_LSP_COMMANDS = ['packages/cli/src/fmt-command.ts', 'packages/cli/src/fix-command.ts'];
const LANGUAGE_LSP_FOLDER = [{ regex: '^\\.{1,2}/(.*/)?lsp/', message: LSP_MESSAGE }];

/** Dynamic `import()` is invisible to `no-restricted-imports`: the core and the server load no code on demand. */
const NO_DYNAMIC_IMPORT = {
    'no-restricted-syntax': ['error', {
        selector: 'ImportExpression',
        message: 'No import() here: code is loaded statically, so that the layering rules see every import.',
    }],
};

/** The CLI loads its commands on demand, but only its own files (relative paths the rules above also check). */
const CLI_DYNAMIC_IMPORT = {
    'no-restricted-syntax': ['error', {
        selector: 'ImportExpression:not([source.value=/^\\.\\.?\\u002F/])',
        message: 'No import() here but of the CLI\'s own files (a relative path), so that the layering rules see every package import.',
    }],
};

function restrict(files, patterns, { ignores = [], extraRules = {} } = {}) {
    return {
        files,
        ignores,
        rules: { 'no-restricted-imports': ['error', { patterns }], ...extraRules },
    };
}

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SOURCES = 'packages/*/src/**/*.ts';
const TYPED = ['packages/**/*.ts', 'tests/**/*.ts'];

export default defineConfig(
    globalIgnores(['**/dist/**', '**/node_modules/**', 'packages/language/src/generated/**', 'tests/output/**', 'bench/results/**', '.vscode-test-web/**', '.vscode-test/**']),
    js.configs.recommended,
    tseslint.configs.recommended,
    {
        // Node scripts: the benchmarks, the build scripts and the editor test harness.
        files: ['**/*.js', '**/*.mjs'],
        languageOptions: { globals: globals.node },
    },
    {
        rules: {
            // `_`-prefixed names are unused on purpose (tsc's noUnusedParameters has the same convention).
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
            // A variable read by a closure before its single assignment (a client built after the API it needs).
            'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
        },
    },
    // Type-aware rules (the TypeScript program of each file's tsconfig): typescript-eslint's recommended-type-checked,
    // less the rules that the code breaks in bulk today (listed below; the lead decides whether to adopt them).
    {
        files: TYPED,
        extends: [tseslint.configs.recommendedTypeCheckedOnly],
        languageOptions: {
            parserOptions: {
                projectService: {
                    // Outside packages/extension/tsconfig.json: the browser entry (tsconfig.browser.json) and the
                    // two server entries (two lines each, checked with the server package).
                    allowDefaultProject: ['packages/extension/src/browser/*.ts', 'packages/extension/src/server/*.ts'],
                    defaultProject: 'packages/extension/tsconfig.browser.json',
                },
                tsconfigRootDir: ROOT,
            },
        },
        rules: {
            '@typescript-eslint/no-base-to-string': 'off', // ~80 `${unknown}` in JSON renderers and messages
            '@typescript-eslint/no-unsafe-member-access': 'off', // tests read JSON.parse results (~70)
            '@typescript-eslint/no-unsafe-assignment': 'off',
            '@typescript-eslint/no-unsafe-call': 'off',
            '@typescript-eslint/no-unsafe-argument': 'off',
            '@typescript-eslint/no-unsafe-return': 'off',
            '@typescript-eslint/no-unnecessary-type-assertion': 'off', // ~50, mostly non-null assertions in tests
            '@typescript-eslint/require-await': 'off', // Langium's async service methods that do not await
            '@typescript-eslint/restrict-template-expressions': 'off',
            '@typescript-eslint/prefer-promise-reject-errors': 'off',
        },
    },
    {
        // Tests print only on purpose (each console call carries its eslint-disable); fixtures' indentation is
        // matched space for space.
        files: ['tests/**/*.ts'],
        rules: {
            'no-console': 'error',
            'no-regex-spaces': 'off',
        },
    },
    // Regexes that backtrack or move super-linearly on user text (ReDoS): every package's sources.
    {
        files: [SOURCES],
        plugins: { regexp },
        rules: {
            'regexp/no-super-linear-backtracking': 'error',
            'regexp/no-super-linear-move': 'error',
            'regexp/no-misleading-capturing-group': 'error',
            'regexp/no-dupe-disjunctions': 'error',
        },
    },
    // Sizes: warnings that show the files and functions to split, not errors.
    {
        files: [SOURCES],
        rules: {
            'max-lines': ['warn', { max: 400 }],
            'max-lines-per-function': ['warn', { max: 80 }],
        },
    },
    // Layering and run-time environments.
    restrict(['packages/language/src/**/*.ts'], [...layering('language'), ...NODE_BUILTINS, ...LANGUAGE_NODE_FOLDER, ...LANGIUM_LSP, ...LANGUAGE_LSP_FOLDER],
        { ignores: ['packages/language/src/node/**', 'packages/language/src/lsp/**'], extraRules: NO_DYNAMIC_IMPORT }),
    restrict(['packages/language/src/node/**/*.ts'], [...layering('language'), ...LANGIUM_LSP, ...LANGUAGE_LSP_FOLDER], { extraRules: NO_DYNAMIC_IMPORT }),
    restrict(['packages/language/src/lsp/**/*.ts'], [...layering('language'), ...NODE_BUILTINS, ...LANGUAGE_NODE_FOLDER], { extraRules: NO_DYNAMIC_IMPORT }),
    restrict(['packages/generator/src/**/*.ts'], [...layering('generator'), ...NODE_BUILTINS, ...LANGIUM_LSP], { extraRules: NO_DYNAMIC_IMPORT }),
    restrict(['packages/diff/src/**/*.ts'], [...layering('diff'), ...NODE_BUILTINS, ...LANGIUM_LSP], { extraRules: NO_DYNAMIC_IMPORT }),
    restrict(['packages/server/src/**/*.ts'], [...layering('server'), ...NODE_BUILTINS, ...SERVER_NODE_HOST],
        { ignores: ['packages/server/src/node.ts'], extraRules: NO_DYNAMIC_IMPORT }),
    restrict(['packages/server/src/node.ts'], layering('server'), { extraRules: NO_DYNAMIC_IMPORT }),
    restrict(['packages/cli/src/**/*.ts'], [...layering('cli'), ...LANGIUM_LSP], { ignores: CLI_LSP_COMMANDS, extraRules: CLI_DYNAMIC_IMPORT }),
    // Commands that reuse the language server's services (formatter, code actions): each is loaded by `import()`
    // from main.ts only, in its own chunk, so `cpom check` still never loads `langium/lsp`.
    restrict(CLI_LSP_COMMANDS, layering('cli'), { extraRules: CLI_DYNAMIC_IMPORT }),
    restrict(['packages/extension/src/**/*.ts', 'packages/extension/test/**/*.ts'], EXTENSION_LAYERING, { ignores: ['packages/extension/src/server/**'] }),
    restrict(['packages/extension/src/server/**/*.ts'], EXTENSION_SERVER_ENTRIES),
    restrict(['packages/studio/src/**/*.ts'], [...STUDIO_LAYERING, ...NODE_BUILTINS, ...LANGIUM_LSP],
        { ignores: ['packages/studio/src/server-worker.ts'], extraRules: NO_DYNAMIC_IMPORT }),
    restrict(['packages/studio/src/server-worker.ts'], [...STUDIO_WORKER_ENTRY, ...NODE_BUILTINS], { extraRules: NO_DYNAMIC_IMPORT }),
);
