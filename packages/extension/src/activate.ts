/**
 * Activation shared by the Node and browser entries: starts the client, registers the commands, and returns the
 * extension's API (used by the extension's tests to wait for the server).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerCheckWorkspace } from './commands/check-workspace.js';
import { registerCompareWithHead } from './commands/compare-with-head.js';
import { registerGenerate } from './commands/generate.js';
import { PreviewController } from './commands/preview.js';
import type { Host } from './client-options.js';
import { CpomServer } from './server-access.js';
import { describeError } from './util.js';

/** What `activate` returns: `ready` resolves once the server is initialised (rejects if it cannot start). */
export interface CpomApi<C extends BaseLanguageClient = BaseLanguageClient> {
    readonly client: C;
    readonly ready: Promise<void>;
    /** The HTML the preview panel shows, undefined without a panel (for the editor suite: the panel's content). */
    readonly previewHtml: () => string | undefined;
}

export interface ActivationOptions {
    /** Awaited before `cpom.checkWorkspace` asks the server (browser: the workspace's files are sent first). */
    readonly beforeWorkspaceCheck?: () => Promise<void>;
}

export function activateCpom<C extends BaseLanguageClient>(
    context: vscode.ExtensionContext, client: C, host: Host, options: ActivationOptions = {},
): CpomApi<C> {
    const ready = client.start();
    // Reported once here; `ready` still rejects for whoever awaits it (the tests, the commands).
    ready.catch(error => {
        void vscode.window.showErrorMessage(`Le serveur de langage CPOM n'a pas démarré : ${describeError(error)}. Les diagnostics et les commandes CPOM sont indisponibles.`);
    });
    const server = new CpomServer(client, ready);
    const preview = new PreviewController(server);
    context.subscriptions.push(
        preview,
        registerGenerate(server),
        registerCompareWithHead(server, host === 'node'),
        registerCheckWorkspace(server, options.beforeWorkspaceCheck),
    );
    return { client, ready, previewHtml: () => preview.html };
}

/** For `deactivate`: stops the client if it runs or starts; never rejects. */
export async function stopClient(client: BaseLanguageClient | undefined): Promise<void> {
    if (!client) return;
    try {
        if (client.needsStop()) await client.stop();
    } catch {
        // Already stopped or the server died: nothing left to release.
    }
}
