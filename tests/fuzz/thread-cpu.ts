/**
 * CPU time of one thread, read from Linux's /proc (Node 20 has no per-thread CPU clock for worker threads). The
 * pool's watchdog uses it so that a step is a hang when the worker's own thread spent more than the limit on it —
 * not when other jobs of a busy machine took the cores: wall time on a loaded machine measures the load, CPU time
 * measures the code. Elsewhere (no /proc) every function returns undefined and the pool falls back to wall time.
 */
import { readFileSync, readlinkSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime: USER_HZ, 100 on every Linux ABI Node runs on. */
const TICKS_PER_SECOND = 100;

/** `/proc/<pid>/task/<tid>/stat` of the calling thread (to be sent to the thread that watches it). */
export function currentThreadStatPath(): string | undefined {
    try {
        // "/proc/thread-self" links to "<pid>/task/<tid>".
        return `/proc/${readlinkSync('/proc/thread-self')}/stat`;
    } catch {
        return undefined;
    }
}

/** User + system CPU time of the thread whose stat file this is, in ms (10 ms resolution); undefined once it is gone. */
export function threadCpuMs(statPath: string | undefined): number | undefined {
    if (!statPath) return undefined;
    try {
        const stat = readFileSync(statPath, 'latin1');
        // The command name (field 2) is in parentheses and may hold spaces: the fields after the last ')' are fixed,
        // starting with field 3 (state); utime and stime are fields 14 and 15.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(fields[11]) + Number(fields[12]);
        return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
    } catch {
        return undefined;
    }
}
