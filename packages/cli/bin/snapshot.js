// The startup snapshot of `cpom check` (packages/cli/src/snapshot-entry.ts): a V8 heap with the check's modules
// loaded and its parser built, which only the Node binary that wrote it can read. This file decides whether the one
// in dist/bundle/ is usable and runs `cpom check` from it in a child process; it loads nothing of the bundle, so that
// the path it replaces (import the bundle, build the parser) costs nothing when it is taken.
// scripts/build-snapshot.mjs writes the blob and its manifest with `snapshotIdentity` below.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUNDLE = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
export const SNAPSHOT_BLOB = `${BUNDLE}cpom-snapshot.blob`;
export const SNAPSHOT_MANIFEST = `${BUNDLE}cpom-snapshot.json`;
/** The bundle the snapshot was made from: a rebuilt bundle makes the snapshot stale. */
const SNAPSHOT_SOURCE = `${BUNDLE}snapshot.cjs`;

/** What must be the same when the blob is read as when it was written: the Node binary, the bundle, the blob itself. */
export function snapshotIdentity() {
    const file = path => {
        const stat = statSync(path);
        // Whole seconds: a copy that keeps the timestamps (cp -p, npm's tarballs) may move the milliseconds.
        return { size: stat.size, mtime: Math.floor(stat.mtimeMs / 1000) };
    };
    return {
        // The CLI's folder is frozen in the snapshot (install-paths.ts): a moved copy takes the normal path.
        bundle: BUNDLE,
        node: process.version,
        platform: process.platform,
        arch: process.arch,
        execPath: process.execPath,
        exec: file(process.execPath),
        source: file(SNAPSHOT_SOURCE),
        blob: file(SNAPSHOT_BLOB),
    };
}

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

function usableSnapshot() {
    try {
        const manifest = readFileSync(SNAPSHOT_MANIFEST, 'utf8');
        return manifest === JSON.stringify(snapshotIdentity());
    } catch {
        return false;
    }
}

/**
 * Runs the CLI from the snapshot in a child process (standard streams inherited) and ends this process as the child
 * ended: its exit code, or the signal that killed it. Resolves `false`, having run nothing, when the snapshot is not
 * to be used (CPOM_NO_SNAPSHOT=1, another command, no blob, a blob of another Node binary or bundle) or when the child
 * could not start from it: the child says so on file descriptor 3 before running anything, so a blob that Node
 * refuses leaves the caller to take the normal path.
 */
export function runSnapshot(args) {
    if (process.env.CPOM_NO_SNAPSHOT === '1' || !servedBySnapshot(args) || !usableSnapshot()) return Promise.resolve(false);
    return new Promise(resolve => {
        // `--` ends Node's options: the CLI's arguments follow, whatever they look like.
        const child = spawn(process.execPath, ['--snapshot-blob', SNAPSHOT_BLOB, '--', ...args], { stdio: ['inherit', 'inherit', 'inherit', 'pipe'] });
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
                resolve(false);
            } else if (signal) {
                process.kill(process.pid, signal);
            } else {
                process.exit(code ?? 2);
            }
        });
    });
}
