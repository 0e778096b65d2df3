/**
 * Coalesces the changes of a typing burst into one rebuild. Langium starts a build on every didChange and cancels
 * the previous one, but a build can only be cancelled between its phases and the parse of a large contract is one
 * phase: typing at 30 ms per key into a 5,000-line contract paid a full parse per key, and the diagnostics came
 * ~1 s after the last one. An isolated change is still built at once (no added latency); a change that follows
 * another within BURST_WINDOW_MS waits until the document has been quiet for BURST_QUIET_MS.
 */
import type { CpomLspServicesBundle } from '@cpom/language/lsp';

export const BURST_WINDOW_MS = 150;
export const BURST_QUIET_MS = 60;

export interface TypingBursts {
    /** Forgets the pending rebuild of a document (a full check is about to rebuild it); true if there was one. */
    cancelPending(uri: string): boolean;
}

export function coalesceTypingBursts({ shared }: CpomLspServicesBundle): TypingBursts {
    const handler = shared.lsp.DocumentUpdateHandler;
    const original = handler.didChangeContent?.bind(handler);
    if (!original) return { cancelPending: () => false };
    const build = original;
    const lastChange = new Map<string, number>();
    const pending = new Map<string, ReturnType<typeof setTimeout>>();

    handler.didChangeContent = event => {
        const uri = event.document.uri;
        const now = Date.now();
        const previous = lastChange.get(uri);
        lastChange.set(uri, now);
        const waiting = pending.get(uri);
        if (waiting === undefined && (previous === undefined || now - previous > BURST_WINDOW_MS)) {
            build(event);
            return;
        }
        clearTimeout(waiting);
        // The text is read when the build runs: the last change's event stands for the whole burst.
        pending.set(uri, setTimeout(() => {
            pending.delete(uri);
            build(event);
        }, BURST_QUIET_MS));
    };
    const closed = handler.didCloseDocument?.bind(handler);
    handler.didCloseDocument = event => {
        lastChange.delete(event.document.uri);
        closed?.(event);
    };
    return {
        cancelPending(uri: string): boolean {
            clearTimeout(pending.get(uri));
            return pending.delete(uri);
        },
    };
}
