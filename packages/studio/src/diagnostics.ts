/**
 * Diagnostics from the server: kept per file (the problems panel lists every file's), drawn in the editor with
 * their quick fixes as actions (`textDocument/codeAction` for that diagnostic, its WorkspaceEdit applied here).
 * @codemirror/lsp-client's own `serverDiagnostics` draws only the shown file and has no code actions.
 */
import { type Action, type Diagnostic as EditorDiagnostic, setDiagnostics } from '@codemirror/lint';
import { type LSPClient, type LSPClientExtension, LSPPlugin } from '@codemirror/lsp-client';
import type { EditorView } from '@codemirror/view';
import type * as lsp from 'vscode-languageserver-protocol';
import { t } from './i18n.js';
import { applyWorkspaceEdit } from './workspace-edit.js';

export type DiagnosticsListener = (uri: string, diagnostics: readonly lsp.Diagnostic[]) => void;

export class DiagnosticStore {
    readonly byUri = new Map<string, readonly lsp.Diagnostic[]>();
    private listeners: DiagnosticsListener[] = [];
    client!: LSPClient;

    onChange(listener: DiagnosticsListener): void { this.listeners.push(listener); }

    extension(): LSPClientExtension {
        return {
            clientCapabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: {} } },
            notificationHandlers: {
                'textDocument/publishDiagnostics': (client, params: lsp.PublishDiagnosticsParams) => {
                    const file = client.workspace.getFile(params.uri);
                    if (file && params.version != null && params.version !== file.version) return true;
                    this.byUri.set(params.uri, params.diagnostics);
                    const view = file?.getView();
                    if (view) this.draw(view, params.uri);
                    for (const listener of this.listeners) listener(params.uri, params.diagnostics);
                    return true;
                },
            },
        };
    }

    /** Draws the stored diagnostics of `uri` in the view showing it. */
    draw(view: EditorView, uri: string): void {
        const plugin = LSPPlugin.get(view);
        if (!plugin) return;
        const items = this.byUri.get(uri) ?? [];
        const length = view.state.doc.length;
        const clamp = (n: number) => Math.max(0, Math.min(length, n));
        view.dispatch(setDiagnostics(view.state, items.map((item): EditorDiagnostic => {
            const from = clamp(plugin.unsyncedChanges.mapPos(plugin.fromPosition(item.range.start, plugin.syncedDoc)));
            const to = clamp(plugin.unsyncedChanges.mapPos(plugin.fromPosition(item.range.end, plugin.syncedDoc)));
            return {
                from, to: Math.max(from, to),
                severity: item.severity === 1 ? 'error' : item.severity === 2 ? 'warning' : 'info',
                source: typeof item.code === 'string' ? item.code : undefined,
                message: item.message,
                actions: item.data ? [this.quickFixAction(uri, item)] : [],
            };
        })));
    }

    /**
     * The quick fixes for every diagnostic of a file, in one request over the whole text: each action names the
     * diagnostics it fixes. Keyed by the diagnostic object.
     */
    async fixesOf(uri: string): Promise<Map<lsp.Diagnostic, lsp.CodeAction>> {
        const diagnostics = this.byUri.get(uri) ?? [];
        const fixes = new Map<lsp.Diagnostic, lsp.CodeAction>();
        if (diagnostics.length === 0) return fixes;
        const result = await this.client.request<lsp.CodeActionParams, Array<lsp.CodeAction | lsp.Command> | null>('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } },
            context: { diagnostics: [...diagnostics], only: ['quickfix'] },
        });
        const same = (a: lsp.Diagnostic, b: lsp.Diagnostic) => a.code === b.code && a.message === b.message
            && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
        for (const action of result ?? []) {
            if (!('edit' in action) || !action.edit) continue;
            for (const fixed of action.diagnostics ?? []) {
                const diagnostic = diagnostics.find(d => same(d, fixed));
                if (diagnostic && !fixes.has(diagnostic)) fixes.set(diagnostic, action);
            }
        }
        return fixes;
    }

    /** The quick fixes the server offers for one diagnostic. */
    async quickFixes(uri: string, diagnostic: lsp.Diagnostic): Promise<lsp.CodeAction[]> {
        this.client.sync();
        const result = await this.client.request<lsp.CodeActionParams, Array<lsp.CodeAction | lsp.Command> | null>('textDocument/codeAction', {
            textDocument: { uri },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic], only: ['quickfix'] },
        });
        return (result ?? []).filter((a): a is lsp.CodeAction => 'edit' in a && a.edit !== undefined);
    }

    private quickFixAction(uri: string, diagnostic: lsp.Diagnostic): Action {
        return {
            name: t('quickFix'),
            apply: view => {
                void this.quickFixes(uri, diagnostic).then(actions => {
                    if (actions[0]?.edit) applyWorkspaceEdit(this.client, actions[0].edit, view);
                });
            },
        };
    }
}
