/**
 * Entry of the extension in the Node extension host (desktop VS Code, remote servers, code-server): the language
 * server runs in a child Node process (`dist/server/node.cjs`) over IPC.
 */
import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateCpom, type CpomApi, stopClient } from '../activate.js';
import { CLIENT_ID, CLIENT_NAME, createClientOptions } from '../client-options.js';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): CpomApi<LanguageClient> {
    const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'node.cjs').fsPath;
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        // Used when the extension host itself is debugged: attach to the server on port 6009.
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const watchers = [
        vscode.workspace.createFileSystemWatcher('**/*.cpom'),
        vscode.workspace.createFileSystemWatcher('**/cpom.config.json'),
    ];
    context.subscriptions.push(...watchers);
    client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, createClientOptions('node', watchers));
    // Shows the commands that need Node (git): `isWeb` is true in code-server although its extension host is Node.
    void vscode.commands.executeCommand('setContext', 'cpom.nodeHost', true);
    return activateCpom(context, client, 'node');
}

export function deactivate(): Promise<void> {
    return stopClient(client);
}
