/**
 * `cpom.showPreview` / `cpom.showPreviewToSide`: one webview panel showing the contract document of the active
 * `.cpom` file, as the server renders it (`cpom/preview`, every user string escaped by the server); for a yearly
 * follow-up file (`suivi_annuel du contrat X annee N`), the "Rapport de suivi annuel" of that year
 * (`cpom.showFollowUpToSide`, the "Suivi" button of a follow-up's editor title). No script runs in the panel
 * (`enableScripts: false` and a Content-Security-Policy without script-src). The panel follows the active `.cpom`
 * editor, re-renders on save and, when `cpom.preview.live` is on, 300 ms after the last change.
 */
import * as vscode from 'vscode';
import { PreviewRequestMethod, type PreviewParams, type PreviewResult } from '../protocol.js';
import { type CpomServer, failureMessage } from '../server-access.js';
import { count, describeError, escapeHtml, fileName, LANGUAGE_ID, targetDocument } from '../util.js';

const VIEW_TYPE = 'cpom.preview';
/** Context key: the active editor holds a yearly follow-up (shows the "Suivi" button). */
const FOLLOW_UP_CONTEXT = 'cpom.followUpFile';
const FOLLOW_UP_START = /^[ \t]*suivi_annuel\b/m;
const FOLLOW_UP_LINES = 200;
const DEBOUNCE_MS = 300;
/** While the server has not built the document yet (just opened, server starting), retry this often, this many times. */
const RETRY_MS = 1_000;
const MAX_RETRIES = 5;

export class PreviewController implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private previewed: vscode.Uri | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** Incremented by each render: a slower, older answer never replaces a newer one. */
    private generation = 0;
    /** The last render showed no contract (document not built yet, syntax error) or failed. */
    private incomplete = false;
    private retries = 0;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly server: CpomServer) {
        this.disposables.push(
            vscode.commands.registerCommand('cpom.showPreview', (resource?: unknown) => this.showSafely(resource, false)),
            vscode.commands.registerCommand('cpom.showPreviewToSide', (resource?: unknown) => this.showSafely(resource, true)),
            vscode.commands.registerCommand('cpom.showFollowUpToSide', (resource?: unknown) => this.showSafely(resource, true)),
            vscode.window.onDidChangeActiveTextEditor(editor => updateFollowUpContext(editor?.document)),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document === vscode.window.activeTextEditor?.document) updateFollowUpContext(event.document);
                if (this.panel && sameUri(event.document.uri, this.previewed) && event.contentChanges.length > 0 && liveUpdates()) {
                    this.schedule();
                }
            }),
            // A saved catalogue or imported file may change the previewed contract too.
            vscode.workspace.onDidSaveTextDocument(document => {
                if (this.panel && document.languageId === LANGUAGE_ID) this.renderNow(false);
            }),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                const document = editor?.document;
                if (this.panel && document?.languageId === LANGUAGE_ID && !sameUri(document.uri, this.previewed)) {
                    this.previewed = document.uri;
                    this.retries = 0;
                    this.renderNow(false);
                }
            }),
            // New diagnostics mean the server has (re)built the document: a preview that had nothing to show may now.
            vscode.languages.onDidChangeDiagnostics(event => {
                if (this.panel && this.incomplete && this.timer === undefined && event.uris.some(uri => sameUri(uri, this.previewed))) {
                    this.renderNow(false);
                }
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (this.panel && (event.affectsConfiguration('cpom.diagnostics') || event.affectsConfiguration('cpom.configPath'))) {
                    this.renderNow(false);
                }
            }),
        );
        updateFollowUpContext(vscode.window.activeTextEditor?.document);
    }

    /** What the panel shows now, undefined without a panel. */
    get html(): string | undefined {
        return this.panel?.webview.html;
    }

    /** Implements both commands; never rejects. */
    private async showSafely(resource: unknown, toSide: boolean): Promise<void> {
        try {
            await this.show(resource, toSide);
        } catch (error) {
            void vscode.window.showErrorMessage(`CPOM : l'aperçu n'a pas pu s'ouvrir : ${describeError(error)}.`);
        }
    }

    private async show(resource: unknown, toSide: boolean): Promise<void> {
        const document = await targetDocument(resource, 'afficher l\'aperçu du contrat');
        if (!document) return;
        this.previewed = document.uri;
        this.retries = 0;
        if (this.panel) {
            this.panel.reveal(this.panel.viewColumn, toSide);
        } else {
            this.panel = vscode.window.createWebviewPanel(
                VIEW_TYPE,
                `Aperçu — ${fileName(document.uri)}`,
                { viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: toSide },
                { enableScripts: false, enableCommandUris: false, enableFindWidget: true, localResourceRoots: [] },
            );
            this.panel.webview.html = messagePage(this.panel.webview, 'Préparation de l\'aperçu…');
            this.panel.onDidDispose(() => {
                this.panel = undefined;
                this.previewed = undefined;
                this.cancelTimer();
            });
        }
        await this.render(true);
    }

    private schedule(): void {
        this.cancelTimer();
        this.timer = setTimeout(() => {
            this.timer = undefined;
            void this.render(false);
        }, DEBOUNCE_MS);
    }

    private renderNow(explicit: boolean): void {
        this.cancelTimer();
        void this.render(explicit);
    }

    private cancelTimer(): void {
        if (this.timer !== undefined) clearTimeout(this.timer);
        this.timer = undefined;
    }

    /** Asks the server for the preview and shows it. `explicit`: a command asked, so failures also pop up. */
    private async render(explicit: boolean): Promise<void> {
        const panel = this.panel;
        const uri = this.previewed;
        if (!panel || !uri) return;
        const generation = ++this.generation;
        const current = () => generation === this.generation && panel === this.panel;
        try {
            const params: PreviewParams = { uri: uri.toString() };
            const result = await this.server.request<PreviewResult>(PreviewRequestMethod, params);
            if (!current()) return;
            panel.title = result.kind === 'suivi' ? result.title || `Suivi — ${fileName(uri)}` : `Aperçu — ${result.title || fileName(uri)}`;
            panel.webview.html = result.html
                ? decorate(panel.webview, result.html, result.errors, result.kind)
                : messagePage(panel.webview, result.message || 'Ce fichier ne contient pas de contrat à afficher.');
            this.settle(!result.html);
        } catch (error) {
            if (!current()) return;
            this.settle(true);
            const message = `L'aperçu de ${fileName(uri)} n'a pas pu être produit : ${failureMessage(error)}.`;
            panel.title = `Aperçu — ${fileName(uri)}`;
            panel.webview.html = messagePage(panel.webview, message);
            if (explicit) void vscode.window.showErrorMessage(message);
        }
    }

    /** After a render: when there was nothing to show, tries again a few times (the server may still be loading). */
    private settle(incomplete: boolean): void {
        this.incomplete = incomplete;
        if (!incomplete) {
            this.retries = 0;
        } else if (this.retries < MAX_RETRIES && this.timer === undefined) {
            this.retries++;
            this.timer = setTimeout(() => {
                this.timer = undefined;
                void this.render(false);
            }, RETRY_MS);
        }
    }

    dispose(): void {
        this.cancelTimer();
        this.panel?.dispose();
        for (const disposable of this.disposables) disposable.dispose();
    }
}

/**
 * Sets the context key of the "Suivi" button from the active document's text: a `suivi_annuel` block at a line start
 * among the first lines (after the imports and a comment), so that a keystroke in a long contract costs little.
 */
function updateFollowUpContext(document: vscode.TextDocument | undefined): void {
    const head = document?.languageId === LANGUAGE_ID ? document.getText(new vscode.Range(0, 0, FOLLOW_UP_LINES, 0)) : '';
    const isFollowUp = FOLLOW_UP_START.test(head);
    void vscode.commands.executeCommand('setContext', FOLLOW_UP_CONTEXT, isFollowUp);
}

function liveUpdates(): boolean {
    return vscode.workspace.getConfiguration('cpom').get<boolean>('preview.live', true);
}

function sameUri(a: vscode.Uri, b: vscode.Uri | undefined): boolean {
    return b !== undefined && a.toString() === b.toString();
}

/** No script, no remote resource: inline styles (the document's own) and data: images only. */
function contentSecurityPolicy(webview: vscode.Webview): string {
    return `default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline'; img-src ${webview.cspSource} data:; font-src ${webview.cspSource} data:;`;
}

const BANNER_STYLE = `<style>
.cpom-draft-banner { position: sticky; top: 0; z-index: 10; margin: 0 0 1em; padding: 0.6em 1em; border: 2px solid #b3261e;
  border-radius: 4px; background: #fdecea; color: #5f1410; font: 600 0.95rem/1.4 system-ui, sans-serif; }
@media print { .cpom-draft-banner { position: static; } }
</style>`;

/** Adds the Content-Security-Policy and, when the contract has errors, the draft banner to the server's page. */
export function decorate(webview: vscode.Webview, html: string, errors: number, kind: 'contrat' | 'suivi' = 'contrat'): string {
    const csp = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview)}">`;
    const draft = kind === 'suivi'
        ? `Provisoire : le suivi ou son contrat comporte ${count(errors, 'erreur')}. Ce rapport peut être faux ; corrigez les erreurs signalées dans l'onglet Problèmes.`
        : `Projet : le contrat comporte ${count(errors, 'erreur')}. Cet aperçu n'est pas le texte à signer ; corrigez les erreurs signalées dans l'onglet Problèmes.`;
    const banner = errors > 0 ? `<div class="cpom-draft-banner" role="status">${draft}</div>` : '';
    const head = /<head(\s[^>]*)?>/i.exec(html);
    if (!head) return page(csp + (errors > 0 ? BANNER_STYLE : ''), banner + html);
    let result = `${html.slice(0, head.index + head[0].length)}\n${csp}${errors > 0 ? BANNER_STYLE : ''}${html.slice(head.index + head[0].length)}`;
    if (banner) {
        const body = /<body(\s[^>]*)?>/i.exec(result);
        result = body
            ? `${result.slice(0, body.index + body[0].length)}\n${banner}${result.slice(body.index + body[0].length)}`
            : result.replace(/<\/head>/i, match => `${match}\n${banner}`);
    }
    return result;
}

/** A page with one message (escaped here). */
function messagePage(webview: vscode.Webview, message: string): string {
    const csp = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview)}">`;
    const style = `<style>body { font: 1rem/1.5 system-ui, sans-serif; padding: 2em; color: var(--vscode-foreground); }</style>`;
    return page(csp + style, `<p role="status">${escapeHtml(message)}</p>`);
}

function page(head: string, body: string): string {
    return `<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
