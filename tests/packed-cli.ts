/**
 * The `cpom` npm package as a user gets it: packed by `npm run pack:cli` (from the built bundle: `npm run build`
 * first), then installed with npm into an empty folder outside the repository, offline (the package has no
 * dependency, so no registry is needed), with no NODE_PATH and none of the npm variables of the calling `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers.js';

export interface PackedCli {
    /** A temporary folder outside the repository holding everything below. */
    readonly dir: string;
    readonly tarball: string;
    /** Paths inside the tarball, without the leading `package/`. */
    readonly files: readonly string[];
    /** The folder the package was installed into (`<app>/node_modules/cpom` is the package). */
    readonly app: string;
    /** Its `node_modules/.bin`, to put first on a PATH. */
    readonly binDir: string;
    /** Environment for running the installed cpom: no NODE_PATH, no npm_* variables, node on the PATH. */
    readonly env: NodeJS.ProcessEnv;
    remove(): void;
}

/** The environment of the tests minus what would let the package see the repository. */
export function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (!/^(npm_|node_path$|node_options$|init_cwd$|vitest)/i.test(key)) env[key] = value;
    }
    return { ...env, ...extra };
}

export function packAndInstall(): PackedCli {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpom-package-'));
    try {
        const env = isolatedEnv({ npm_config_cache: path.join(dir, 'npm-cache'), npm_config_update_notifier: 'false' });
        const printed = execFileSync(process.execPath, [path.join(ROOT, 'packages/cli/scripts/pack.mjs'), '--out', path.join(dir, 'pack')], { encoding: 'utf8', env });
        const tarball = printed.trim().split('\n').at(-1)!;
        const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map(f => f.replace(/^package\//, ''));
        const app = path.join(dir, 'app');
        mkdirSync(app);
        execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, env, stdio: ['ignore', 'ignore', 'pipe'] });
        const binDir = path.join(app, 'node_modules', '.bin');
        return {
            dir, tarball, files, app, binDir,
            env: isolatedEnv({ PATH: [binDir, path.dirname(process.execPath), process.env.PATH].join(path.delimiter) }),
            remove: () => rmSync(dir, { recursive: true, force: true }),
        };
    } catch (error) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
    }
}
