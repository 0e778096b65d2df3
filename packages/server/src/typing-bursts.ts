/**
 * Coalesces the changes of a typing burst into one rebuild. Langium starts a build on every didChange and cancels
 * the previous one, but a build can only be cancelled between its phases and the parse of a large contract is one
 * phase: typing at 30 ms per key into a 5,000-line contract paid a full parse per key, and the diagnostics came
 * ~1 s after the last one. A change is built at once when the document's previous build is done (no added
 * latency); a change that arrives while the previous one is still being built waits until that build is over and
 * the document has been quiet for BURST_QUIET_MS. The build under way is never cancelled for a text that is
 * already stale: cancelled at every key, on a busy machine it never finished while keys came slower than the
 * quiet time, and hovers (which wait for the document to be built) waited for the whole burst (33 s seen).
 * Now the document is built again and again during a long burst, each time with its latest text.
 */
import { DocumentState, type LangiumDocuments, type LangiumSharedCoreServices, URI } from 'langium';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const BURST_QUIET_MS = 60;
/** Longest wait for the build under way (should a newer write have cancelled it, nothing would end the wait). */
export const BUILD_WAIT_MS = 5_000;

export type ChangeEvent = TextDocumentChangeEvent<TextDocument>;

export class TypingBursts {
    private readonly documents: LangiumDocuments;
    private readonly pending = new Map<string, { timer: ReturnType<typeof setTimeout>; since: number }>();

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
    }

    /** Hands the change to `build` now, or once the document's build under way is over and the keys have paused. */
    change(event: ChangeEvent, build: (event: ChangeEvent) => void): void {
        const uri = event.document.uri;
        const waiting = this.pending.get(uri);
        if (waiting === undefined && this.built(uri)) {
            build(event);
            return;
        }
        clearTimeout(waiting?.timer);
        const since = waiting?.since ?? Date.now();
        // The text is read when the build runs: the last change's event stands for the whole burst.
        const whenQuiet = () => {
            if (!this.built(uri) && Date.now() - since < BUILD_WAIT_MS) {
                this.pending.set(uri, { timer: setTimeout(whenQuiet, BURST_QUIET_MS), since });
                return;
            }
            this.pending.delete(uri);
            build(event);
        };
        this.pending.set(uri, { timer: setTimeout(whenQuiet, BURST_QUIET_MS), since });
    }

    /** Forgets the pending rebuild of a document (a full check is about to rebuild it); true if there was one. */
    cancelPending(uri: string): boolean {
        clearTimeout(this.pending.get(uri)?.timer);
        return this.pending.delete(uri);
    }

    /** Not known yet (being opened) or fully built. */
    private built(uri: string): boolean {
        return (this.documents.getDocument(URI.parse(uri))?.state ?? DocumentState.Validated) >= DocumentState.Validated;
    }
}
