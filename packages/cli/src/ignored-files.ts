/**
 * The `ignore` globs of cpom.config.json: files `cpom check` leaves out. Globs are relative to the folder of the
 * config file that applies to the file (the nearest one, or `--config`), and match the file or one of its folders
 * (`archives` and `archives/**` both leave out everything under archives/). A file left out is still loaded when a
 * checked file imports it. A file named on the command line is left out too, with a note, as ESLint does: hooks and
 * `xargs` name every changed file, and `ignore` must hold for them.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ConfigFiles } from '@cpom/language/node';
import type { Bilingual } from './errors.js';

export interface IgnoreResult {
    readonly kept: string[];
    /** One note per file named on the command line and left out. */
    readonly notes: Bilingual[];
}

/** `files` less those an `ignore` glob matches; `named` are the absolute paths given as files on the command line. */
export function leaveOutIgnored(files: readonly string[], named: ReadonlySet<string>, configs: ConfigFiles, cwd: string): IgnoreResult {
    const matchers = new Map<readonly string[], (file: string) => string | undefined>();
    const kept: string[] = [];
    const notes: Bilingual[] = [];
    for (const file of files) {
        const { config, dir } = configs.locate(file);
        if (dir === undefined || config.ignore.length === 0) {
            kept.push(file);
            continue;
        }
        let matcher = matchers.get(config.ignore);
        if (!matcher) {
            matcher = matcherOf(config.ignore);
            matchers.set(config.ignore, matcher);
        }
        const pattern = matcher(path.relative(dir, file).split(path.sep).join('/'));
        if (pattern === undefined) {
            kept.push(file);
        } else if (named.has(file)) {
            const shown = path.relative(cwd, file).split(path.sep).join('/');
            const config = path.relative(cwd, path.join(dir, 'cpom.config.json')).split(path.sep).join('/');
            notes.push({
                fr: `« ${shown} » n'est pas vérifié : il correspond à « ${pattern} » dans la liste ignore de ${config}.`,
                en: `'${shown}' is not checked: it matches '${pattern}' in the ignore list of ${config}.`,
            });
        }
    }
    return { kept, notes };
}

/** The first glob matching a path relative to the config's folder, or one of its folders. */
function matcherOf(globs: readonly string[]): (relative: string) => string | undefined {
    const tests = globs.map(glob => ({ glob, test: picomatch(trimSlashes(glob), { dot: true }) }));
    return relative => {
        if (relative.startsWith('../')) return undefined;
        const parts = relative.split('/');
        for (let end = parts.length; end > 0; end--) {
            const candidate = parts.slice(0, end).join('/');
            const hit = tests.find(t => t.test(candidate));
            if (hit) return hit.glob;
        }
        return undefined;
    };
}

/** `archives/` names the folder `archives`. */
function trimSlashes(glob: string): string {
    let end = glob.length;
    while (end > 1 && glob[end - 1] === '/') end--;
    return glob.slice(0, end);
}
