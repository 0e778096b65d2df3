/**
 * The startup snapshot of `cpom check` (packages/cli/bin/snapshot.js, src/snapshot-entry.ts): the same bytes on the
 * standard output and error and the same exit code as the normal path, and a snapshot that does not match or does not
 * load leaves the normal path to run. Needs `npm run build` (the bundle and its blob).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const CLI_DIR = path.join(ROOT, 'packages/cli');
const BIN = path.join(CLI_DIR, 'bin/cpom.js');
const BLOB = path.join(CLI_DIR, 'dist/bundle/cpom-snapshot.blob');
const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
const INVALID = readFileSync(path.join(ROOT, 'tests/fixtures/rules/CPOM041/triggers.cpom'), 'utf8');

interface Run { code: number | null; stdout: string; stderr: string }

let dir: string;

function run(argv: string[], env: Record<string, string>, stdin?: string): Run {
    const result = spawnSync(process.execPath, argv, { cwd: dir, input: stdin ?? '', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env }, timeout: 120_000 });
    return { code: result.status, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
}

const normal = (args: string[], stdin?: string) => run([BIN, ...args], { CPOM_NO_SNAPSHOT: '1' }, stdin);

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpom-snapshot-'));
    writeFileSync(path.join(dir, 'valid.cpom'), BASE);
    writeFileSync(path.join(dir, 'invalid.cpom'), INVALID);
    writeFileSync(path.join(dir, 'syntax.cpom'), 'contrat X "x" {\n    etablissement {\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cpom check from the startup snapshot', () => {
    it('was built with the bundle', () => {
        expect(existsSync(BLOB), 'npm run build writes dist/bundle/cpom-snapshot.blob').toBe(true);
    });

    const cases: Array<{ args: string[]; stdin?: string }> = [
        { args: ['check', 'valid.cpom'] },
        { args: ['check', 'invalid.cpom'] },
        { args: ['check', 'syntax.cpom'] },
        { args: ['check', '--format', 'json', 'invalid.cpom', 'valid.cpom'] },
        { args: ['check', '-f', 'sarif', '--lang', 'en', 'invalid.cpom'] },
        { args: ['check', '-'], stdin: INVALID },
        { args: ['check', '-', '--stdin-filename', 'sub/x.cpom'], stdin: BASE },
        { args: ['check', 'missing.cpom'] },
        { args: ['check', '--jobs', '2', 'valid.cpom', 'invalid.cpom'] },
        { args: ['check', '--max-warnings', 'x', 'valid.cpom'] },
    ];
    for (const { args, stdin } of cases) {
        it(`answers as the normal path: cpom ${args.join(' ')}`, () => {
            const expected = normal(args, stdin);
            // Through the bin (which takes the snapshot for the cases it serves) and the snapshot's main directly.
            expect(run([BIN, ...args], { CPOM_NO_SNAPSHOT: '' }, stdin)).toEqual(expected);
            expect(run(['--snapshot-blob', BLOB, '--', ...args], {}, stdin)).toEqual(expected);
            expect(expected.code).not.toBeNull();
        });
    }
});

describe('the bin and its snapshot', () => {
    let copy: string;
    const copied = (...parts: string[]) => path.join(copy, 'packages/cli', ...parts);
    const args = ['check', 'invalid.cpom'];

    beforeAll(() => {
        // A copy of the package with its timestamps, so that the manifest still matches.
        copy = mkdtempSync(path.join(tmpdir(), 'cpom-snapshot-copy-'));
        for (const part of ['package.json', 'bin', 'dist/bundle']) cpSync(path.join(CLI_DIR, part), copied(part), { recursive: true, preserveTimestamps: true });
    });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('takes the normal path in a moved copy: the snapshot knows its folder', async () => {
        const main = copied('dist/bundle/main.js');
        const saved = readFileSync(main);
        rmSync(main);
        try {
            expect(run([copied('bin/cpom.js'), ...args], { CPOM_NO_SNAPSHOT: '' }).stderr).toContain('ERR_MODULE_NOT_FOUND');
        } finally {
            writeFileSync(main, saved);
        }
        // The manifest as the copy's own build would write it, for the cases below.
        const { snapshotIdentity } = await import(pathToFileURL(copied('bin/snapshot.js')).href) as { snapshotIdentity: () => unknown };
        writeFileSync(copied('dist/bundle/cpom-snapshot.json'), JSON.stringify(snapshotIdentity()));
    });

    it('takes the snapshot when it matches: it runs without the bundle', () => {
        const main = copied('dist/bundle/main.js');
        const saved = readFileSync(main);
        rmSync(main);
        try {
            expect(run([copied('bin/cpom.js'), ...args], { CPOM_NO_SNAPSHOT: '' })).toEqual(normal(args));
            // CPOM_NO_SNAPSHOT=1 takes the normal path, which needs the bundle.
            expect(run([copied('bin/cpom.js'), ...args], { CPOM_NO_SNAPSHOT: '1' }).stderr).toContain('ERR_MODULE_NOT_FOUND');
        } finally {
            writeFileSync(main, saved);
        }
    });

    /** Runs `check` with `file` of the copy changed by `change` (its dates kept: the manifest still matches them), then restores it. */
    function withChanged(file: string, change: (saved: Buffer) => Buffer, fn: () => void): void {
        const saved = readFileSync(file);
        const { atime, mtime } = statSync(file);
        writeFileSync(file, change(saved));
        utimesSync(file, atime, mtime);
        try {
            fn();
        } finally {
            writeFileSync(file, saved);
            utimesSync(file, atime, mtime);
        }
    }
    const viaBin = () => run([copied('bin/cpom.js'), ...args], { CPOM_NO_SNAPSHOT: '' });
    // Were the snapshot used with it, this blob would crash Node.
    const cutShort = (blob: Buffer) => blob.subarray(0, 1000);

    it('takes the normal path when the manifest names another Node binary', () => {
        const otherNode = (manifest: Buffer) => Buffer.from(manifest.toString().replace(`"node":"${process.version}"`, '"node":"v0.0.0"'));
        withChanged(copied('dist/bundle/cpom-snapshot.json'), otherNode, () => {
            withChanged(copied('dist/bundle/cpom-snapshot.blob'), cutShort, () => expect(viaBin()).toEqual(normal(args)));
        });
    });

    it('takes the normal path when the blob is cut short', () => {
        withChanged(copied('dist/bundle/cpom-snapshot.blob'), cutShort, () => expect(viaBin()).toEqual(normal(args)));
    });

    it('runs the normal path when Node refuses a corrupt blob that the manifest cannot tell', () => {
        const corrupt = (blob: Buffer) => Buffer.from(blob).fill(0x58, 100_000, 100_008);
        withChanged(copied('dist/bundle/cpom-snapshot.blob'), corrupt, () => {
            const result = viaBin();
            const expected = normal(args);
            // V8's own message on a checksum failure is on the standard error before the normal path's output.
            expect({ code: result.code, stdout: result.stdout }).toEqual({ code: expected.code, stdout: expected.stdout });
            expect(result.stderr).toContain('VerifyChecksum');
            expect(result.stderr.endsWith(expected.stderr)).toBe(true);
        });
    });
});
