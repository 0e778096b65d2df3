// `npm run fuzz`: bundles the campaign (TypeScript over the packages' sources) and runs it with plain node.
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleFuzzEntries } from './bundle.mjs';

process.env.CPOM_FUZZ_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = await bundleFuzzEntries(['main.ts']);
try {
    await import(pathToFileURL(path.join(dir, 'main.js')).href);
} finally {
    rmSync(dir, { recursive: true, force: true });
}
