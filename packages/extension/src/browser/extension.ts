/**
 * Entry of the extension in the browser extension host (VS Code for the web): the language server runs in a
 * dedicated web worker (`dist/server/browser.js`); documents come from the client, whatever their scheme, and the
 * client opens the workspace's `.cpom` files for the server (`workspace-files.ts`).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCpom, type CpomApi, stopClient } from '../activate.js';
import { CLIENT_ID, CLIENT_NAME, createClientOptions } from '../client-options.js';
import { deletionWatcher, WorkspaceFiles } from './workspace-files.js';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): CpomApi<LanguageClient> {
    const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'browser.js');
    const worker = new Worker(serverMain.toString(true), { name: CLIENT_NAME });
    const deletions = deletionWatcher();
    client = new LanguageClient(CLIENT_ID, CLIENT_NAME, createClientOptions('browser', [deletions]), worker);
    let files: WorkspaceFiles | undefined;
    const api = activateCpom(context, client, 'browser', { beforeWorkspaceCheck: () => files?.synced ?? Promise.resolve() });
    files = new WorkspaceFiles(api.ready);
    context.subscriptions.push(deletions, files);
    return api;
}

export function deactivate(): Promise<void> {
    return stopClient(client);
}
