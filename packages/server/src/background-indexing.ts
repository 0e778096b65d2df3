/**
 * Open documents first. Langium's workspace manager parses every file of the folder, then builds them all, and only
 * then does the editor's first document get its diagnostics (17 s for 1,000 contracts). Here the folder is only
 * listed at start-up; the workspace is "ready" at once, so an opened document is built (with what it imports,
 * loaded for it) as soon as it arrives; the rest of the folder is indexed in the background, a few files at a time,
 * each step a read of the workspace lock (edits and requests go first, no edit is cancelled by the indexing) and
 * announced as `$/progress` ("Indexation des contrats 120/1 000"). A reference to a file not yet indexed resolves
 * when the file arrives: its update relinks the documents with unresolved references and rebuilds the file's family
 * (CpomDocumentBuilder).
 */
import { type CpomSettings, importedUris } from '@cpom/language';
import { Deferred, DefaultWorkspaceManager, type LangiumDocument, type LangiumDocuments, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { WorkspaceFolder } from 'vscode-languageserver';

/** Files per background step: a step holds edits back for about this many files' build. */
export const INDEXING_STEP = 10;

export class CpomWorkspaceManager extends DefaultWorkspaceManager {
    private readonly shared: LangiumSharedServices;
    private readonly indexedDeferred = new Deferred<void>();
    private indexing = true;
    /** Set by the server once the language services exist: the language of the progress messages. */
    settings?: CpomSettings;

    constructor(shared: LangiumSharedServices) {
        super(shared);
        this.shared = shared;
    }

    /** Resolved when every file of the workspace folders has been built (requests about the whole workspace wait). */
    get indexed(): Promise<void> {
        return this.indexedDeferred.promise;
    }

    override initialized(): Promise<void> {
        void this.indexInBackground(this.folders ?? []).then(() => this.indexedDeferred.resolve(), error => {
            console.error('cpom: indexing the workspace failed:', error);
            this.indexedDeferred.resolve();
        }).finally(() => { this.indexing = false; });
        return Promise.resolve();
    }

    /**
     * Loads, for documents about to be built, the files they import (transitively) that the background indexing has
     * not reached yet, so that an opened document is not judged without them. Nothing to do once indexed.
     */
    async loadImportsOf(uris: readonly URI[]): Promise<void> {
        if (!this.indexing) return;
        const documents = this.langiumDocuments;
        const factory = this.shared.workspace.LangiumDocumentFactory;
        const queue: LangiumDocument[] = [];
        for (const uri of uris) {
            const open = this.shared.workspace.TextDocuments.get(uri.toString());
            // The opened text, parsed apart only to read its imports (the update parses it again as it builds it).
            if (open) queue.push(factory.fromString(open.getText(), uri));
        }
        for (let document = queue.shift(); document; document = queue.shift()) {
            for (const imported of importedUris(document)) {
                if (!imported.path.endsWith('.cpom') || documents.hasDocument(imported)) continue;
                const loaded = await loadIfExists(documents, imported);
                if (loaded) queue.push(loaded);
            }
        }
    }

    private async indexInBackground(folders: WorkspaceFolder[]): Promise<void> {
        const found: URI[] = [];
        await Promise.all(folders.map(folder => this.traverseFolder(this.getRootFolder(folder), found)));
        const seen = new Set<string>();
        const uris = found.filter(uri => !seen.has(uri.toString()) && seen.add(uri.toString()));
        this._ready.resolve();
        const progress = uris.length > 0 ? await this.shared.lsp.Connection?.window.createWorkDoneProgress().catch(() => undefined) : undefined;
        const total = uris.length;
        const message = (done: number) => (this.settings?.locale === 'en'
            ? `Indexing contracts ${done.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')}`
            : `Indexation des contrats ${frenchCount(done)}/${frenchCount(total)}`);
        progress?.begin('cpom', 0, message(0), false);
        for (let start = 0; start < total; start += INDEXING_STEP) {
            const step = uris.slice(start, start + INDEXING_STEP).filter(uri => !this.langiumDocuments.hasDocument(uri));
            if (step.length > 0) {
                // A read: it waits for the edits queued before it, and an edit queued meanwhile waits for it.
                await this.mutex.read(() => this.documentBuilder.update(step, []));
            }
            const done = Math.min(total, start + INDEXING_STEP);
            progress?.report(Math.round((done / total) * 100), message(done));
            await new Promise(resolve => setTimeout(resolve, 0));
        }
        progress?.done();
    }
}

async function loadIfExists(documents: LangiumDocuments, uri: URI): Promise<LangiumDocument | undefined> {
    try {
        return await documents.getOrCreateDocument(uri);
    } catch {
        return undefined; // a missing import: CPOM004 says so
    }
}

/** 1 000: French groups thousands with a narrow no-break space. */
function frenchCount(n: number): string {
    return n.toLocaleString('fr-FR');
}

/** Resolved once every file of the workspace folders is built: for requests about the whole workspace. */
export function workspaceIndexed(shared: Pick<LangiumSharedServices, 'workspace'>): Promise<void> {
    const manager = shared.workspace.WorkspaceManager;
    return manager instanceof CpomWorkspaceManager ? manager.indexed : manager.ready;
}
