/**
 * The signature of a failure: its kind, stage, error and the first frame in the project's code, without numbers,
 * quoted text or line numbers, so that one defect reached by many inputs counts once (and a saved fixture can be
 * recognised after the code around it moved).
 */
import type { Outcome } from './pool.js';

type Failure = Exclude<Outcome, { kind: 'ok' }>;

export function normaliseMessage(message: string): string {
    return message.split('\n')[0]
        .replace(/"[^"]*"|'[^']*'|«[^»]*»|`[^`]*`/g, '…')
        .replace(/[\uD800-\uDFFF]/g, '?')
        .replace(/\d+/g, 'N')
        .slice(0, 120);
}

/** `name (packages/x/src/file.ts)` of the first stack frame in the project's packages, if any. */
export function projectFrame(stack: string): string {
    for (const line of stack.split('\n').slice(1)) {
        const m = /at (?:async )?(?:(\S+) )?\(?(?:.*\/)?(packages\/[^:)]+)/.exec(line);
        // The bundler renames clashing functions `cell` → `cell2`: the name without that suffix.
        if (m) return `${(m[1] ?? '<anonymous>').replace(/(?<=[A-Za-z_])\d+$/, '')} (${m[2]})`;
    }
    return '';
}

export function signatureOf(failure: Failure): string {
    if (failure.kind === 'hang') return `hang in ${failure.stage}`;
    const frame = projectFrame(failure.stack);
    return `crash in ${failure.stage}: ${failure.name}: ${normaliseMessage(failure.message)}${frame ? ` at ${frame}` : ''}`;
}
