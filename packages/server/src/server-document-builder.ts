/**
 * The document builder of the language server: requests about a document wait for the builds queued for it.
 *
 * Langium's request handlers wait until the document reaches the state they need (`waitUntil`), but refuse at once
 * in two cases: the document is not known yet (« No document found »: a file just opened, whose first build is
 * queued behind a step of the background indexing or another write), or it is below the state while the builder
 * has already gone past it (a document reset by a write that a newer write cancelled, before the newer one runs).
 * An editor keeps such a refusal: VS Code caches the outline of each text version, so an outline refused once stays
 * empty until the file is edited (the seed's outline, empty for 60 s in the editor suite). And Langium answers at
 * once about a document whose latest change the typing bursts still hold back: from the parse of an older text,
 * with the offsets of that text (a formatting asked right after an edit mangled the file). In those three cases the
 * request first has the held change handed over, then lets every write queued so far run — a read of the workspace
 * lock, and writes go first; each of them begins with an update that builds every document left below Validated —
 * then Langium decides as before.
 *
 * `building` tells the typing bursts whether a build is under way (a change then waits for it, not for a state).
 */
import { CpomDocumentBuilder } from '@cpom/language';
import {
    type AstNode, type BuildOptions, type Cancellation, DocumentState, type LangiumDocument, OperationCancelled, type URI, type WorkspaceLock,
} from 'langium';
import type { CpomServerSharedServices } from './cpom-server-module.js';

export class CpomServerDocumentBuilder extends CpomDocumentBuilder {
    private readonly lock: WorkspaceLock;
    private readonly shared: CpomServerSharedServices;
    private builds = 0;

    constructor(shared: CpomServerSharedServices) {
        super(shared);
        this.shared = shared;
        this.lock = shared.workspace.WorkspaceLock;
    }

    /** True while an update or a build runs (in a write, or in a read of the background indexing). */
    get building(): boolean {
        return this.builds > 0;
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        this.builds++;
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.builds--;
        }
    }

    override async build<T extends AstNode>(documents: Array<LangiumDocument<T>>, options?: BuildOptions, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        this.builds++;
        try {
            await super.build(documents, options, cancelToken);
        } finally {
            this.builds--;
        }
    }

    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        if (!this.refusedNow(state, uri) && !this.parsedFromOlderText(uri)) return super.awaitDocumentState(state, uri, cancelToken);
        const handedOver = this.shared.cpom.TypingBursts.whenHandedOver(uri.toString());
        return cancellable(handedOver, cancelToken).then(() => this.afterQueuedWrites(cancelToken)).then(() => {
            const document = this.langiumDocuments.getDocument(uri);
            if (document && this.refusedNow(state, uri)) {
                // Every queued write has run and none built it: a scheduling defect, said here rather than hidden.
                console.error(`cpom: ${uri.toString()} is ${DocumentState[document.state]} and no build is queued for it (${DocumentState[state]} asked)`);
            }
            return super.awaitDocumentState(state, uri, cancelToken);
        });
    }

    /** Langium would refuse now: the document is unknown, or below `state` while the builder is already past it. */
    private refusedNow(state: DocumentState, uri: URI): boolean {
        const document = this.langiumDocuments.getDocument(uri);
        if (!document) return true;
        return document.state < state && this.currentState >= state;
    }

    /** An open document whose parse is not of the editor's text (a change held back by the typing bursts, or queued). */
    private parsedFromOlderText(uri: URI): boolean {
        const open = this.textDocuments?.get(uri);
        const parsed = this.langiumDocuments.getDocument(uri)?.parseResult.value.$cstNode?.root.fullText;
        return open !== undefined && parsed !== undefined && parsed !== open.getText();
    }

    /** After the writes queued so far (a handed-over change is queued once the workspace is ready: so is this wait). */
    private afterQueuedWrites(cancelToken: Cancellation.CancellationToken): Promise<void> {
        return cancellable(this.workspaceManager().ready.then(() => this.lock.read(() => undefined)), cancelToken);
    }
}

function cancellable(promise: Promise<unknown>, cancelToken: Cancellation.CancellationToken): Promise<void> {
    if (cancelToken.isCancellationRequested) return Promise.reject(OperationCancelled);
    return new Promise<void>((resolve, reject) => {
        const cancelled = cancelToken.onCancellationRequested(() => reject(OperationCancelled));
        void promise.then(() => {
            cancelled.dispose();
            resolve();
        });
    });
}
