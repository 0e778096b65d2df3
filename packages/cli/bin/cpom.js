#!/usr/bin/env node
import module from 'node:module';
import { runSnapshot } from './snapshot.js';

// `cpom check` from the startup snapshot when one matches this Node binary and this bundle (snapshot.js): its parser
// is already built. This process then only waits for the child and ends as it did; otherwise the normal path below.
if (!await runSnapshot(process.argv.slice(2))) {
    // V8's compile cache (Node ≥ 22.1; absent on Node 20): the bundle is compiled once per version and read back at
    // each start instead of compiled again. Before the bundle is imported, so that it applies to it.
    module.enableCompileCache?.();
    const { runProcess } = await import('../dist/bundle/main.js');
    runProcess(process.argv.slice(2));
}
