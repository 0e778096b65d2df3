#!/usr/bin/env node
// Writes the startup snapshot of `cpom check` in the user's cache folder (snapshot.js): started detached by the first
// `cpom check` that finds none, or by hand (`node bin/snapshot-build.js`, which prints where it wrote it).
import { buildSnapshot, FROM_CHECK } from './snapshot.js';

const { blob } = buildSnapshot({ createFolder: process.argv[2] !== FROM_CHECK });
console.log(blob);
