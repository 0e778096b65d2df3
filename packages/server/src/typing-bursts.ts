/**
 * Coalesces the changes of a typing burst into one rebuild. Langium starts a build on every didChange and cancels
 * the previous one, but a build can only be cancelled between its phases and the parse of a large contract is one
 * phase: typing at 30 ms per key into a 5,000-line contract paid a full parse per key, and the diagnostics came
 * ~1 s after the last one. A change is built at once when the document's previous build is done (no added
 * latency); a change that arrives while the previous one is still being built waits until that build is over and
 * the document has been quiet for BURST_QUIET_MS. The build under way is never cancelled for a text that is
 * already stale: cancelled at every key, on a busy machine it never finished while keys came slower than the
 * quiet time, and hovers (which wait for the document to be built) waited for the whole burst (33 s seen).
 * Now the document is built again and again during a long burst, each time with its latest text. A document below
 * Validated with no build under way (loaded for another file's import and not built yet, or left by a cancelled
 * build) is built at once: waiting for a state that nothing is bringing it to held the change back for 5 s.
 */
import { type DocumentBuilder, DocumentState, type LangiumDocuments, type LangiumSharedCoreServices, URI } from 'langium';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const BURST_QUIET_MS = 60;
/** Longest wait for the build under way (a safety bound: a build that ends, cancelled or not, ends the wait). */
export const BUILD_WAIT_MS = 5_000;

export type ChangeEvent = TextDocumentChangeEvent<TextDocument>;

interface PendingChange {
    timer: ReturnType<typeof setTimeout>;
    readonly since: number;
    /** The last change's event stands for the whole burst (the text is read when the build runs). */
    event: ChangeEvent;
    readonly build: (event: ChangeEvent) => void;
    /** A request waits for this text: handed over as soon as the build under way ends, without the quiet time. */
    urgent: boolean;
    readonly handedOver: Array<() => void>;
}

export class TypingBursts {
    private readonly documents: LangiumDocuments;
    private readonly builder: () => DocumentBuilder & { readonly building?: boolean };
    private readonly pending = new Map<string, PendingChange>();

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.builder = () => shared.workspace.DocumentBuilder;
    }

    /** Hands the change to `build` now, or once the document's build under way is over and the keys have paused. */
    change(event: ChangeEvent, build: (event: ChangeEvent) => void): void {
        const uri = event.document.uri;
        const waiting = this.pending.get(uri);
        if (waiting === undefined && this.built(uri)) {
            build(event);
            return;
        }
        if (waiting) {
            waiting.event = event;
            if (waiting.urgent) return; // already handed over when the build under way ends
            clearTimeout(waiting.timer);
        }
        const entry = waiting ?? { timer: undefined as unknown as ReturnType<typeof setTimeout>, since: Date.now(), event, build, urgent: false, handedOver: [] };
        entry.timer = setTimeout(() => this.whenQuiet(uri), BURST_QUIET_MS);
        this.pending.set(uri, entry);
    }

    /** Hands the pending change of a document over now (a save or an open asks for every rule on the latest text). */
    handOver(uri: string): void {
        const entry = this.pending.get(uri);
        if (!entry) return;
        clearTimeout(entry.timer);
        this.pending.delete(uri);
        entry.build(entry.event);
        for (const resolve of entry.handedOver) resolve();
    }

    /**
     * Resolves once the document's pending change, if any, is handed to its build (at once when there is none): a
     * request about the document waits for it rather than reading the parse of an older text. The change no longer
     * waits for the keys to pause, only for the build under way.
     */
    whenHandedOver(uri: string): Promise<void> {
        const entry = this.pending.get(uri);
        if (!entry) return Promise.resolve();
        entry.urgent = true;
        return new Promise(resolve => entry.handedOver.push(resolve));
    }

    private whenQuiet(uri: string): void {
        const entry = this.pending.get(uri);
        if (!entry) return;
        if (!this.built(uri) && Date.now() - entry.since < BUILD_WAIT_MS) {
            entry.timer = setTimeout(() => this.whenQuiet(uri), BURST_QUIET_MS);
            return;
        }
        this.handOver(uri);
    }

    /** Not known yet (being opened), fully built, or not being built at all (nothing to wait for). */
    private built(uri: string): boolean {
        const state = this.documents.getDocument(URI.parse(uri))?.state ?? DocumentState.Validated;
        // A builder that does not say whether it is building (a test's) is taken as building.
        return state >= DocumentState.Validated || this.builder()?.building === false;
    }
}
