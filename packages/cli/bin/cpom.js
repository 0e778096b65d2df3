#!/usr/bin/env node
import module from 'node:module';

// V8's compile cache (Node ≥ 22.1; absent on Node 20): the bundle is compiled once per version and read back at
// each start instead of compiled again. Before the bundle is imported, so that it applies to it.
module.enableCompileCache?.();
const { main } = await import('../dist/bundle/main.js');

// `cpom rules | head` closes the pipe early: that is not an error.
process.stdout.on('error', error => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
});

main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
});
