/**
 * What the server does with the editor's document events: changes go through the typing bursts, opens and saves
 * also ask for every rule (full checks). Langium announces the `save` capability (so that clients send didSave at
 * all) only when the handler has `didSaveDocument`.
 */
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { CpomServerSharedServices } from './cpom-server-module.js';
import type { FullChecks } from './full-checks.js';
import type { ChangeEvent, TypingBursts } from './typing-bursts.js';

export class CpomDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly bursts: TypingBursts;
    private readonly fullChecks: FullChecks;

    constructor(shared: CpomServerSharedServices) {
        super(shared);
        this.bursts = shared.cpom.TypingBursts;
        this.fullChecks = shared.cpom.FullChecks;
    }

    override didChangeContent(event: ChangeEvent): void {
        this.bursts.change(event, last => super.didChangeContent(last));
    }

    didOpenDocument(event: ChangeEvent): void {
        this.fullChecks.request(event.document.uri);
    }

    didSaveDocument(event: ChangeEvent): void {
        this.fullChecks.request(event.document.uri);
    }
}
