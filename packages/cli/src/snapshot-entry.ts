/**
 * The entry of the CLI's startup snapshot (`node --snapshot-blob cpom.blob --build-snapshot snapshot.cjs`, written
 * by scripts/build-snapshot.mjs): the modules of `check` evaluated and one set of services with its parser built
 * (prepareServices), then frozen into the blob. `bin/cpom.js` starts `node --snapshot-blob cpom.blob check …` for
 * `cpom check` when the blob was built by this Node binary for this bundle; the process then begins in the function
 * below, which runs the CLI's own `runProcess`. Outside a snapshot build this file does nothing.
 */
import { closeSync, writeSync } from 'node:fs';
import * as v8 from 'node:v8';
import { withoutWorkerThreads } from './check-workers.js';
import { runProcess } from './main.js';
import { prepareServices } from './workspace.js';

if (v8.startupSnapshot?.isBuildingSnapshot()) {
    prepareServices();
    v8.startupSnapshot.setDeserializeMainFunction(() => {
        // Tells bin/snapshot.js that the snapshot loaded (a blob Node refuses never gets here: the normal path runs).
        try {
            writeSync(3, '1');
            closeSync(3);
        } catch {
            // Started by hand, without that pipe.
        }
        withoutWorkerThreads();
        // A snapshot's process has no script in its arguments: [node, ...the CLI's arguments].
        runProcess(process.argv.slice(1));
    });
}
