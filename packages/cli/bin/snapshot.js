// The startup snapshot of `cpom check` (packages/cli/src/snapshot-entry.ts): a V8 heap with the check's modules
// loaded and its parser built, which only the Node binary that wrote it can read. It is not shipped: the first
// `cpom check` that finds none for this Node binary and this bundle starts a detached process that writes it in the
// user's cache folder (bin/snapshot-build.js), and takes the normal path; later runs start from it in a child process.
// This file loads nothing of the bundle, so that the path it replaces (import the bundle, build the parser) costs
// nothing when it is taken.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUNDLE = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
/** The script the snapshot is made from (scripts/build-snapshot.mjs bundles it with the CLI). */
const SNAPSHOT_SOURCE = `${BUNDLE}snapshot.cjs`;
const BUILDER = fileURLToPath(new URL('./snapshot-build.js', import.meta.url));
/** The builder's argument when a check starts it: the folder it made must still be there (not a removed temporary home). */
export const FROM_CHECK = '--from-check';
/** A build that started longer ago and left its lock died or failed: the next run may try again. */
const RETRY_AFTER_MS = 60 * 60 * 1000;

/** `$XDG_CACHE_HOME/cpom`, else `~/.cache/cpom` (`%LOCALAPPDATA%\cpom` on Windows). */
export function snapshotFolder(env = process.env) {
    const xdg = env.XDG_CACHE_HOME;
    if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'cpom');
    if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'cpom');
    return path.join(homedir(), '.cache', 'cpom');
}

/**
 * What must be the same when the blob is read as when it was written: the Node binary, the bundle's folder (frozen in
 * the snapshot, install-paths.ts) and the content of the script it was made from (an upgrade may keep a file's size
 * and date: npm's tarballs date every file 1985).
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
        source: createHash('sha256').update(readFileSync(SNAPSHOT_SOURCE)).digest('hex'),
    };
}

/** The blob, its manifest and the lock of its build, named after the identity: another bundle or Node, other files. */
export function snapshotFiles(identity, folder = snapshotFolder()) {
    const name = `check-${createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 20)}`;
    const file = extension => path.join(folder, `${name}.${extension}`);
    return { folder, blob: file('blob'), manifest: file('json'), lock: file('lock') };
}

/** The manifest of a whole blob: written last, once the blob has its final name. */
const manifestOf = (identity, blobSize) => JSON.stringify({ ...identity, blobSize });

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

function usableSnapshot(identity, files) {
    try {
        return readFileSync(files.manifest, 'utf8') === manifestOf(identity, statSync(files.blob).size);
    } catch {
        return false;
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
        const child = spawn(process.execPath, [BUILDER, FROM_CHECK], { detached: true, stdio: 'ignore', windowsHide: true });
        child.on('error', () => {});
        child.unref();
    } catch {
        // No cache folder: every run takes the normal path.
    }
}

/**
 * Writes the blob and its manifest for this Node binary and this bundle (bin/snapshot-build.js): `node --build-snapshot`
 * into a temporary name, renamed, then the manifest likewise, then the lock removed. Files of earlier snapshots of the
 * same bundle folder and Node binary (a rebuilt or upgraded CLI) are removed. Throws when the build fails (the lock
 * stays: no new attempt for an hour). Started by a check, the folder is not made again: gone, it was meant to be.
 */
export function buildSnapshot({ createFolder = true, folder = snapshotFolder() } = {}) {
    const identity = snapshotIdentity();
    const files = snapshotFiles(identity, folder);
    if (createFolder) mkdirSync(folder, { recursive: true });
    const temporary = suffix => `${suffix}.${process.pid}.tmp`;
    try {
        execFileSync(process.execPath, ['--snapshot-blob', temporary(files.blob), '--build-snapshot', SNAPSHOT_SOURCE], { stdio: ['ignore', 'ignore', 'pipe'], cwd: folder });
        // The script changed while the snapshot was made (an upgrade under way): not published under the old name.
        if (JSON.stringify(snapshotIdentity()) !== JSON.stringify(identity)) throw new Error('cpom changed during the snapshot build');
        renameSync(temporary(files.blob), files.blob);
        writeFileSync(temporary(files.manifest), manifestOf(identity, statSync(files.blob).size));
        renameSync(temporary(files.manifest), files.manifest);
    } finally {
        rmSync(temporary(files.blob), { force: true });
        rmSync(temporary(files.manifest), { force: true });
    }
    rmSync(files.lock, { force: true });
    removeSuperseded(identity, files);
    return files;
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
 * Runs the CLI from the snapshot in a child process (standard streams inherited) and ends this process as the child
 * ended: its exit code, or the signal that killed it. Resolves `false`, having run nothing, when the snapshot is not
 * to be used (CPOM_NO_SNAPSHOT=1, a command it does not serve, no blob yet for this Node binary and this bundle: its
 * build is then started) or when the child could not start from it: the child says so on file descriptor 3 before
 * running anything, so a blob that Node refuses leaves the caller to take the normal path (and is built again).
 */
export function runSnapshot(args) {
    if (process.env.CPOM_NO_SNAPSHOT === '1' || !servedBySnapshot(args)) return Promise.resolve(false);
    let files;
    try {
        const identity = snapshotIdentity();
        files = snapshotFiles(identity);
        if (!usableSnapshot(identity, files)) {
            // A CI job's machine is new each time: a build there costs 1–2 s of CPU beside the job, for nothing.
            if (!onCi()) startBuild(files);
            return Promise.resolve(false);
        }
    } catch {
        return Promise.resolve(false);
    }
    return new Promise(resolve => {
        // A blob damaged after it was written would not always crash V8: its checksum (~10 ms) makes it refuse it.
        // `--` ends Node's options: the CLI's arguments follow, whatever they look like.
        const child = spawn(process.execPath, ['--verify-snapshot-checksum', '--snapshot-blob', files.blob, '--', ...args], { stdio: ['inherit', 'inherit', 'inherit', 'pipe'] });
        let started = false;
        child.stdio[3].on('data', () => { started = true; });
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
                rmSync(files.manifest, { force: true });
                resolve(false);
            } else if (signal) {
                process.kill(process.pid, signal);
            } else {
                process.exit(code ?? 2);
            }
        });
    });
}
