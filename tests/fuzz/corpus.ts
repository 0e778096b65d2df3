/**
 * The fuzz corpus: every bundled contract (seeds, examples) and every test fixture (a rule fixture as the contract it
 * stands for: tests/fixture-patch.ts), in a stable order (an input is
 * replayed by its index into this list). A file of an example folder or of the LSP fixtures is loaded with the
 * other files of its folder, so that imports, catalogues and avenants link across files as they do for a user.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { applyPatch, parseMarkers } from '../fixture-patch.js';

export interface CorpusFile {
    /** Path relative to the repository root, with forward slashes. */
    readonly name: string;
    readonly text: string;
    /** Files loaded beside it (relative names), when its folder is one workspace. */
    readonly siblings: readonly string[];
}

/** Folders whose files form one workspace (they import each other); other fixtures stand alone. */
const WORKSPACE_FOLDERS = [/^examples\/[^/]+$/, /^tests\/fixtures\/lsp$/];
const ROOTS = ['seeds', 'examples', 'tests/fixtures'];

function cpomFilesUnder(root: string, dir: string): string[] {
    const result: string[] = [];
    for (const entry of readdirSync(path.join(root, dir)).sort()) {
        const relative = `${dir}/${entry}`;
        if (statSync(path.join(root, relative)).isDirectory()) result.push(...cpomFilesUnder(root, relative));
        else if (entry.endsWith('.cpom') || (entry.endsWith('.patch') && relative.startsWith('tests/fixtures/rules/'))) result.push(relative);
    }
    return result;
}

export function loadCorpus(root: string): CorpusFile[] {
    const names = ROOTS.flatMap(dir => cpomFilesUnder(root, dir));
    return names.map(name => {
        const folder = path.posix.dirname(name);
        const grouped = WORKSPACE_FOLDERS.some(pattern => pattern.test(folder));
        return {
            // A patch stands for a contract: named as one (the stages choose the language by the extension).
            name: name.replace(/\.patch$/, '.cpom'),
            text: fixtureText(root, name),
            siblings: grouped ? names.filter(other => other !== name && path.posix.dirname(other) === folder) : [],
        };
    });
}

/** A file's text; a rule fixture as the contract it stands for (its patch applied, its `»…«` markers removed). */
function fixtureText(root: string, name: string): string {
    const raw = readFileSync(path.join(root, name), 'utf8');
    if (!name.startsWith('tests/fixtures/rules/') || name.includes('/lib/')) return raw;
    const marked = name.endsWith('.patch') ? applyPatch(readFileSync(path.join(root, 'tests/fixtures/clean/base.cpom'), 'utf8'), raw, name) : raw;
    return parseMarkers(marked, name).text;
}
