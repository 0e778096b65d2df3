/**
 * Batches: files are checked in groups of files that import each other (check-groups.ts), chunk after chunk and on
 * worker threads with `--jobs`; the report is the one a single workspace gives.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { chunksOf, groupByImports } from '../packages/cli/src/check-groups.js';
import { runCpom, writeUnder } from './cli-run.js';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'packages/cli/bin/cpom.js');
const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpom-jobs-'));
    dirs.push(dir);
    return dir;
}

describe('groups of files checked together', () => {
    it('joins files through what they import, even a file outside the batch, and leaves the others alone', () => {
        const texts: Record<string, string> = {
            '/w/a.cpom': 'importe "lib/shared.cpom"\ncontrat A {}',
            '/w/b.cpom': "import 'lib/shared.cpom'\ncontrat B {}",
            '/w/lib/shared.cpom': 'catalogue S {}',
            '/w/c.cpom': 'contrat C {}',
            '/w/d.cpom': 'importe "c.cpom"\navenant D au C {}',
            '/w/e.cpom': 'contrat E {}',
        };
        const groups = groupByImports(['/w/a.cpom', '/w/c.cpom', '/w/b.cpom', '/w/d.cpom', '/w/e.cpom'], file => texts[file]);
        expect(groups).toEqual([['/w/a.cpom', '/w/b.cpom'], ['/w/c.cpom', '/w/d.cpom'], ['/w/e.cpom']]);
        expect(chunksOf(groups, 2)).toEqual([['/w/a.cpom', '/w/b.cpom'], ['/w/c.cpom', '/w/d.cpom'], ['/w/e.cpom']]);
        expect(chunksOf(groups, 3)).toEqual([['/w/a.cpom', '/w/b.cpom', '/w/c.cpom', '/w/d.cpom'], ['/w/e.cpom']]);
    });

    it('shrinks the chunks towards the end of a batch on threads, every file once and in order', () => {
        const files = Array.from({ length: 1000 }, (_, i) => `/w/${i}.cpom`);
        const chunks = chunksOf(files.map(f => [f]), 50, 2);
        expect(chunks.flat()).toEqual(files);
        const sizes = chunks.map(c => c.length);
        expect(sizes[0]).toBe(50);
        expect(Math.max(...sizes.slice(-3))).toBeLessThanOrEqual(5);
        expect(sizes.every((size, i) => i === 0 || size <= sizes[i - 1]!)).toBe(true);
    });

    it('follows imports of imported files and ignores a missing one', () => {
        const texts: Record<string, string> = {
            '/w/a.cpom': 'importe "x.cpom"',
            '/w/x.cpom': 'importe "y.cpom"',
            '/w/b.cpom': 'importe "y.cpom"\nimporte "absent.cpom"',
            '/w/y.cpom': '',
        };
        expect(groupByImports(['/w/a.cpom', '/w/b.cpom'], file => texts[file])).toEqual([['/w/a.cpom', '/w/b.cpom']]);
    });
});

describe('cpom check --jobs', () => {
    const fixtures = ['examples', 'seeds', ...['CPOM002', 'CPOM004', 'CPOM041', 'CPOM090', 'CPOM113'].map(code => `tests/fixtures/rules/${code}`)];

    it('gives on worker threads the report of one workspace (avenants, catalogues, errors)', async () => {
        const threads = await run(process.execPath, [BIN, 'check', ...fixtures, '--jobs', '3', '--format', 'json'], { cwd: ROOT }).catch(e => e as { stdout: string });
        const single = await runCpom(['check', ...fixtures, '--jobs', '1', '--format', 'json'], ROOT);
        const { tool: _bundled, ...report } = JSON.parse(threads.stdout) as { tool: unknown; summary: { files: number; errors: number } };
        const { tool: _inProcess, ...expected } = JSON.parse(single.stdout) as { tool: unknown };
        expect(report.summary.files).toBeGreaterThan(5);
        expect(report.summary.errors).toBeGreaterThan(0);
        expect(report).toEqual(expected);
    });

    it('refuses a number of threads below 1, in French', async () => {
        const dir = tempDir();
        writeUnder(dir, 'a.cpom', readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8'));
        const result = await runCpom(['check', 'a.cpom', '--jobs', '0'], dir);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('un entier ≥ 1 est attendu');
    });
});
