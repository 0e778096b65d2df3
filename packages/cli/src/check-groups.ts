/**
 * Which files of a batch must be checked together. A file's diagnostics depend only on the files connected to it by
 * `importe` (both ways: an avenant reads the contract it imports, the contract reads its avenants, two avenants of
 * one contract read each other through it; names resolve through imports only). Files in different groups can be
 * checked in different workspaces — one after the other, or on different threads — with the same diagnostics as in
 * one workspace.
 *
 * Imports are found by a scan of the text that may find too many (an `importe "…"` in a comment or a text): that
 * only makes a group larger, never changes a diagnostic. Files the batch does not name but that are imported are
 * followed too (two avenants in the batch of a contract outside it belong together).
 */
import * as path from 'node:path';

/** `importe "x"` or `import 'x'`, as the grammar writes them (an escaped quote or backslash inside is unescaped). */
const IMPORT = /\bimporte?\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')/g;

/** The absolute paths a file's text imports (found by a scan: see above). */
export function importedPaths(text: string, file: string): string[] {
    if (!text.includes('import')) return [];
    const found: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
        const written = (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1');
        if (written) found.push(path.resolve(path.dirname(file), written));
    }
    return found;
}

/**
 * `files` split into groups, each in the order of `files`; groups in the order of their first file.
 * `read` gives a file's text (undefined when it does not exist).
 */
export function groupByImports(files: readonly string[], read: (file: string) => string | undefined): string[][] {
    const parent = new Map<string, string>();
    const find = (x: string): string => {
        let root = x;
        while (parent.get(root) !== root) root = parent.get(root)!;
        for (let node = x; node !== root;) {
            const next = parent.get(node)!;
            parent.set(node, root);
            node = next;
        }
        return root;
    };
    const queue: string[] = [];
    const add = (file: string) => {
        if (!parent.has(file)) {
            parent.set(file, file);
            queue.push(file);
        }
    };
    files.forEach(add);
    for (let i = 0; i < queue.length; i++) {
        const next = queue[i];
        const text = read(next);
        if (text === undefined) continue;
        for (const imported of importedPaths(text, next)) {
            if (!imported.endsWith('.cpom') && !parent.has(imported)) continue;
            add(imported);
            const a = find(next);
            const b = find(imported);
            if (a !== b) parent.set(a, b);
        }
    }
    const groups = new Map<string, string[]>();
    for (const file of files) {
        const root = find(file);
        const group = groups.get(root);
        if (group) group.push(file);
        else groups.set(root, [file]);
    }
    return [...groups.values()];
}

/**
 * Consecutive groups packed into chunks of at least `size` files (a group is never split). With `threads`, the chunks
 * shrink towards the end (each at most 1/(2 × threads) of the files left, at least MIN_TAIL_CHUNK), so that the
 * threads finish together: with equal chunks of 50 files (~1 s each), one thread was left working alone for up to a
 * chunk at the end of a batch (issue 15).
 */
export function chunksOf(groups: readonly string[][], size: number, threads = 0): string[][] {
    let left = groups.reduce((sum, group) => sum + group.length, 0);
    const target = () => (threads > 0 ? Math.min(size, Math.max(MIN_TAIL_CHUNK, Math.ceil(left / (2 * threads)))) : size);
    const chunks: string[][] = [];
    let current: string[] = [];
    let wanted = target();
    for (const group of groups) {
        current.push(...group);
        if (current.length >= wanted) {
            chunks.push(current);
            left -= current.length;
            current = [];
            wanted = target();
        }
    }
    if (current.length > 0) chunks.push(current);
    return chunks;
}

/** The smallest chunk at the end of a batch on threads: a build's fixed costs stay small next to its files'. */
const MIN_TAIL_CHUNK = 5;
