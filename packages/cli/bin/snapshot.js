// The startup snapshot of `cpom check` (packages/cli/src/snapshot-entry.ts): a V8 heap with the check's modules
// loaded, their functions compiled and its parser built, which only the Node binary that wrote it can read. It is not
// shipped: the first `cpom check` that finds none for this Node binary and this bundle starts a detached process that
// writes it in the user's cache folder (bin/snapshot-build.js), and takes the normal path; later runs start from it,
// in place of this process (process.execve) or in a child process.
// This file loads nothing of the bundle, nor node:crypto or node:child_process (≈ 15 ms CPU) on the way to the
// snapshot, so that the path it replaces (import the bundle, build the parser) costs nothing when it is taken.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** node:child_process, loaded when a child is started. */
const childProcess = () => createRequire(import.meta.url)('node:child_process');

const BUNDLE = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
/** The script the snapshot is made from (scripts/build-snapshot.mjs bundles it with the CLI). */
const SNAPSHOT_SOURCE = `${BUNDLE}snapshot.cjs`;
const BUILDER = fileURLToPath(new URL('./snapshot-build.js', import.meta.url));
/** The builder's argument when a check starts it: the folder it made must still be there (not a removed temporary home). */
export const FROM_CHECK = '--from-check';
/** A build that started longer ago and left its lock died or failed: the next run may try again. */
const RETRY_AFTER_MS = 60 * 60 * 1000;
/** Read by src/snapshot-entry.ts: write one byte on descriptor 3 once started (a child waited for). */
const HANDSHAKE = 'CPOM_SNAPSHOT_HANDSHAKE';
/** Read by src/snapshot-entry.ts: the file to remove once started (this process replaced by the snapshot's). */
const PENDING = 'CPOM_SNAPSHOT_PENDING';
/**
 * V8 flags of the process started from the snapshot (issue 15, measured with bench/cold-cli.js): Maglev compiles a
 * function after 400 calls by default, which a ~300-line check reaches in the lexer and the parser, and finishes
 * compiling when the check is nearly over. Later, a short check does not pay for it; a long one still gets it.
 */
const RUN_FLAGS = ['--invocation-count-for-maglev=5000'];

/** `$XDG_CACHE_HOME/cpom`, else `~/.cache/cpom` (`%LOCALAPPDATA%\cpom` on Windows). */
export function snapshotFolder(env = process.env) {
    const xdg = env.XDG_CACHE_HOME;
    if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'cpom');
    if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'cpom');
    return path.join(homedir(), '.cache', 'cpom');
}

/** The stat of a file that any change to it changes (a write or a replacement sets its change time), and its size. */
function statOf(file) {
    const stat = statSync(file, { bigint: true });
    return { stamp: `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`, size: Number(stat.size) };
}

/**
 * What must be the same when the blob is read as when it was written: the Node binary, the bundle's folder (frozen in
 * the snapshot, install-paths.ts) and the script it was made from, as a file: installed or upgraded, it is a new file
 * (its change time and inode), even when its size and date are the same (npm's tarballs date every file 1985).
 */
export function snapshotIdentity() {
    const exec = statSync(process.execPath);
    return {
        node: process.version,
        platform: process.platform,
        arch: process.arch,
        execPath: process.execPath,
        exec: { size: exec.size, mtime: Math.floor(exec.mtimeMs / 1000) },
        bundle: BUNDLE,
        source: statOf(SNAPSHOT_SOURCE).stamp,
    };
}

/** A short hash of a text (cyrb53): the files' names; the manifest holds the whole identity. */
function nameHash(text) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * The blob, its manifest, the lock of its build and the mark of a start in place, named after the identity: another
 * bundle or Node, other files.
 */
export function snapshotFiles(identity, folder = snapshotFolder()) {
    const name = `check-${nameHash(JSON.stringify(identity))}`;
    const file = extension => path.join(folder, `${name}.${extension}`);
    return { folder, blob: file('blob'), manifest: file('json'), lock: file('lock'), pending: file('pending') };
}

/**
 * The manifest of a whole blob, written last, once the blob has its final name: the identity, the blob's size and its
 * stamp once Node started from it (the build tried it).
 */
const manifestOf = (identity, blobSize, blobStamp) => JSON.stringify({ ...identity, blobSize, blobStamp });

/** The arguments of a Node started from the blob. */
const snapshotArgs = (blob, args) => [...RUN_FLAGS, '--verify-snapshot-checksum', '--snapshot-blob', blob, '--', ...args];

/** The options of `cpom check` that take a value (packages/cli/src/main.ts). */
const CHECK_VALUE_OPTIONS = new Set(['-f', '--format', '--lang', '--max-warnings', '-o', '--output', '-c', '--config', '--stdin-filename', '--droit-au']);

/**
 * What the snapshot serves: `cpom check` of a few files named one by one (or `-`), the batches that the CLI checks on
 * its main thread. Not `--fix` (it loads the language server's services, left out of the snapshot), nor `--jobs`,
 * folders, globs or 100 files and more (worker threads, which a process started from a snapshot cannot run on
 * Node 20). Anything unsure takes the normal path: an option's value taken for a path is no file, so no snapshot.
 */
function servedBySnapshot(args) {
    if (args[0] !== 'check') return false;
    let files = 0;
    for (let i = 1; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--') return false;
        // --jobs in any spelling, also inside a cluster of short options (-qj2).
        if (arg.startsWith('--fix') || arg.startsWith('--jobs') || /^-[^-]*j/.test(arg)) return false;
        if (CHECK_VALUE_OPTIONS.has(arg)) {
            i++;
        } else if (arg === '-' || !arg.startsWith('-')) {
            if (++files >= 100 || (arg !== '-' && !isFile(arg))) return false;
        }
    }
    return true;
}

function isFile(file) {
    try {
        return statSync(file).isFile();
    } catch {
        return false;
    }
}

/**
 * Whether the blob can be used (its manifest names this identity and its size), and whether it is the very file Node
 * started from at the build or since (`proven`: its stamp is the manifest's, so Node will start from it: it can replace
 * this process). `record` writes its present stamp in the manifest, once a child has started from it (a cache folder
 * copied or restored, as CI caches do: new files, the same bytes).
 */
function snapshotState(identity, files) {
    try {
        const { blobStamp, ...manifest } = JSON.parse(readFileSync(files.manifest, 'utf8'));
        const { stamp, size } = statOf(files.blob);
        if (JSON.stringify({ ...manifest, blobStamp }) !== manifestOf(identity, size, blobStamp)) return undefined;
        const record = () => writeManifest(files, manifestOf(identity, size, stamp));
        return { proven: blobStamp === stamp, record };
    } catch {
        return undefined;
    }
}

/** Writes the manifest under a temporary name, then renames it: a reader finds the old one or the new one, whole. */
function writeManifest(files, text) {
    const temporary = `${files.manifest}.${process.pid}.tmp`;
    try {
        writeFileSync(temporary, text);
        renameSync(temporary, files.manifest);
    } finally {
        rmSync(temporary, { force: true });
    }
}

/**
 * Starts the snapshot's build in a detached process that outlives this one, unless one is under way or failed less
 * than an hour ago (its lock). A cache folder that cannot be written (read-only home) leaves the normal path, silently.
 */
function startBuild(files) {
    try {
        mkdirSync(files.folder, { recursive: true });
        try {
            closeSync(openSync(files.lock, 'wx'));
        } catch (error) {
            if (error.code !== 'EEXIST' || Date.now() - statSync(files.lock).mtimeMs < RETRY_AFTER_MS) return;
            const now = new Date();
            utimesSync(files.lock, now, now);
        }
        const child = childProcess().spawn(process.execPath, [BUILDER, FROM_CHECK], { detached: true, stdio: 'ignore', windowsHide: true });
        child.on('error', () => {});
        child.unref();
    } catch {
        // No cache folder: every run takes the normal path.
    }
}

/**
 * Writes the blob and its manifest for this Node binary and this bundle (bin/snapshot-build.js): `node --build-snapshot`
 * into a temporary name, tried (Node must start from it, with the flags of a check and without NODE_OPTIONS), renamed,
 * then the manifest likewise, then the lock removed. Files of earlier snapshots of the same bundle folder and Node
 * binary (a rebuilt or upgraded CLI) are removed. Throws when the build fails (the lock stays: no new attempt for an
 * hour). Started by a check, the folder is not made again: gone, it was meant to be.
 */
export function buildSnapshot({ createFolder = true, folder = snapshotFolder() } = {}) {
    const identity = snapshotIdentity();
    const files = snapshotFiles(identity, folder);
    if (createFolder) mkdirSync(folder, { recursive: true });
    const temporary = suffix => `${suffix}.${process.pid}.tmp`;
    const { execFileSync, spawnSync } = childProcess();
    try {
        execFileSync(process.execPath, ['--snapshot-blob', temporary(files.blob), '--build-snapshot', SNAPSHOT_SOURCE], { stdio: ['ignore', 'ignore', 'pipe'], cwd: folder });
        const tried = spawnSync(process.execPath, snapshotArgs(temporary(files.blob), ['--version']), { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], cwd: folder, env: { ...withoutNodeOptions(process.env), [HANDSHAKE]: '3' } });
        if (tried.output?.[3]?.toString() !== '1') throw new Error(`Node does not start from the snapshot it wrote: ${tried.error ?? tried.stderr}`);
        // The script changed while the snapshot was made (an upgrade under way): not published under the old name.
        if (JSON.stringify(snapshotIdentity()) !== JSON.stringify(identity)) throw new Error('cpom changed during the snapshot build');
        renameSync(temporary(files.blob), files.blob);
        const { stamp, size } = statOf(files.blob);
        writeManifest(files, manifestOf(identity, size, stamp));
    } finally {
        rmSync(temporary(files.blob), { force: true });
    }
    rmSync(files.lock, { force: true });
    rmSync(files.pending, { force: true });
    removeSuperseded(identity, files);
    return files;
}

function withoutNodeOptions(env) {
    const { NODE_OPTIONS: _, ...rest } = env;
    return rest;
}

function removeSuperseded(identity, files) {
    for (const entry of readdirSync(files.folder)) {
        const manifest = path.join(files.folder, entry);
        if (!/^check-[0-9a-f]+\.json$/.test(entry) || manifest === files.manifest) continue;
        try {
            const other = JSON.parse(readFileSync(manifest, 'utf8'));
            if (other.bundle !== identity.bundle || other.execPath !== identity.execPath) continue;
            rmSync(manifest, { force: true });
            rmSync(manifest.replace(/\.json$/, '.blob'), { force: true });
            rmSync(manifest.replace(/\.json$/, '.pending'), { force: true });
        } catch {
            // Another process's file, or not ours to read.
        }
    }
}

/** A CI job (`CI` set, as GitHub Actions, GitLab CI and most others set it): a blob kept by its cache is used, none is built. */
function onCi(env = process.env) {
    return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
}

/**
 * Runs the CLI from the snapshot and ends this process as it ended: its exit code, or the signal that killed it.
 * Resolves `false`, having run nothing, when the snapshot is not to be used (CPOM_NO_SNAPSHOT=1, a command it does not
 * serve, no blob yet for this Node binary and this bundle: its build is then started) or when a child could not start
 * from it.
 * A blob Node has started from (the build tried it) and not written since replaces this process (`replaceProcess`).
 * Otherwise (changed, copied, a start in place that did not report, NODE_OPTIONS, Windows, Node < 22.15), a child
 * process runs it and says on file descriptor 3 that it started, before running anything: a blob that Node refuses
 * leaves the caller to take the normal path (and is built again), so no check is lost to it.
 */
export function runSnapshot(args) {
    if (process.env.CPOM_NO_SNAPSHOT === '1' || !servedBySnapshot(args)) return Promise.resolve(false);
    let files;
    try {
        const identity = snapshotIdentity();
        files = snapshotFiles(identity);
        const state = snapshotState(identity, files);
        if (!state) {
            // A CI job's machine is new each time: a build there costs 1–2 s of CPU beside the job, for nothing.
            if (!onCi()) startBuild(files);
            return Promise.resolve(false);
        }
        if (state.proven) replaceProcess(files, args);
        return runChild(files, args, state.proven ? undefined : state.record);
    } catch {
        return Promise.resolve(false);
    }
}

/** The longest argument execve takes on Linux is 128 KiB, all of them with the environment ~2 MiB: far below. */
const fitsExecve = strings => strings.every(s => s.length < 65_536) && strings.reduce((total, s) => total + s.length + 1, 0) < 1_000_000;

/**
 * Replaces this process by Node started from the blob (process.execve, Node ≥ 22.15, not on Windows): no second
 * process, and its exit code and signals are the user's own. Returns, having done nothing, when it cannot: then a
 * child runs it. A mark (`pending`), made first and removed by the new process once started, tells the next run that
 * a start in place did not report (Node refused the blob after all): that run takes the child's way, which finds out.
 * The mark also sends to the child's way a run that starts while another is starting in place.
 */
function replaceProcess(files, args) {
    if (typeof process.execve !== 'function' || process.platform === 'win32' || process.env.NODE_OPTIONS) return;
    const argv = [process.execPath, ...snapshotArgs(files.blob, args)];
    const env = { ...process.env, [PENDING]: files.pending };
    if (!fitsExecve([...argv, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)])) return;
    try {
        closeSync(openSync(files.pending, 'wx'));
    } catch {
        return;
    }
    try {
        process.execve(process.execPath, argv, env);
    } catch {
        rmSync(files.pending, { force: true });
    }
}

/**
 * Runs the CLI from the snapshot in a child process, standard streams inherited, and waits for it; `false` when the
 * child did not start from it (nothing written on descriptor 3): its manifest is removed, the next run builds it again.
 * Once it started, `record` (a blob not proven yet) writes its stamp: the next run may replace its process.
 */
function runChild(files, args, record) {
    return new Promise(resolve => {
        // A blob damaged after it was written would not always crash V8: its checksum (~10 ms) makes it refuse it.
        // `--` ends Node's options: the CLI's arguments follow, whatever they look like.
        const child = childProcess().spawn(process.execPath, snapshotArgs(files.blob, args), { stdio: ['inherit', 'inherit', 'inherit', 'pipe'], env: { ...process.env, [HANDSHAKE]: '3' } });
        let started = false;
        child.stdio[3].on('data', () => {
            started = true;
            // Node starts from this blob: the next run may start in place (a cache folder that cannot be written: not).
            try {
                record?.();
                rmSync(files.pending, { force: true });
            } catch {
                // The next run takes the child's way again.
            }
        });
        child.stdio[3].on('error', () => {});
        // A signal sent to this process alone (kill, a CI's timeout) goes on to the child, which ends with it; Ctrl-C
        // reaches both (one process group).
        const forward = signal => child.kill(signal);
        const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
        for (const signal of signals) process.on(signal, forward);
        child.on('error', () => resolve(false));
        child.on('close', (code, signal) => {
            for (const s of signals) process.removeListener(s, forward);
            if (!started) {
                try {
                    rmSync(files.manifest, { force: true });
                } catch {
                    // A cache folder that cannot be written: the child's way again next time, and the normal path.
                }
                resolve(false);
            } else if (signal) {
                process.kill(process.pid, signal);
            } else {
                process.exit(code ?? 2);
            }
        });
    });
}
