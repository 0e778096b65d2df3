/** `cpom check --format codequality`: the GitLab Code Quality report, checked against the JSON report of the same run. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../packages/cli/src/check.js';
import type { CodeQualityIssue } from '../packages/cli/src/formats/codequality.js';
import { main } from '../packages/cli/src/main.js';
import { ROOT } from './helpers.js';

const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
// A wrong FINESS key (error), a FINESS typed with spaces (info), in a file whose name needs escaping in JSON.
const BROKEN = BASE.replace('finess 260999016', 'finess 260999017').replace('finess 690999016', 'finess 69 099 901 6');
const FILE = 'contrats/"Lyon" \\ 2013.cpom';

let dir: string;

async function cpom(args: string[]): Promise<{ code: number; stdout: string }> {
    let stdout = '';
    const io: CommandIO = { cwd: dir, stdout: t => { stdout += t; }, stderr: () => {}, version: '0.0.0-test' };
    return { code: await main(args, io), stdout };
}

function write(text: string): void {
    mkdirSync(path.join(dir, 'contrats'), { recursive: true });
    writeFileSync(path.join(dir, FILE), text);
}

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpom-codequality-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cpom check --format codequality', () => {
    it('has one issue per diagnostic, with the fields GitLab reads', async () => {
        write(BROKEN);
        const quality = await cpom(['check', 'contrats', '--format', 'codequality']);
        const json = await cpom(['check', 'contrats', '--format', 'json']);
        expect(quality.code).toBe(1); // the exit code does not depend on the format
        const issues = JSON.parse(quality.stdout) as CodeQualityIssue[];
        const diagnostics = JSON.parse(json.stdout).files.flatMap((f: { path: string; diagnostics: { code: string; name: string; severity: string; message: string; range: { start: { line: number }; end: { line: number } } }[] }) =>
            f.diagnostics.map(d => ({ path: f.path, ...d })));
        expect(diagnostics.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['CPOM041', 'CPOM043']));
        const severity = { error: 'critical', warning: 'minor', info: 'info' } as Record<string, string>;
        expect(issues).toEqual(diagnostics.map((d: typeof diagnostics[number]) => ({
            description: `${d.code} ${d.message}`,
            check_name: d.name,
            fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
            severity: severity[d.severity],
            location: { path: FILE, lines: { begin: d.range.start.line, end: d.range.end.line } },
        })));
        expect(new Set(issues.map(i => i.fingerprint)).size).toBe(issues.length);
    });

    it('keeps each fingerprint when lines are added above the issue', async () => {
        write(BROKEN);
        const before = JSON.parse((await cpom(['check', 'contrats', '-f', 'codequality'])).stdout) as CodeQualityIssue[];
        write(`// Une ligne de plus.\n// Et une autre.\n${BROKEN}`);
        const after = JSON.parse((await cpom(['check', 'contrats', '-f', 'codequality'])).stdout) as CodeQualityIssue[];
        expect(after.map(i => i.fingerprint)).toEqual(before.map(i => i.fingerprint));
        expect(after.map(i => i.location.lines.begin)).toEqual(before.map(i => i.location.lines.begin + 2));
    });

    it('is an empty array for a clean contract', async () => {
        write(BASE);
        const run = await cpom(['check', 'contrats', '--format', 'codequality']);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual([]);
    });
});
