/**
 * What the server does with the editor's document events: changes go through the typing bursts, opens and saves
 * also ask for every rule (full checks). Langium announces the `save` capability (so that clients send didSave at
 * all) only when the handler has `didSaveDocument`.
 */
import type { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import { CpomWorkspaceManager } from './background-indexing.js';
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

    /** As Langium's, with the imports of the changed documents loaded first while the workspace is being indexed. */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        const manager = this.workspaceManager;
        manager.ready.then(() => this.workspaceLock.write(async token => {
            // The update must run whatever happens to the imports: every write is relied on to build what the write
            // it cancelled left half-built (server-document-builder.ts).
            if (manager instanceof CpomWorkspaceManager) await manager.loadImportsOf(changed).catch(error => console.error('cpom: loading the imports failed:', error));
            await this.documentBuilder.update(changed, deleted, token);
        })).catch(error => console.error('cpom: document update failed:', error));
    }

    didOpenDocument(event: ChangeEvent): void {
        this.fullChecks.request(event.document.uri);
    }

    didSaveDocument(event: ChangeEvent): void {
        this.fullChecks.request(event.document.uri);
    }
}
