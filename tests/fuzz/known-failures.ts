/**
 * The saved findings that still fail on this branch (`tests/fuzz/known-failures.json`: fixture name → why, and
 * which branch fixes it). Their replay is skipped with that reason, and the short campaign of `npm test` tolerates
 * their signatures; once the fixes are merged the list is emptied, and every finding must then pass.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type Finding, readFinding } from './fixture-file.js';

export interface SavedFinding extends Finding {
    readonly file: string;
    /** Why it is expected to fail, when it is listed. */
    readonly knownFailure?: string;
}

export function savedFindings(root: string): SavedFinding[] {
    const dir = path.join(root, 'tests/fuzz/found');
    const known = JSON.parse(readFileSync(path.join(root, 'tests/fuzz/known-failures.json'), 'utf8')) as Record<string, string>;
    const files = (existsSync(dir) ? readdirSync(dir) : []).filter(name => name.endsWith('.cpom')).sort();
    for (const name of Object.keys(known)) {
        if (!files.includes(name)) throw new Error(`tests/fuzz/known-failures.json lists ${name}, which is not in tests/fuzz/found/`);
    }
    return files.map(file => ({ ...readFinding(readFileSync(path.join(dir, file), 'utf8')), file, knownFailure: known[file] }));
}
