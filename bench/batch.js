// Batches through the CLI: N contracts of ~300 lines in one `cpom check DIR --format json -o FILE` process, for
// several N, with the process's CPU time and peak memory (read by a probe loaded with --import, see USAGE_PROBE).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CPOM_CONFIG, countLines, generateContract } from './generate.js';

/** Writes the process's resource usage (all its threads) to stderr when it exits. */
export const USAGE_PROBE = 'data:text/javascript,' + encodeURIComponent(
    'process.once("exit", () => { const u = process.resourceUsage(); '
    + 'process.stderr.write("CPOM_BENCH_USAGE " + JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKB: u.maxRSS }) + "\\n"); });');

/** The usage line a probed process wrote to stderr. */
export function usageOf(stderr) {
    const match = /CPOM_BENCH_USAGE (\{.*\})/.exec(stderr);
    return match ? JSON.parse(match[1]) : undefined;
}

/** Writes `count` generated contracts of `establishments` each (seeds 1001…) with the bench config into `dir`. */
export function writeBatch(dir, count, establishments) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'cpom.config.json'), JSON.stringify(CPOM_CONFIG));
    let lines = 0;
    for (let i = 1; i <= count; i++) {
        const text = generateContract({ establishments, seed: 1000 + i });
        lines += countLines(text);
        writeFileSync(path.join(dir, `contrat-${String(i).padStart(4, '0')}.cpom`), text);
    }
    return lines;
}

/**
 * Checks each batch size in its own folder, one CLI process per size (`extraArgs`: e.g. `--jobs 1`).
 * @param {{tmp: string, cli: string, root: string, sizes: number[], establishments: number, runProcess: Function, timeoutMs: number, extraArgs?: string[], check: (label: string, run: any, report: string, files: number) => void, progress?: (message: string) => void}} options
 */
export async function measureBatches({ tmp, cli, root, sizes, establishments, runProcess, timeoutMs, extraArgs = [], check, progress = () => {} }) {
    const results = [];
    for (const files of sizes) {
        const dir = path.join(tmp, `batch-${files}`);
        const totalLines = writeBatch(dir, files, establishments);
        progress(`batch: ${files} contracts of ~${Math.round(totalLines / files)} lines, one CLI process${extraArgs.length ? ` (${extraArgs.join(' ')})` : ''}`);
        const report = path.join(tmp, `batch-${files}.json`);
        const run = await runProcess(process.execPath, ['--import', USAGE_PROBE, cli, 'check', dir, '--format', 'json', '-o', report, ...extraArgs], { cwd: root, timeoutMs });
        check(`batch of ${files}`, run, report, files);
        const usage = usageOf(run.stderr);
        const cpuMs = usage ? usage.userMs + usage.systemMs : undefined;
        results.push({
            files, totalLines, linesPerFile: Math.round(totalLines / files), seconds: run.seconds, filesPerSecond: files / run.seconds,
            cpuSeconds: cpuMs === undefined ? undefined : cpuMs / 1000,
            cpuMsPerFile: cpuMs === undefined ? undefined : cpuMs / files,
            peakRssMB: usage ? usage.maxRssKB / 1024 : undefined,
            reportBytes: readFileSync(report).byteLength,
        });
    }
    return results;
}
