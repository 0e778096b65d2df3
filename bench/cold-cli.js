/**
 * The cold start of `cpom check one.cpom` (~300 lines): CPU time (user + sys, with the children waited for) and wall
 * time of the `cpom` bin with its startup snapshot, without it (CPOM_NO_SNAPSHOT=1), and of a bare `node -e 0`,
 * interleaved; median and min–max of `--runs` (default 21). `node bench/cold-cli.js [--runs N] [--root DIR] [--before BIN]`
 * (`--root`: another checkout's build, measured the same way; `--before`: another `cpom` bin, e.g. main's, as a fourth
 * case); needs bash.
 * The blobs of the snapshot case and of `--before` are built first, in a cache folder of the bench's own. Figures are printed with the load average,
 * never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CPOM_CONFIG, contractOfAboutLines } from './generate.js';

const option = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
};
const ROOT = path.resolve(option('--root', fileURLToPath(new URL('..', import.meta.url))));
const CLI = path.join(ROOT, 'packages/cli/bin/cpom.js');
const RUNS = Number(option('--runs', '21'));
const BEFORE = option('--before', undefined);

const dir = mkdtempSync(path.join(tmpdir(), 'cpom-cold-'));
const cache = path.join(dir, 'cache');

/**
 * CPU seconds (user + sys of the process and the children it waited for: bash's `times`, to the millisecond, where
 * GNU time rounds to 10 ms) and wall seconds of one run.
 */
function measure(argv, env) {
    const started = process.hrtime.bigint();
    const run = spawnSync('bash', ['-c', '"$@" >/dev/null || exit $?; times', 'cpom-cold', process.execPath, ...argv], { cwd: dir, env: { ...process.env, XDG_CACHE_HOME: cache, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`${argv.join(' ')} exited with ${run.status}: ${run.stderr}`);
    // `times`: the shell's user and sys, then its children's, as `0m0.123s 0m0.045s`.
    const seconds = text => text.match(/(\d+)m([\d.]+)s/g).map(t => { const [, m, s] = t.match(/(\d+)m([\d.]+)s/); return Number(m) * 60 + Number(s); });
    const [user, sys] = seconds(run.stdout.toString().trim().split('\n').at(-1));
    return { cpu: user + sys, wall };
}

const sorted = values => [...values].sort((a, b) => a - b);
const median = values => sorted(values)[Math.floor(values.length / 2)];
const ms = seconds => `${Math.round(seconds * 1000)}`;
const spread = values => `${ms(median(values))} ms (${ms(sorted(values)[0])}–${ms(sorted(values).at(-1))})`;

try {
    const small = contractOfAboutLines(300, 1);
    writeFileSync(path.join(dir, 'cpom.config.json'), JSON.stringify(CPOM_CONFIG));
    writeFileSync(path.join(dir, 'one.cpom'), small.text);
    // The blob a first run would build in the background (bin/snapshot.js), built here before the runs, for `--before` too.
    for (const bin of [CLI, ...(BEFORE ? [path.resolve(BEFORE)] : [])]) {
        const built = spawnSync(process.execPath, [path.join(path.dirname(bin), 'snapshot-build.js')], { env: { ...process.env, XDG_CACHE_HOME: cache }, stdio: ['ignore', 'ignore', 'inherit'] });
        if (built.status !== 0) throw new Error(`the startup snapshot of ${bin} could not be built`);
    }
    const cases = {
        snapshot: () => measure([CLI, 'check', 'one.cpom'], { CPOM_NO_SNAPSHOT: '' }),
        normal: () => measure([CLI, 'check', 'one.cpom'], { CPOM_NO_SNAPSHOT: '1' }),
        bare: () => measure(['-e', '0'], {}),
        ...(BEFORE ? { before: () => measure([path.resolve(BEFORE), 'check', 'one.cpom'], {}) } : {}),
    };
    const samples = Object.fromEntries(Object.keys(cases).map(name => [name, []]));
    const loadBefore = loadavg();
    for (let i = 0; i < RUNS; i++) for (const [name, run] of Object.entries(cases)) samples[name].push(run());
    const loadAfter = loadavg();
    const load = values => values.map(v => v.toFixed(2)).join(' ');
    console.log(`cpom check one.cpom (${small.lines} lines), ${ROOT}, ${RUNS} interleaved runs, ${process.version}, load average ${load(loadBefore)} → ${load(loadAfter)}:`);
    const bare = { cpu: median(samples.bare.map(s => s.cpu)), wall: median(samples.bare.map(s => s.wall)) };
    for (const [name, list] of Object.entries(samples)) {
        const cpu = list.map(s => s.cpu);
        const wall = list.map(s => s.wall);
        console.log(`  ${name.padEnd(8)} CPU ${spread(cpu)} = ${(median(cpu) / bare.cpu).toFixed(1)}× bare; wall ${spread(wall)} = ${(median(wall) / bare.wall).toFixed(1)}× bare`);
    }
} finally {
    rmSync(dir, { recursive: true, force: true });
}
