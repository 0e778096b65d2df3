// What the three esbuild scripts (packages/cli, packages/extension, packages/studio) share: the resolution of our
// own packages to their TypeScript sources, and the third-party notices of the npm packages a bundle contains.
// Build time only: nothing here is bundled.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * An esbuild plugin: `@cpom/<package>[/<subpath>]` → packages/<package>/src/<subpath>.ts or src/<subpath>/index.ts
 * (src/index.ts without subpath), so that a bundle never depends on a stale `dist`. `sideEffects: false` lets
 * esbuild leave out what a bundle does not use (our packages have no import-time side effects).
 */
export function workspaceSources(packagesDir, { sideEffects } = {}) {
    return {
        name: 'cpom-workspace-sources',
        setup(context) {
            context.onResolve({ filter: /^@cpom\/[^/]+(\/.*)?$/ }, args => {
                const [, name, subpath = ''] = /^@cpom\/([^/]+)(?:\/(.*))?$/.exec(args.path);
                const src = path.join(packagesDir, name, 'src');
                const candidates = subpath
                    ? [path.join(src, `${subpath}.ts`), path.join(src, subpath, 'index.ts')]
                    : [path.join(src, 'index.ts')];
                const found = candidates.find(candidate => existsSync(candidate));
                if (!found) return { errors: [{ text: `${args.path}: none of ${candidates.map(c => path.relative(packagesDir, c)).join(', ')} exists` }] };
                return sideEffects === undefined ? { path: found } : { path: found, sideEffects };
            });
        },
    };
}

/** The esbuild options of the extension's and the studio's bundles: self-contained, minified unless `dev`, ES2022. */
export function bundleDefaults(dev) {
    return {
        bundle: true,
        minify: !dev,
        sourcemap: 'linked',
        sourcesContent: false,
        target: 'es2022',
        charset: 'utf8',
        legalComments: 'none',
        logLevel: 'warning',
        metafile: true,
    };
}

/** The folder of the npm package a bundled file comes from (the innermost node_modules/<name>); none for cpom's own. */
export function packageDirOf(file) {
    const parts = file.split(path.sep);
    const index = parts.lastIndexOf('node_modules');
    if (index < 0) return undefined;
    const length = parts[index + 1]?.startsWith('@') ? 3 : 2;
    const dir = parts.slice(0, index + length).join(path.sep);
    // The workspace packages (node_modules/@cpom/* are links to packages/*) are cpom itself.
    return path.basename(path.dirname(dir)) === '@cpom' ? undefined : dir;
}

/**
 * THIRD-PARTY-NOTICES.txt: the heading lines, then name, version, licence and licence text of every package,
 * sorted by title. `packages` maps a package folder to the bundles it is in (named after the licence), or is a
 * plain list of folders.
 */
export function thirdPartyNotices(heading, packages) {
    const byDir = packages instanceof Map ? packages : new Map([...packages].map(dir => [dir, undefined]));
    const entries = [...byDir].map(([dir, bundles]) => {
        const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
        const licenseFile = readdirSync(dir).find(name => /^(licen[sc]e|copying)(\.(md|txt))?$/i.test(name));
        const license = typeof manifest.license === 'string' ? manifest.license : manifest.license?.type ?? 'see the package';
        return {
            title: `${manifest.name} ${manifest.version} — ${license}${bundles ? ` (in: ${[...bundles].join(', ')})` : ''}`,
            text: licenseFile ? readFileSync(path.join(dir, licenseFile), 'utf8').trim() : `No licence file in the package; licence: ${license}.`,
        };
    }).sort((a, b) => a.title.localeCompare(b.title));
    return [
        ...heading,
        '',
        ...entries.map(e => `${'='.repeat(100)}\n${e.title}\n${'='.repeat(100)}\n\n${e.text}\n`),
    ].join('\n');
}
