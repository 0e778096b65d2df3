/**
 * Coalesces the changes of a typing burst into one rebuild. Langium starts a build on every didChange and cancels
 * the previous one, but a build can only be cancelled between its phases and the parse of a large contract is one
 * phase: typing at 30 ms per key into a 5,000-line contract paid a full parse per key, and the diagnostics came
 * ~1 s after the last one. A change is built at once when the document's previous build is done (no added
 * latency); a change that arrives while the previous one is still being built waits until the document has been
 * quiet for BURST_QUIET_MS, and the build under way finishes (its diagnostics are shown meanwhile).
 */
import type { CpomLspServicesBundle } from '@cpom/language/lsp';
import { DocumentState, URI } from 'langium';

export const BURST_QUIET_MS = 60;

export interface TypingBursts {
    /** Forgets the pending rebuild of a document (a full check is about to rebuild it); true if there was one. */
    cancelPending(uri: string): boolean;
}

export function coalesceTypingBursts({ shared }: CpomLspServicesBundle): TypingBursts {
    const handler = shared.lsp.DocumentUpdateHandler;
    const build = handler.didChangeContent?.bind(handler);
    if (!build) return { cancelPending: () => false };
    const documents = shared.workspace.LangiumDocuments;
    const pending = new Map<string, ReturnType<typeof setTimeout>>();

    handler.didChangeContent = event => {
        const uri = event.document.uri;
        const waiting = pending.get(uri);
        const previous = documents.getDocument(URI.parse(uri));
        // Not known yet (being opened) or fully built: nothing to cancel, build now.
        if (waiting === undefined && (previous === undefined || previous.state >= DocumentState.Validated)) {
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
    return {
        cancelPending(uri: string): boolean {
            clearTimeout(pending.get(uri));
            return pending.delete(uri);
        },
    };
}
