/** Applies an LSP WorkspaceEdit (quick fixes, rename) to the files of the studio's workspace. */
import { type LSPClient, LSPPlugin } from '@codemirror/lsp-client';
import type { ChangeSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type * as lsp from 'vscode-languageserver-protocol';

/** The text edits per file of an edit, from `changes` or `documentChanges`. */
export function editsByUri(edit: lsp.WorkspaceEdit): Map<string, lsp.TextEdit[]> {
    const result = new Map<string, lsp.TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) result.set(uri, [...edits]);
    for (const change of edit.documentChanges ?? []) {
        if ('textDocument' in change) result.set(change.textDocument.uri, [...(result.get(change.textDocument.uri) ?? []), ...change.edits as lsp.TextEdit[]]);
    }
    return result;
}

/** Applies the edits of the file the view shows to it; the edits of other files through the workspace. */
export function applyWorkspaceEdit(client: LSPClient, edit: lsp.WorkspaceEdit, view: EditorView): void {
    client.sync();
    for (const [uri, edits] of editsByUri(edit)) {
        const file = client.workspace.getFile(uri);
        if (!file) continue;
        const target = file.getView() ?? (LSPPlugin.get(view)?.uri === uri ? view : null);
        const changes: ChangeSpec[] = edits.map(e => ({ from: toOffset(file.doc, e.range.start), to: toOffset(file.doc, e.range.end), insert: e.newText }));
        if (target) target.dispatch({ changes, userEvent: 'input.quickfix' });
        else client.workspace.updateFile(uri, { changes });
    }
}

function toOffset(doc: import('@codemirror/state').Text, position: lsp.Position): number {
    const line = doc.line(Math.min(doc.lines, position.line + 1));
    return Math.min(line.to, line.from + position.character);
}
