/**
 * The entry of the CLI's startup snapshot (`node --snapshot-blob cpom.blob --build-snapshot snapshot.cjs`, written
 * by scripts/build-snapshot.mjs): the modules of `check` evaluated, a few checks run so that their functions are
 * compiled (snapshot-warm-up.ts), and one set of services with its parser built (prepareServices), then frozen into
 * the blob. `bin/cpom.js` starts `node --snapshot-blob cpom.blob check …` for `cpom check` when the blob was built by
 * this Node binary for this bundle; the process then begins in the function below, which runs the CLI's own
 * `runProcess`. Outside a snapshot build this file does nothing.
 */
import { closeSync, rmSync, writeSync } from 'node:fs';
import * as v8 from 'node:v8';
import { withoutWorkerThreads } from './check-workers.js';
import { runProcess } from './main.js';
import { warmUp } from './snapshot-warm-up.js';
import { prepareServices } from './workspace.js';

/** Set by bin/snapshot.js: the descriptor to write one byte on once started (a child it waits for). */
const HANDSHAKE = 'CPOM_SNAPSHOT_HANDSHAKE';
/** Set by bin/snapshot.js: the file to remove once started (a process it replaced by this one, process.execve). */
const PENDING = 'CPOM_SNAPSHOT_PENDING';

if (v8.startupSnapshot?.isBuildingSnapshot()) {
    // The build waits for this promise (it snapshots once the event loop is empty); a warm-up that fails fails it.
    void warmUp().then(prepareServices);
    v8.startupSnapshot.setDeserializeMainFunction(() => {
        // Tells bin/snapshot.js that the snapshot loaded (a blob Node refuses never gets here): then the CLI runs with
        // the environment the normal path would have.
        const handshake = process.env[HANDSHAKE];
        const pending = process.env[PENDING];
        delete process.env[HANDSHAKE];
        delete process.env[PENDING];
        if (handshake === '3') {
            try {
                writeSync(3, '1');
                closeSync(3);
            } catch {
                // No such pipe after all.
            }
        }
        if (pending) {
            try {
                rmSync(pending, { force: true });
            } catch {
                // The next run takes the child's way, which removes it.
            }
        }
        withoutWorkerThreads();
        // A snapshot's process has no script in its arguments: [node, ...the CLI's arguments].
        runProcess(process.argv.slice(1));
    });
}
