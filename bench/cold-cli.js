/**
 * The cold start of `cpom check one.cpom` (~300 lines), the CPU time (user + sys, with its children) that users pay:
 * the `cpom` bin with its startup snapshot, without it (CPOM_NO_SNAPSHOT=1), and bare `node -e 0`, alternated,
 * medians of `--runs` (default 9). `node bench/cold-cli.js [--runs N]`; needs GNU time (/usr/bin/time).
 * Figures are printed with the load average, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CPOM_CONFIG, contractOfAboutLines } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'packages/cli/bin/cpom.js');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 9;

/** CPU seconds (user + sys of the process and the children it waited for) and wall seconds of one run. */
function measure(argv, env) {
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S %e', process.execPath, ...argv], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    if (run.status !== 0) throw new Error(`${argv.join(' ')} exited with ${run.status}: ${run.stderr}`);
    const out = run.stderr.toString();
    const [user, sys, wall] = out.trim().split('\n').at(-1).split(' ').map(Number);
    return { cpu: user + sys, wall };
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(path.join(tmpdir(), 'cpom-cold-'));
try {
    const small = contractOfAboutLines(300, 1);
    writeFileSync(path.join(dir, 'cpom.config.json'), JSON.stringify(CPOM_CONFIG));
    writeFileSync(path.join(dir, 'one.cpom'), small.text);
    const cases = {
        snapshot: () => measure([CLI, 'check', 'one.cpom'], { CPOM_NO_SNAPSHOT: '' }),
        normal: () => measure([CLI, 'check', 'one.cpom'], { CPOM_NO_SNAPSHOT: '1' }),
        bare: () => measure(['-e', '0'], {}),
    };
    const samples = { snapshot: [], normal: [], bare: [] };
    const loadBefore = loadavg()[0];
    for (let i = 0; i < RUNS; i++) for (const [name, run] of Object.entries(cases)) samples[name].push(run());
    const loadAfter = loadavg()[0];
    console.log(`cpom check one.cpom (${small.lines} lines), medians of ${RUNS}, load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${process.version}:`);
    for (const [name, list] of Object.entries(samples)) {
        const cpu = median(list.map(s => s.cpu));
        console.log(`  ${name.padEnd(8)} CPU ${cpu.toFixed(2)} s (${(cpu / median(samples.bare.map(s => s.cpu))).toFixed(1)}× bare node), wall ${median(list.map(s => s.wall)).toFixed(2)} s; CPU samples ${list.map(s => s.cpu.toFixed(2)).join(' ')}`);
    }
} finally {
    rmSync(dir, { recursive: true, force: true });
}
