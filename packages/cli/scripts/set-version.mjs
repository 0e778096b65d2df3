// `npm run version:set -- <version>`: one version for the release, given once. It goes to every workspace (the
// `cpom` package, the VS Code extension, the internal @cpom packages and their ranges on each other), to their
// entries in package-lock.json (edited here: `npm install` would need the registry) and to the generator's version
// written in the JSON export. Nothing is committed or tagged.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const version = process.argv[2];
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version ?? '')) {
    console.error('usage: npm run version:set -- <major.minor.patch[-prerelease]>');
    process.exit(2);
}

/** A workspace's version, and its ranges on the other workspaces. */
function setVersion(manifest) {
    manifest.version = version;
    for (const field of ['dependencies', 'devDependencies']) {
        for (const dependency of Object.keys(manifest[field] ?? {})) {
            if (dependency.startsWith('@cpom/')) manifest[field][dependency] = version;
        }
    }
}

const lockFile = path.join(rootDir, 'package-lock.json');
const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
for (const workspace of JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')).workspaces) {
    const file = path.join(rootDir, workspace, 'package.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    setVersion(manifest);
    writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
    setVersion(lock.packages[workspace]);
}
writeFileSync(lockFile, JSON.stringify(lock, null, 2) + '\n');

const versionFile = path.join(rootDir, 'packages/generator/src/version.ts');
writeFileSync(versionFile, readFileSync(versionFile, 'utf8').replace(/GENERATOR_VERSION = '[^']*'/, `GENERATOR_VERSION = '${version}'`));
console.log(`version ${version}: packages/*/package.json, packages/generator/src/version.ts, package-lock.json`);
