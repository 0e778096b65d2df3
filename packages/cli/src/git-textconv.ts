/** textconv: git calls `cpom textconv FILE`, FILE being a working tree file or a temporary copy of a blob. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CommandIO } from './check.js';
import { listContracts } from './contract-listing.js';
import { loadFileVersion, toPosix } from './file-diff.js';
import { fileError, isSystemError, reportFailure } from './errors.js';
import { visibleText } from './terminal-text.js';
import { decodeContract } from './workspace.js';
import { git, repositoryRoot, workingTreeVersion } from './git.js';

/** Where a file git gives to textconv lives in the work tree: itself, or the tracked file its temporary copy was named after. */
async function workTreePlace(file: string, cwd: string): Promise<{ root: string; relative: string } | undefined> {
    let root: string;
    try {
        root = await repositoryRoot(cwd);
    } catch {
        return undefined;
    }
    const absolute = path.resolve(cwd, file);
    const relative = path.relative(root, absolute);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) return { root, relative: toPosix(relative) };
    // git copies a blob to <tmp>/git-blob-XXXXXX/<base name> (git ≥ 2.x) or <tmp>/XXXXXX_<base name> (older).
    const name = path.basename(file);
    const tracked = (await git(['ls-files', '-z', '--', '*.cpom'], root)).toString('utf8').split('\0');
    for (const base of [name, /^[A-Za-z0-9]{6}_(.+)$/.exec(name)?.[1]]) {
        const matches = tracked.filter(f => base && path.posix.basename(f) === base);
        if (matches.length === 1) return { root, relative: matches[0] };
        if (matches.length > 1) return undefined;
    }
    return undefined;
}

/**
 * Prints a stable rendering of a contract file for line diffs: one fact of the JSON export per line, identified by
 * names. A file that does not parse, or that declares no contract nor avenant, is printed as it is.
 */
export async function runTextconv(file: string, io: CommandIO): Promise<number> {
    let bytes: Buffer;
    try {
        bytes = readFileSync(path.resolve(io.cwd, file));
    } catch (error) {
        return reportFailure(isSystemError(error) ? fileError('read', file, error) : error, io, io.locale ?? 'fr');
    }
    try {
        const place = await workTreePlace(file, io.cwd);
        const root = place?.root ?? path.dirname(path.resolve(io.cwd, file));
        const relative = place?.relative ?? path.basename(file);
        const version = await loadFileVersion(workingTreeVersion(root, f => f, new Map([[relative, bytes]])), relative);
        const contracts = [...version.contracts, ...version.amended];
        io.stdout(contracts.length > 0 ? listContracts(contracts) : loadedText(bytes));
    } catch {
        // Not a contract we can read: the text itself, so that git still shows a line diff.
        io.stdout(loadedText(bytes));
    }
    return 0;
}

/** The text of a file for a line diff: decoded as contracts are, line breaks as LF, control characters made visible. */
function loadedText(bytes: Buffer): string {
    const text = visibleText(decodeContract(bytes, '').replace(/\r\n?/g, '\n'));
    return text.endsWith('\n') || text.length === 0 ? text : text + '\n';
}
