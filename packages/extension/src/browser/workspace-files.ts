/**
 * VS Code for the web: the language server runs in a worker without a file system, so it knows only the documents
 * the client sends. To resolve `importe` and names across files as on the desktop, the client opens the
 * workspace's `.cpom` files (bounded), and the ones created or changed later: each opened document reaches the
 * server as an editor's would. Deletions are forwarded as watched-file events (see `deletionWatcher`).
 */
import * as vscode from 'vscode';

/** More than this and only the open editors are known to the server (a very large workspace on the web). */
const MAX_FILES = 1_000;
const PATTERN = '**/*.cpom';

export class WorkspaceFiles implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    /** Resolves when the first synchronisation is done (never rejects). */
    readonly synced: Promise<void>;

    constructor(ready: Promise<void>) {
        const watcher = vscode.workspace.createFileSystemWatcher(PATTERN, false, false, true);
        this.disposables.push(watcher, watcher.onDidCreate(uri => void open(uri)), watcher.onDidChange(uri => void open(uri)));
        this.synced = ready.then(() => this.openAll()).catch(() => undefined);
    }

    private async openAll(): Promise<void> {
        if (!vscode.workspace.workspaceFolders?.length) return;
        let files: vscode.Uri[];
        try {
            files = await vscode.workspace.findFiles(PATTERN, undefined, MAX_FILES);
        } catch {
            return; // no search provider for this workspace: the open editors only
        }
        await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: 'CPOM : lecture des contrats du dossier…' },
            async () => {
                for (let i = 0; i < files.length; i += 20) await Promise.all(files.slice(i, i + 20).map(open));
            },
        );
    }

    dispose(): void {
        for (const disposable of this.disposables) disposable.dispose();
    }
}

/** Deleted `.cpom` files, for the client's `synchronize.fileEvents`: the server forgets them. */
export function deletionWatcher(): vscode.FileSystemWatcher {
    return vscode.workspace.createFileSystemWatcher(PATTERN, true, true, false);
}

async function open(uri: vscode.Uri): Promise<void> {
    try {
        await vscode.workspace.openTextDocument(uri);
    } catch {
        // Unreadable or binary: the server simply does not see it.
    }
}
