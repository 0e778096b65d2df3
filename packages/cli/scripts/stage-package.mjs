// `npm pack` / `npm publish` of the `cpom` package: the CLI bundle inlines every dependency, so the package is
// packages/cli itself with no runtime dependency. What users read beside it lives at the repository root (licence,
// rule pages, JSON export and diff docs, their schemas): `prepack` copies it in, `postpack` (`--clean`) removes the
// copies again so that the repository keeps one version of each. Refuses to pack without a built bundle.
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = path.resolve(cliDir, '../..');

/** Root files → their place in the package (relative paths, the same on both sides). */
const STAGED = ['LICENSE', 'docs/rules', 'docs/json-export.md', 'docs/diff.md', 'docs/editor.md', 'schemas'];
/** Folders created by staging, removed whole by `--clean`. */
const STAGED_ROOTS = ['LICENSE', 'docs', 'schemas'];

for (const entry of STAGED_ROOTS) {
    rmSync(path.join(cliDir, entry), { recursive: true, force: true });
}
if (!process.argv.includes('--clean')) {
    for (const required of ['dist/bundle/main.js', 'dist/bundle/THIRD-PARTY-NOTICES.txt']) {
        if (!existsSync(path.join(cliDir, required))) {
            console.error(`cpom package: ${required} is missing; run \`npm run build\` at the repository root first.`);
            process.exit(1);
        }
    }
    for (const entry of STAGED) {
        cpSync(path.join(rootDir, entry), path.join(cliDir, entry), { recursive: true });
    }
}
