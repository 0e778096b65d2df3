/** Finding contract files from the paths a user gives: files, folders (recursively) and globs. */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';

export class UsageError extends Error {}

const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**'];

/** Absolute paths of the .cpom files named by `inputs`, sorted; throws UsageError for a path that matches nothing. */
export async function expandPaths(inputs: readonly string[], cwd: string): Promise<string[]> {
    const found = new Set<string>();
    for (const input of inputs) {
        const absolute = path.resolve(cwd, input);
        if (existsSync(absolute)) {
            const stat = statSync(absolute);
            if (stat.isDirectory()) {
                for (const file of await glob('**/*.cpom', { cwd: absolute, absolute: true, ignore: IGNORED_DIRS, dot: false })) {
                    found.add(path.normalize(file));
                }
            } else {
                found.add(absolute);
            }
            continue;
        }
        if (/[*?[\]{}]/.test(input)) {
            const matches = await glob(input, { cwd, absolute: true, ignore: IGNORED_DIRS });
            const contracts = matches.filter(m => m.endsWith('.cpom'));
            if (contracts.length === 0) {
                throw new UsageError(`no .cpom file matches '${input}'`);
            }
            contracts.forEach(m => found.add(path.normalize(m)));
            continue;
        }
        throw new UsageError(`no such file or directory: '${input}'`);
    }
    return [...found].sort();
}
