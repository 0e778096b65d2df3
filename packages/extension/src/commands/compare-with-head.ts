/**
 * `cpom.compareWithHead` (Node extension host only: it needs the built-in Git extension): the semantic diff between
 * the file at git HEAD and its current text in the editor (`cpom/diff`), shown as Markdown in a read-only virtual
 * document (`cpom-diff:` scheme) opened in the Markdown preview.
 */
import * as vscode from 'vscode';
import type { GitApi, GitExtension, GitRepository } from '../git-api.js';
import { DiffRequestMethod, type DiffParams, type DiffResult } from '../protocol.js';
import { type CpomServer, failureMessage } from '../server-access.js';
import { count, describeError, fileName, targetDocument } from '../util.js';

export const DIFF_SCHEME = 'cpom-diff';
const GIT_TIMEOUT_MS = 10_000;

/** Read-only documents holding the rendered diffs, keyed by their URI. */
class DiffDocuments implements vscode.TextDocumentContentProvider {
    private readonly contents = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;

    set(uri: vscode.Uri, text: string): void {
        this.contents.set(uri.toString(), text);
        this.changed.fire(uri);
    }

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.contents.get(uri.toString()) ?? '_Cette comparaison n\'est plus disponible : relancez la commande « CPOM : Comparer avec HEAD (sémantique) »._';
    }

    dispose(): void {
        this.changed.dispose();
        this.contents.clear();
    }
}

/** `nodeHost`: false in VS Code for the web, where the command only explains that it is not available. */
export function registerCompareWithHead(server: CpomServer, nodeHost: boolean): vscode.Disposable {
    const documents = new DiffDocuments();
    return vscode.Disposable.from(
        documents,
        vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, documents),
        vscode.commands.registerCommand('cpom.compareWithHead', async (resource?: unknown) => {
            if (!nodeHost) {
                void vscode.window.showWarningMessage('La comparaison avec HEAD n\'est disponible que dans VS Code avec un hôte d\'extensions Node (bureau, serveur distant) : elle lit l\'historique git.');
                return;
            }
            try {
                await compare(server, documents, resource);
            } catch (error) {
                void vscode.window.showErrorMessage(`CPOM : la comparaison avec HEAD a échoué : ${describeError(error)}.`);
            }
        }),
    );
}

async function compare(server: CpomServer, documents: DiffDocuments, resource: unknown): Promise<void> {
    const document = await targetDocument(resource, 'le comparer avec sa version validée dans git (HEAD)');
    if (!document) return;
    if (document.uri.scheme !== 'file') {
        void vscode.window.showWarningMessage(`${fileName(document.uri)} n'est pas un fichier du disque : il n'a pas de version dans git.`);
        return;
    }
    const git = await gitApi();
    if (typeof git === 'string') {
        void vscode.window.showWarningMessage(git);
        return;
    }
    const repository = git.getRepository(document.uri);
    if (!repository) {
        void vscode.window.showWarningMessage(`${fileName(document.uri)} n'est pas dans un dépôt git ouvert dans VS Code : il n'y a pas de version HEAD à comparer.`);
        return;
    }
    let oldText: string;
    try {
        oldText = await repository.show('HEAD', document.uri.fsPath);
    } catch (error) {
        void vscode.window.showWarningMessage(headFailure(error, document.uri, repository));
        return;
    }

    let result: DiffResult;
    try {
        const params: DiffParams = { uri: document.uri.toString(), oldText, oldLabel: 'HEAD', format: 'markdown' };
        result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: 'CPOM : comparaison avec HEAD…' },
            () => server.request<DiffResult>(DiffRequestMethod, params),
        );
    } catch (error) {
        void vscode.window.showErrorMessage(`La comparaison de ${fileName(document.uri)} avec HEAD a échoué : ${failureMessage(error)}.`);
        return;
    }

    const summary = result.changes === 0
        ? `${fileName(document.uri)} : aucun changement sémantique par rapport à HEAD.`
        : `${fileName(document.uri)} : ${count(result.changes, 'changement')} par rapport à HEAD, dont ${count(result.substantive, 'changement de fond', 'changements de fond')} (à traiter par avenant).`;
    const uri = vscode.Uri.from({
        scheme: DIFF_SCHEME,
        path: `/${fileName(document.uri)} — comparaison avec HEAD.md`,
        query: document.uri.toString(),
    });
    documents.set(uri, result.text);
    void vscode.window.showInformationMessage(summary);
    await showMarkdown(uri);
}

/** The Git extension's API once initialised, or a French explanation of why there is none. */
async function gitApi(): Promise<GitApi | string> {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) return 'L\'extension Git intégrée à VS Code est absente ou désactivée : impossible de lire la version HEAD.';
    let git: GitApi;
    try {
        const exports = extension.isActive ? extension.exports : await extension.activate();
        if (!exports?.enabled) return 'Git est désactivé dans VS Code (paramètre « git.enabled ») : impossible de lire la version HEAD.';
        git = exports.getAPI(1);
    } catch (error) {
        return `L'extension Git de VS Code n'est pas disponible (${describeError(error)}) : impossible de lire la version HEAD.`;
    }
    if (git.state !== 'initialized' && !(await initialised(git))) {
        return 'L\'extension Git de VS Code n\'a pas fini de s\'initialiser : réessayez dans un instant.';
    }
    return git;
}

/** Waits (bounded) for the Git extension to discover the repositories. */
function initialised(git: GitApi): Promise<boolean> {
    return new Promise<boolean>(resolve => {
        const timer = setTimeout(() => { listener.dispose(); resolve(false); }, GIT_TIMEOUT_MS);
        const listener = git.onDidChangeState(state => {
            if (state === 'initialized') { clearTimeout(timer); listener.dispose(); resolve(true); }
        });
    });
}

/** Why `git show HEAD:path` failed, in French. */
function headFailure(error: unknown, uri: vscode.Uri, repository: GitRepository): string {
    const details = `${(error as { stderr?: unknown })?.stderr ?? ''} ${error instanceof Error ? error.message : ''}`;
    const name = fileName(uri);
    if (/invalid object name 'HEAD'|bad revision 'HEAD'|ambiguous argument 'HEAD'|does not have any commits/i.test(details)) {
        return `Le dépôt ${fileName(repository.rootUri)} n'a encore aucun commit : il n'y a pas de version HEAD de ${name}.`;
    }
    // git's own wording, and the Git extension's when `git ls-tree HEAD` does not list the file.
    if (/exists on disk, but not in|does not exist in|not in 'HEAD'|path .* does not exist|relative path not found/i.test(details)) {
        return `${name} n'est pas dans HEAD (fichier nouveau, jamais validé dans git) : il n'y a rien à comparer.`;
    }
    return `La version HEAD de ${name} n'a pas pu être lue dans git : ${describeError(error)}.`;
}

async function showMarkdown(uri: vscode.Uri): Promise<void> {
    try {
        await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
        // No Markdown preview (extension disabled): the Markdown text itself, read-only.
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.languages.setTextDocumentLanguage(document, 'markdown');
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
}
