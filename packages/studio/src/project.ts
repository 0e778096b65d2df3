/**
 * The open files and the one editor view: which file is shown, each file's editor state (its own undo history),
 * what was last saved and read from disk, and the unsaved work kept in the browser.
 */
import type { LSPClient } from '@codemirror/lsp-client';
import { EditorState, Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { DiagnosticStore } from './diagnostics.js';
import { clearDraft, storeDraft } from './drafts.js';
import { editorExtensions } from './editor.js';
import type { LoadedFile } from './file-access.js';
import type { StudioWorkspace } from './studio-workspace.js';

export interface OpenFile {
    readonly path: string;
    readonly uri: string;
    state: EditorState;
    /** The text last saved or read from disk: the file is modified when the editor's text differs. */
    savedText: string;
    /** The text when the file was opened: the default "previous version" of Comparer. */
    readonly openedText: string;
    handle?: FileSystemFileHandle;
    lastModified?: number;
}

/** The URI of a path of the opened folder, as the server sees it (imports resolve relative to it). */
export function uriOf(path: string): string {
    return `file:///espace/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Whether a line of the text opens a contract (`contrat NAME`); line by line, linear on any text. */
function declaresContract(doc: Text): boolean {
    for (const line of doc.iterLines()) {
        const start = line.trimStart();
        if (start.startsWith('contrat ') || start.startsWith('contrat\t')) return true;
    }
    return false;
}

export class Project {
    files: OpenFile[] = [];
    current: OpenFile | undefined;
    private listeners: Array<() => void> = [];
    private draftTimer = -1;

    constructor(readonly view: EditorView, readonly client: LSPClient, readonly store: DiagnosticStore) {}

    private get workspace(): StudioWorkspace { return this.client.workspace as StudioWorkspace; }

    /** Called when files, the shown file or a file's modified state change. */
    onChange(listener: () => void): void { this.listeners.push(listener); }
    private changed(): void { for (const listener of this.listeners) listener(); }

    isModified(file: OpenFile): boolean {
        return this.text(file) !== file.savedText;
    }

    text(file: OpenFile): string {
        return (file === this.current ? this.view.state.doc : file.state.doc).toString();
    }

    hasUnsaved(): boolean { return this.files.some(f => this.isModified(f)); }

    /** Replaces the open files by these (the caller has confirmed losing unsaved changes). */
    open(loaded: ReadonlyArray<LoadedFile & { savedText?: string }>, show?: string): void {
        this.client.sync();
        this.view.setState(EditorState.create({ doc: '' }));
        for (const file of this.files) this.workspace.removeFile(file.uri);
        this.files = loaded.map(f => {
            const uri = uriOf(f.path);
            const file: OpenFile = {
                path: f.path, uri, savedText: f.savedText ?? f.text, openedText: f.savedText ?? f.text, handle: f.handle, lastModified: f.lastModified,
                state: undefined as unknown as EditorState,
            };
            file.state = EditorState.create({ doc: f.text, extensions: editorExtensions(this.client, uri, () => this.edited()) });
            return file;
        });
        // Every file is open on the server first, so that imports resolve when the shown one is checked.
        for (const file of this.files) this.workspace.addFile(file.uri, file.state.doc);
        this.current = undefined;
        // The file asked for, else the first that declares a contract, else the first.
        const first = this.files.find(f => f.path === show) ?? this.files.find(f => declaresContract(f.state.doc)) ?? this.files[0];
        if (first) this.show(first);
        this.saveDraftSoon();
        this.changed();
    }

    show(file: OpenFile): void {
        if (file === this.current) return;
        this.client.sync();
        if (this.current) this.current.state = this.view.state;
        this.current = file;
        this.view.setState(file.state);
        this.store.draw(this.view, file.uri);
        this.changed();
    }

    /** A change made outside the editor (rename in another file): kept in that file's state, sent to the server. */
    updateBackground(uri: string, change: (state: EditorState) => EditorState): void {
        const file = this.files.find(f => f.uri === uri);
        if (!file || file === this.current) return;
        file.state = change(file.state);
        const known = this.workspace.getFile(uri);
        if (known) {
            known.doc = file.state.doc;
            known.version++;
            this.client.notification('textDocument/didChange', { textDocument: { uri, version: known.version }, contentChanges: [{ text: file.state.doc.toString() }] });
        }
        this.edited();
    }

    markSaved(file: OpenFile, text: string, handle?: FileSystemFileHandle, lastModified?: number): void {
        file.savedText = text;
        if (handle) { file.handle = handle; file.lastModified = lastModified; }
        this.saveDraftSoon();
        this.changed();
    }

    private edited(): void {
        this.saveDraftSoon();
        this.changed();
    }

    private saveDraftSoon(): void {
        clearTimeout(this.draftTimer);
        this.draftTimer = window.setTimeout(() => {
            if (!this.hasUnsaved()) { clearDraft(); return; }
            storeDraft({ files: this.files.map(f => ({ path: f.path, text: this.text(f), savedText: f.savedText })), current: this.current?.path });
        }, 300);
    }
}

export { Text };
