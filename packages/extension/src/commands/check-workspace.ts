/**
 * `cpom.checkWorkspace`: every rule on every `.cpom` file of the workspace (`cpom/checkWorkspace`); the server
 * publishes the diagnostics (Problems view), the command reports the totals.
 */
import * as vscode from 'vscode';
import { CheckWorkspaceRequestMethod, type CheckWorkspaceResult } from '../protocol.js';
import { type CpomServer, failureMessage } from '../server-access.js';
import { count } from '../util.js';

const SHOW_PROBLEMS = 'Afficher les problèmes';

/** `beforeCheck`: awaited first (VS Code for the web: the workspace's files are sent to the server). */
export function registerCheckWorkspace(server: CpomServer, beforeCheck?: () => Promise<void>): vscode.Disposable {
    return vscode.commands.registerCommand('cpom.checkWorkspace', async () => {
        if (!vscode.workspace.workspaceFolders?.length) {
            void vscode.window.showWarningMessage('Aucun dossier n\'est ouvert : ouvrez le dossier des contrats pour les vérifier tous.');
            return;
        }
        let result: CheckWorkspaceResult;
        let cancelled = false;
        try {
            result = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Notification, title: 'CPOM : vérification des contrats du dossier…', cancellable: true },
                async (_progress, token) => {
                    token.onCancellationRequested(() => { cancelled = true; });
                    await beforeCheck?.();
                    return server.request<CheckWorkspaceResult>(CheckWorkspaceRequestMethod, undefined, token);
                },
            );
        } catch (error) {
            if (!cancelled) void vscode.window.showErrorMessage(`La vérification des contrats a échoué : ${failureMessage(error)}.`);
            return;
        }
        if (result.files === 0) {
            void vscode.window.showInformationMessage('Aucun fichier .cpom dans le dossier ouvert.');
            return;
        }
        const summary = `${count(result.files, 'fichier vérifié', 'fichiers vérifiés')} : ${count(result.errors, 'erreur')}, `
            + `${count(result.warnings, 'avertissement')}, ${count(result.infos, 'info')}.`;
        const choice = result.errors > 0
            ? await vscode.window.showErrorMessage(summary, SHOW_PROBLEMS)
            : result.warnings > 0
                ? await vscode.window.showWarningMessage(summary, SHOW_PROBLEMS)
                : await vscode.window.showInformationMessage(summary);
        if (choice === SHOW_PROBLEMS) await vscode.commands.executeCommand('workbench.actions.view.problems');
    });
}
