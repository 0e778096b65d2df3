/**
 * The LSP client's workspace: every file of the opened folder stays open on the server (imports, avenants and
 * catalogues resolve among them), whether or not the editor shows it. The one editor view is attached to the file
 * it shows; switching files detaches it without closing the file on the server.
 */
import { type LSPClient, LSPPlugin, Workspace, type WorkspaceFile } from '@codemirror/lsp-client';
import type { ChangeSet, Text, TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

class StudioFile implements WorkspaceFile {
    view: EditorView | null = null;
    constructor(readonly uri: string, readonly languageId: string, public version: number, public doc: Text) {}
    getView(): EditorView | null { return this.view; }
}

export class StudioWorkspace extends Workspace {
    files: StudioFile[] = [];
    private versions = new Map<string, number>();

    constructor(client: LSPClient) { super(client); }

    private nextVersion(uri: string): number {
        const next = (this.versions.get(uri) ?? -1) + 1;
        this.versions.set(uri, next);
        return next;
    }

    /** Opens a file on the server without an editor (the other files of a folder). */
    addFile(uri: string, doc: Text): void {
        if (this.getFile(uri)) return;
        const file = new StudioFile(uri, 'cpom', this.nextVersion(uri), doc);
        this.files.push(file);
        this.client.didOpen(file);
    }

    removeFile(uri: string): void {
        if (!this.getFile(uri)) return;
        this.files = this.files.filter(f => f.uri !== uri);
        this.client.didClose(uri);
    }

    syncFiles(): Array<{ file: WorkspaceFile; prevDoc: Text; changes: ChangeSet }> {
        const result = [];
        for (const file of this.files) {
            const plugin = file.view && LSPPlugin.get(file.view);
            if (!plugin) continue;
            const changes = plugin.unsyncedChanges;
            if (!changes.empty) {
                result.push({ changes, file, prevDoc: file.doc });
                file.doc = file.view!.state.doc;
                file.version = this.nextVersion(file.uri);
                plugin.clear();
            }
        }
        return result;
    }

    openFile(uri: string, languageId: string, view: EditorView): void {
        const known = this.getFile(uri) as StudioFile | null;
        if (known) {
            known.view = view;
            return;
        }
        const file = new StudioFile(uri, languageId, this.nextVersion(uri), view.state.doc);
        file.view = view;
        this.files.push(file);
        this.client.didOpen(file);
    }

    /** Where edits to a file the editor does not show go (rename across files); the view gets the others. */
    onBackgroundUpdate: ((uri: string, update: TransactionSpec) => void) | undefined;

    override updateFile(uri: string, update: TransactionSpec): void {
        const file = this.getFile(uri);
        const view = file?.getView();
        if (view) view.dispatch(update);
        else if (file) this.onBackgroundUpdate?.(uri, update);
    }

    closeFile(uri: string, view: EditorView): void {
        const file = this.getFile(uri) as StudioFile | null;
        if (file?.view === view) file.view = null;
    }
}
