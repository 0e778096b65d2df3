/**
 * The lint's layering and run-time rules (eslint.config.js): small snippets, linted as if they were files of each
 * package, are reported when they cross a boundary and pass when they stay inside it. One ESLint instance, without
 * the type-aware rules (the snippets are in no TypeScript program, and imports need no types).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

/** [file the snippet stands for, snippet, why]. */
type Case = readonly [file: string, code: string, why: string];

/** The restrictions, by the start of their messages in eslint.config.js (after ESLint's own prefix). */
const KINDS = {
    'layering': /\bLayering: /,
    'node': /\bNode API outside a Node entry/,
    'lsp': /`langium\/lsp` only in/,
    'import()': /\bNo import\(\) here/,
} as const;
type Kind = keyof typeof KINDS;

/** [file, snippet, which restriction reports it, why]. */
const VIOLATIONS: readonly (readonly [file: string, code: string, kind: Kind, why: string])[] = [
    ['packages/language/src/model/x.ts', "import '@cpom/generator';", 'layering', 'language imports nothing of ours'],
    ['packages/language/src/model/x.ts', "import { readFileSync } from 'node:fs';", 'node', 'Node API in the core outside src/node/'],
    ['packages/language/src/model/x.ts', "import * as fs from 'fs';", 'node', 'bare Node built-in in the core'],
    ['packages/language/src/model/x.ts', "import 'fs/promises';", 'node', 'Node built-in sub-path in the core'],
    ['packages/language/src/lsp/x.ts', "import * as path from 'path';", 'node', 'Node API in the LSP services'],
    ['packages/language/src/validation/x.ts', "import { AbstractFormatter } from 'langium/lsp';", 'lsp', 'langium/lsp outside src/lsp/'],
    ['packages/language/src/validation/x.ts', "import '../lsp/cpom-facts.js';", 'lsp', 'the LSP folder reached by a relative path'],
    ['packages/language/src/index.ts', "export * from './node/index.js';", 'node', 'the Node entry re-exported by the core'],
    ['packages/language/src/model/x.ts', "export const load = () => import('./numbers.js');", 'import()', 'import() hides imports from the lint'],
    ['packages/generator/src/render/x.ts', "import { diffContracts } from '@cpom/diff';", 'layering', 'generator imports only language'],
    ['packages/generator/src/x.ts', "export * from '@cpom/diff';", 'layering', 'a re-export is an import'],
    ['packages/generator/src/x.ts', "import '../../diff/src/index.js';", 'layering', 'another package reached by a relative path'],
    ['packages/generator/src/x.ts', "import 'langium/lsp';", 'lsp', 'langium/lsp in the generator'],
    ['packages/generator/src/x.ts', "import { renderPdf } from 'node:child_process';", 'node', 'Node API in the generator'],
    ['packages/diff/src/x.ts', "import '@cpom/server';", 'layering', 'diff imports only language and generator'],
    ['packages/diff/src/x.ts', "import '@cpom/language/lsp';", 'lsp', 'the LSP entry in the diff'],
    ['packages/server/src/requests/x.ts', "import { NodeFileSystem } from 'langium/node';", 'node', 'Node library entry outside node.ts'],
    ['packages/server/src/x.ts', "import * as path from 'node:path';", 'node', 'Node API in the server outside node.ts'],
    ['packages/server/src/requests/x.ts', "import { startNodeServer } from '../node.js';", 'node', 'the Node host imported by shared server code'],
    ['packages/server/src/x.ts', "import '../../cli/src/main.js';", 'layering', 'the server below the CLI'],
    ['packages/cli/src/x.ts', "import '../../extension/src/activate.js';", 'layering', 'the CLI imports all but the extension'],
    ['packages/cli/src/x.ts', "import 'langium/lsp';", 'lsp', '`cpom check` never loads langium/lsp'],
    ['packages/cli/src/x.ts', "export const load = () => import('@cpom/language/lsp');", 'import()', 'the CLI loads only its own files on demand'],
    ['packages/extension/src/commands/x.ts', "import { parseCents } from '@cpom/language';", 'layering', 'the extension talks LSP only'],
    ['packages/extension/src/commands/x.ts', "import { startCpomServer } from '@cpom/server';", 'layering', 'only the protocol of the server'],
    ['packages/extension/src/commands/x.ts', "import { startNodeServer } from '@cpom/server/node';", 'layering', 'server entries only in src/server/'],
    ['packages/extension/src/x.ts', "export * from '../../server/src/index.js';", 'layering', 'only the server\'s protocol file'],
    ['packages/extension/src/x.ts', "import '../../generator/src/index.js';", 'layering', 'the generator from the extension'],
    ['packages/extension/src/server/node-main.ts', "import '@cpom/language';", 'layering', 'server entries start the server only'],
    ['packages/studio/src/x.ts', "import { diffContracts } from '@cpom/diff';", 'layering', 'the studio page diffs through the server worker'],
    ['packages/studio/src/x.ts', "import { startCpomServer } from '@cpom/server';", 'layering', 'the studio page: only the server\'s protocol'],
    ['packages/studio/src/x.ts', "import { readFileSync } from 'node:fs';", 'node', 'the studio runs in a browser'],
    ['packages/studio/src/server-worker.ts', "import '@cpom/language';", 'layering', 'the studio worker entry starts the server only'],
];

const ALLOWED: readonly Case[] = [
    ['packages/language/src/node/config-files.ts', "import { readFileSync } from 'node:fs';\nimport * as path from 'node:path';", 'src/node/ is the Node entry'],
    ['packages/language/src/node/index.ts', "export * from './config-files.js';", 'the Node entry\'s own files'],
    ['packages/language/src/lsp/x.ts', "import { AbstractFormatter } from 'langium/lsp';\nimport '../model/numbers.js';", 'src/lsp/ uses langium/lsp'],
    ['packages/language/src/validation/x.ts', "import { AstUtils } from 'langium';\nimport '../model/contract.js';", 'the core on langium'],
    ['packages/generator/src/x.ts', "import { parseCents } from '@cpom/language';\nimport { Document } from 'docx';", 'generator on language'],
    ['packages/diff/src/x.ts', "import '@cpom/language';\nimport '@cpom/generator';", 'diff on language and generator'],
    ['packages/server/src/node.ts', "import * as path from 'node:path';\nimport { NodeFileSystem } from 'langium/node';\nimport '@cpom/language/node';", 'the Node host'],
    ['packages/server/src/requests/x.ts', "import '@cpom/language/lsp';\nimport 'langium/lsp';\nimport '@cpom/diff';\nimport '../protocol.js';", 'the server on the shells\' layer'],
    ['packages/cli/src/x.ts', "import 'node:fs';\nimport '@cpom/server/node';\nimport '@cpom/diff';\nexport const load = () => import('./git.js');", 'the CLI on top'],
    ['packages/extension/src/protocol.ts', "export * from '../../server/src/protocol.js';", 'the protocol file of the server'],
    ['packages/extension/src/x.ts', "import type { PreviewResult } from '@cpom/server/protocol';\nimport * as vscode from 'vscode';", 'protocol types and VS Code'],
    ['packages/extension/src/server/node-main.ts', "import { startNodeServer } from '@cpom/server/node';", 'the bundled Node server entry'],
    ['packages/extension/src/server/browser-main.ts', "import { startBrowserServer } from '@cpom/server/browser';", 'the bundled browser server entry'],
    ['packages/studio/src/x.ts', "import { contractSkeleton } from '@cpom/generator';\nimport { ESMS_CATEGORIES } from '@cpom/language';\nimport type { PreviewResult } from '@cpom/server/protocol';", 'the studio page on pure parts and the protocol'],
    ['packages/studio/src/server-worker.ts', "import { startBrowserServer } from '@cpom/server/browser';", 'the studio worker entry'],
];

let eslint: ESLint;

beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });
});

/**
 * The boundary messages on `code` linted as `file`; fails on a parse error or an ignored file, and on a boundary
 * reported as a mere warning: each is an error, so that `npm run lint` (and CI) fails on it.
 */
async function boundaryMessages(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(ROOT, file), warnIgnored: true });
    const unexpected = result!.messages.filter(m => m.ruleId === null);
    expect(unexpected.map(m => m.message)).toEqual([]);
    const boundaries = result!.messages.filter(m => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId));
    expect(boundaries.filter(m => m.severity !== 2).map(m => m.message)).toEqual([]);
    return boundaries.map(m => m.message);
}

describe('lint: layering and run-time environments', () => {
    it.each(VIOLATIONS)('reports %s: %s as %s (%s)', async (file, code, kind) => {
        const messages = await boundaryMessages(file, code);
        expect(messages.some(message => KINDS[kind].test(message)), messages.join('\n')).toBe(true);
    });

    it.each(ALLOWED)('allows %s: %s (%s)', async (file, code) => {
        expect(await boundaryMessages(file, code)).toEqual([]);
    });
});
