// Semantic diff of two versions of one contract (the ~5,000-line synthetic one in run.js): some targets
// and amounts changed, the rest identical.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const now = () => performance.now();

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/** The new version: every seventh line of targets gets its last target raised, every amount line its first amount. */
export function changedVersion(text) {
    return text.split('\n').map((line, i) => {
        if (/^\s*cibles /.test(line) && i % 7 === 0) {
            return line.replace(/(\d+)(\s*%?)\s*$/, (_m, n, unit) => `${Number(n) + 1}${unit}`);
        }
        if (/^\s*montants /.test(line)) {
            return line.replace(/: ([\d ]+) €/, (_m, amount) => `: ${Number(amount.replace(/ /g, '')) + 1000} €`);
        }
        return line;
    }).join('\n');
}

/**
 * @param {string} root
 * @param {string} text
 * @param {{runs?: number, runProcess?: (command: string, argv: string[], options: {cwd: string, timeoutMs: number}) => Promise<any>, cli?: string}} [options]
 */
export async function measureDiff(root, text, { runs = 5, runProcess, cli } = {}) {
    const { exportVersion } = await import(pathToFileURL(path.join(root, 'packages/cli/dist/diff-command.js')).href);
    const { createServices } = await import(pathToFileURL(path.join(root, 'packages/cli/dist/workspace.js')).href);
    // As `cpom diff` does: one set of services (one parser) for both versions.
    const services = createServices();
    const { diffContracts } = await import(pathToFileURL(path.join(root, 'packages/diff/dist/index.js')).href);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpom-bench-diff-'));
    try {
        const oldFile = path.join(dir, 'old.cpom');
        const newFile = path.join(dir, 'new.cpom');
        writeFileSync(oldFile, text);
        writeFileSync(newFile, changedVersion(text));
        const endToEnd = [];
        const diffOnly = [];
        let changes = 0;
        for (let i = 0; i < runs + 1; i++) {
            const t0 = now();
            const [before] = await exportVersion(oldFile, undefined, oldFile, services);
            const [after] = await exportVersion(newFile, undefined, newFile, services);
            const t1 = now();
            const diff = diffContracts(before, after);
            const t2 = now();
            changes = diff.changes.length;
            if (i > 0) { // the first run warms up
                endToEnd.push(t2 - t0);
                diffOnly.push(t2 - t1);
            }
        }
        const result = { changes, endToEndMs: median(endToEnd), diffMs: median(diffOnly) };
        if (runProcess && cli) {
            const run = await runProcess(process.execPath, [cli, 'diff', oldFile, newFile, '--format', 'json', '-o', path.join(dir, 'diff.json')], { cwd: dir, timeoutMs: 60_000 });
            result.cliSeconds = run.seconds;
        }
        return result;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
