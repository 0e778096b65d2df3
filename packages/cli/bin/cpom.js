#!/usr/bin/env node
import module from 'node:module';

const args = process.argv.slice(2);
// `cpom check` from the startup snapshot when one matches this Node binary and this bundle (snapshot.js): its parser
// is already built. This process then only waits for the child and ends as it did; otherwise the normal path below.
// snapshot.js is loaded only when it may serve.
const fromSnapshot = args[0] === 'check' && process.env.CPOM_NO_SNAPSHOT !== '1' && await (await import('./snapshot.js')).runSnapshot(args);
if (!fromSnapshot) {
    // V8's compile cache (Node ≥ 22.1; absent on Node 20): the bundle is compiled once per version and read back at
    // each start instead of compiled again. Before the bundle is imported, so that it applies to it.
    module.enableCompileCache?.();
    const { runProcess } = await import('../dist/bundle/main.js');
    runProcess(args);
}
