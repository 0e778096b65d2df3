/**
 * A tiny test runner for the in-editor suite (no mocha): named tests run one after the other, each bounded by a
 * timeout; a thrown error fails the test. One line per test is printed with console.log — `✓ name (123 ms)` or
 * `✗ name: message` — which VS Code forwards to the harness (codeAutomationLog). `runAll` rejects when a test failed,
 * so that the workbench reports exit code 1 through codeAutomationExit.
 */

export interface TestCase {
    readonly name: string;
    readonly fn: () => Promise<void>;
    readonly timeoutMs: number;
    /** When it fails, the tests after it are not run (they would only time out): activation, for example. */
    readonly critical: boolean;
}

export interface TestResult {
    readonly name: string;
    readonly ok: boolean;
    readonly ms: number;
    readonly message?: string;
}

const tests: TestCase[] = [];

export function test(name: string, fn: () => Promise<void>, options: { timeoutMs?: number; critical?: boolean } = {}): void {
    tests.push({ name, fn, timeoutMs: options.timeoutMs ?? 30_000, critical: options.critical ?? false });
}

export class AssertionError extends Error {}

export function assert(condition: unknown, message: string): asserts condition {
    if (!condition) throw new AssertionError(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a !== e) throw new AssertionError(`${what}: expected ${e}, got ${a}`);
}

export function sleep(ms: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns something other than undefined (or throws past the deadline). */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined) return value;
        } catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) {
            const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
            throw new AssertionError(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
        }
        await sleep(everyMs);
    }
}

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`test '${name}' timed out after ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
    if (error instanceof Error) return error.message.replace(/\s+/g, ' ');
    return String(error);
}

/** Runs the tests (those whose name matches `only`, and the critical ones, when it is given). */
export async function runAll(only?: RegExp, prefix = ''): Promise<TestResult[]> {
    const results: TestResult[] = [];
    let abortedBy: string | undefined;
    for (const t of tests) {
        if (only && !t.critical && !only.test(t.name)) continue;
        if (abortedBy) {
            results.push({ name: t.name, ok: false, ms: 0, message: `not run: '${abortedBy}' failed` });
            console.log(`${prefix}✗ ${t.name}: not run ('${abortedBy}' failed)`);
            continue;
        }
        const start = Date.now();
        try {
            await withTimeout(t.fn(), t.timeoutMs, t.name);
            const ms = Date.now() - start;
            results.push({ name: t.name, ok: true, ms });
            console.log(`${prefix}✓ ${t.name} (${ms} ms)`);
        } catch (error) {
            const ms = Date.now() - start;
            results.push({ name: t.name, ok: false, ms, message: messageOf(error) });
            console.log(`${prefix}✗ ${t.name}: ${messageOf(error)}`);
            if (t.critical) abortedBy = t.name;
        }
    }
    const failed = results.filter(r => !r.ok).length;
    console.log(`${prefix}editor suite: ${results.length - failed} of ${results.length} tests passed`);
    if (failed > 0) throw new Error(`${failed} of ${results.length} editor tests failed`);
    return results;
}
