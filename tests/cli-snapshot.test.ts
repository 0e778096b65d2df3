/**
 * The startup snapshot of `cpom check` (packages/cli/bin/snapshot.js, src/snapshot-entry.ts): built lazily in the
 * user's cache folder, the same bytes on the standard output and error and the same exit code as the normal path, and
 * a snapshot that does not match or does not load leaves the normal path to run; a blob Node started from at its build
 * replaces the bin's process (process.execve). Needs `npm run build`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const CLI_DIR = path.join(ROOT, 'packages/cli');
const BIN = path.join(CLI_DIR, 'bin/cpom.js');
const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
const INVALID = readFileSync(path.join(ROOT, 'tests/fixtures/rules/CPOM041/triggers.cpom'), 'utf8');

interface Run { code: number | null; stdout: string; stderr: string }

let dir: string;
/** XDG_CACHE_HOME of the runs below: the blobs go to `${cache}/cpom`. */
let cache: string;

function run(argv: string[], env: Record<string, string>, stdin?: string): Run {
    const result = spawnSync(process.execPath, argv, { cwd: dir, input: stdin ?? '', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', XDG_CACHE_HOME: cache, CI: '', ...env }, timeout: 120_000 });
    return { code: result.status, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
}

/**
 * The normal path's answer, what every other path must match: run once per command line and input (its files do not
 * change), not again for each case that compares with it.
 */
const normalRuns = new Map<string, Run>();
function normal(args: string[], stdin?: string): Run {
    const key = JSON.stringify([args, stdin]);
    if (!normalRuns.has(key)) normalRuns.set(key, run([BIN, ...args], { CPOM_NO_SNAPSHOT: '1' }, stdin));
    return normalRuns.get(key)!;
}

/** Builds the blob for `bin` (the repository's or a copy's) in `cache`, as the detached build does; its path. */
function build(bin = BIN, xdg = cache): string {
    const result = spawnSync(process.execPath, [path.join(path.dirname(bin), 'snapshot-build.js')], { env: { ...process.env, XDG_CACHE_HOME: xdg }, timeout: 120_000 });
    expect(result.status, result.stderr.toString()).toBe(0);
    return result.stdout.toString().trim();
}

const cached = (xdg: string, extension: string) => {
    const folder = path.join(xdg, 'cpom');
    return existsSync(folder) ? readdirSync(folder).filter(f => f.endsWith(`.${extension}`)).map(f => path.join(folder, f)) : [];
};

let blob: string;

/** The command line of a running process (Linux). */
const cmdline = (pid: number) => {
    try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
        return [];
    }
};

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpom-snapshot-'));
    cache = path.join(dir, 'cache');
    writeFileSync(path.join(dir, 'valid.cpom'), BASE);
    writeFileSync(path.join(dir, 'invalid.cpom'), INVALID);
    writeFileSync(path.join(dir, 'syntax.cpom'), 'contrat X "x" {\n    etablissement {\n');
    blob = build();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cpom check from the startup snapshot', () => {
    it('is written in the cache folder with its manifest', () => {
        expect(cached(cache, 'blob')).toEqual([blob]);
        expect(cached(cache, 'json')).toEqual([blob.replace(/\.blob$/, '.json')]);
        expect(cached(cache, 'lock')).toEqual([]);
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
            expect(run(['--snapshot-blob', blob, '--', ...args], {}, stdin)).toEqual(expected);
            expect(expected.code).not.toBeNull();
        });
    }
});


describe('the snapshot in the cache folder', () => {
    let copy: string;
    let xdg: string;
    const copied = (...parts: string[]) => path.join(copy, 'packages/cli', ...parts);
    const args = ['check', 'invalid.cpom'];
    const viaCopy = (env: Record<string, string> = {}) => run([copied('bin/cpom.js'), ...args], { CPOM_NO_SNAPSHOT: '', XDG_CACHE_HOME: xdg, ...env });

    beforeAll(() => {
        // A copy of the package: its own bundle folder, so its own snapshot, whose files the cases below change.
        copy = mkdtempSync(path.join(tmpdir(), 'cpom-snapshot-copy-'));
        for (const part of ['package.json', 'bin', 'dist/bundle']) cpSync(path.join(CLI_DIR, part), copied(part), { recursive: true });
        xdg = path.join(copy, 'cache');
        mkdirSync(path.join(xdg, 'cpom'), { recursive: true });
    });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    /** Resolves once `done()` holds, checked at each change in the cache folder. */
    function until(done: () => boolean): Promise<void> {
        return new Promise(resolve => {
            const watcher = watch(path.join(xdg, 'cpom'), () => {
                if (done()) {
                    watcher.close();
                    resolve();
                }
            });
            if (done()) {
                watcher.close();
                resolve();
            }
        });
    }

    /** Runs `fn` without the copy's bundle: only the snapshot can answer then. */
    function withoutBundle(fn: () => void): void {
        const main = copied('dist/bundle/main.js');
        const saved = readFileSync(main);
        rmSync(main);
        try {
            fn();
        } finally {
            writeFileSync(main, saved);
        }
    }

    it('is built in the background by a first check, which takes the normal path; the next check starts from it', async () => {
        const built = until(() => cached(xdg, 'json').length === 1 && cached(xdg, 'lock').length === 0);
        expect(viaCopy()).toEqual(normal(args));
        await built;
        expect(cached(xdg, 'blob')).toHaveLength(1);
        withoutBundle(() => {
            expect(viaCopy()).toEqual(normal(args));
            // CPOM_NO_SNAPSHOT=1 takes the normal path, which needs the bundle.
            expect(viaCopy({ CPOM_NO_SNAPSHOT: '1' }).stderr).toContain('ERR_MODULE_NOT_FOUND');
        });
    }, 120_000);

    it('is neither used nor built with CPOM_NO_SNAPSHOT=1', () => {
        const other = path.join(copy, 'other-cache');
        expect(run([BIN, ...args], { CPOM_NO_SNAPSHOT: '1', XDG_CACHE_HOME: other })).toEqual(normal(args));
        expect(existsSync(other)).toBe(false);
    });

    it('is not built on a CI machine (CI=true), which is new at each job', () => {
        const other = path.join(copy, 'ci-cache');
        expect(run([BIN, ...args], { CPOM_NO_SNAPSHOT: '', XDG_CACHE_HOME: other, CI: 'true' })).toEqual(normal(args));
        expect(existsSync(other)).toBe(false);
    });

    it('leaves the normal path silently when the cache folder cannot be written', () => {
        const notAFolder = path.join(copy, 'a-file');
        writeFileSync(notAFolder, '');
        expect(run([BIN, ...args], { CPOM_NO_SNAPSHOT: '', XDG_CACHE_HOME: notAFolder })).toEqual(normal(args));
    });

    it('is never used for a changed bundle: that bundle gets its own, which replaces it', async () => {
        const [before] = cached(xdg, 'json');
        const script = copied('dist/bundle/snapshot.cjs');
        // Its size and date would not tell: the name and the manifest follow the content.
        writeFileSync(script, `${readFileSync(script, 'utf8')}\n// changed\n`);
        const rebuilt = until(() => cached(xdg, 'json').length === 1 && cached(xdg, 'json')[0] !== before && cached(xdg, 'lock').length === 0);
        withoutBundle(() => expect(viaCopy().stderr).toContain('ERR_MODULE_NOT_FOUND'));
        await rebuilt;
        withoutBundle(() => expect(viaCopy()).toEqual(normal(args)));
    }, 120_000);

    /** Runs `fn` with the copy's manifest or blob changed, a build announced as under way (its lock) so that none starts. */
    function withChanged(file: string, change: (saved: Buffer) => Buffer, fn: () => void): void {
        const saved = readFileSync(file);
        const lock = file.replace(/\.(blob|json)$/, '.lock');
        writeFileSync(file, change(saved));
        writeFileSync(lock, '');
        try {
            fn();
        } finally {
            writeFileSync(file, saved);
            rmSync(lock, { force: true });
        }
    }
    const blobOf = () => cached(xdg, 'blob')[0]!;
    // Were the snapshot used with it, this blob would crash Node.
    const cutShort = (bytes: Buffer) => bytes.subarray(0, 1000);

    it('is not used when its manifest names another Node binary', () => {
        const otherNode = (manifest: Buffer) => Buffer.from(manifest.toString().replace(`"node":"${process.version}"`, '"node":"v0.0.0"'));
        withChanged(cached(xdg, 'json')[0]!, otherNode, () => {
            withChanged(blobOf(), cutShort, () => expect(viaCopy()).toEqual(normal(args)));
        });
    });

    it('is not used when the blob is cut short', () => {
        withChanged(blobOf(), cutShort, () => expect(viaCopy()).toEqual(normal(args)));
    });

    it('leaves the normal path to run when Node refuses a corrupt blob that the manifest cannot tell, and is built again', () => {
        const corrupt = (bytes: Buffer) => Buffer.from(bytes).fill(0x58, 100_000, 100_008);
        const manifest = cached(xdg, 'json')[0]!;
        const saved = readFileSync(manifest);
        withChanged(blobOf(), corrupt, () => {
            const result = viaCopy();
            const expected = normal(args);
            // V8's own message on a checksum failure is on the standard error before the normal path's output.
            expect({ code: result.code, stdout: result.stdout }).toEqual({ code: expected.code, stdout: expected.stdout });
            expect(result.stderr).toContain('VerifyChecksum');
            expect(result.stderr.endsWith(expected.stderr)).toBe(true);
            // The next check builds it again (the lock above keeps that from starting here).
            expect(existsSync(manifest)).toBe(false);
        });
        writeFileSync(manifest, saved);
    });
    /** The stamp bin/snapshot.js gives the blob once Node has started from it: any write changes it. */
    const stampOf = (file: string) => {
        const stat = statSync(file, { bigint: true });
        return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
    };
    const pendingOf = () => blobOf().replace(/\.blob$/, '.pending');
    /** The blob's bytes are the built ones again (the cases above wrote them back): its stamp in the manifest, as after its build. */
    const restamp = () => {
        const manifest = cached(xdg, 'json')[0]!;
        writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), blobStamp: stampOf(blobOf()) }));
    };

    it.runIf(process.platform === 'linux' && typeof (process as { execve?: unknown }).execve === 'function')('replaces the bin\'s process by Node started from the blob (process.execve)', async () => {
        restamp();
        const stdinArgs = ['check', '-'];
        const expected = normal(stdinArgs, INVALID);
        const child = spawn(process.execPath, [copied('bin/cpom.js'), ...stdinArgs], { cwd: dir, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: '', CPOM_NO_SNAPSHOT: '', XDG_CACHE_HOME: xdg } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += chunk; });
        child.stderr.on('data', chunk => { stderr += chunk; });
        const ended = new Promise<number | null>(resolve => child.on('close', resolve));
        const started = until(() => !existsSync(pendingOf()) && cmdline(child.pid!).includes('--snapshot-blob'));
        // Waiting for its standard input, the process the bin started as is Node started from the blob, its mark removed.
        await started;
        child.stdin.end(INVALID);
        expect({ code: await ended, stdout, stderr }).toEqual(expected);
    }, 60_000);

    it('starts a child from a blob written again with the same bytes (a cache restored), which records its stamp for the next run', () => {
        const manifest = cached(xdg, 'json')[0]!;
        const stampInManifest = () => (JSON.parse(readFileSync(manifest, 'utf8')) as { blobStamp: string }).blobStamp;
        writeFileSync(blobOf(), readFileSync(blobOf()));
        expect(stampInManifest()).not.toBe(stampOf(blobOf()));
        expect(viaCopy()).toEqual(normal(args));
        expect(stampInManifest()).toBe(stampOf(blobOf()));
    });

    it('sends the run after a start in place that did not report (its mark left) to a child, which removes the mark', () => {
        restamp();
        writeFileSync(pendingOf(), '');
        expect(viaCopy()).toEqual(normal(args));
        expect(existsSync(pendingOf())).toBe(false);
    });

    it('loses one check to a blob Node refuses though unchanged since its build, not the next: a child finds out', () => {
        // A blob changed in place without its stamp changing (a disk's fault): the manifest tells nothing.
        const manifest = cached(xdg, 'json')[0]!;
        const saved = readFileSync(manifest);
        const corrupt = (bytes: Buffer) => Buffer.from(bytes).fill(0x58, 100_000, 100_008);
        withChanged(blobOf(), corrupt, () => {
            writeFileSync(manifest, JSON.stringify({ ...JSON.parse(saved.toString()), blobStamp: stampOf(blobOf()) }));
            const expected = normal(args);
            // In place, V8 refuses it with no process left to take the normal path: the mark stays.
            const lost = viaCopy();
            expect(lost.stderr).toContain('VerifyChecksum');
            expect(lost.stdout).toBe('');
            expect(existsSync(pendingOf())).toBe(true);
            // The next run starts a child, which does not report: the normal path answers, the blob is built again.
            const next = viaCopy();
            expect({ code: next.code, stdout: next.stdout }).toEqual({ code: expected.code, stdout: expected.stdout });
            expect(next.stderr.endsWith(expected.stderr)).toBe(true);
            expect(existsSync(manifest)).toBe(false);
        });
        writeFileSync(manifest, saved);
        rmSync(pendingOf(), { force: true });
    });
});
