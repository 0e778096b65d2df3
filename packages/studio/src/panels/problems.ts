/** The problems panel: every diagnostic of every open file, errors first; a click (or Enter) goes to its place. */
import type * as lsp from 'vscode-languageserver-protocol';
import type { DiagnosticStore } from '../diagnostics.js';
import { byId, el } from '../dom.js';
import { count, t } from '../i18n.js';
import type { Project } from '../project.js';

/** Quick fixes of the shown file's diagnostics, from the last analysis (a "Corriger" button beside each). */
let fixes = new Map<lsp.Diagnostic, lsp.CodeAction>();

export async function refreshFixes(store: DiagnosticStore, uri: string): Promise<void> {
    try {
        fixes = await store.fixesOf(uri);
    } catch {
        fixes = new Map();
    }
}

export function renderProblems(store: DiagnosticStore, project: Project, goTo: (uri: string, range: lsp.Range) => void, apply: (action: lsp.CodeAction) => void): void {
    const list = byId('problems-list');
    const items: Array<{ uri: string; path: string; d: lsp.Diagnostic }> = [];
    for (const file of project.files) {
        for (const d of store.byUri.get(file.uri) ?? []) items.push({ uri: file.uri, path: file.path, d });
    }
    items.sort((a, b) => (a.d.severity ?? 1) - (b.d.severity ?? 1) || a.path.localeCompare(b.path) || a.d.range.start.line - b.d.range.start.line);
    const counts = [1, 2, 3].map(s => items.filter(i => (i.d.severity ?? 1) === s || (s === 3 && (i.d.severity ?? 1) > 3)).length);
    byId('problems-count').textContent = `${count(counts[0], 'error')}, ${count(counts[1], 'warning')}, ${count(counts[2], 'info')}`;
    list.replaceChildren(...(items.length === 0
        ? [el('li', { text: t('noProblem'), class: 'empty' })]
        : items.map(({ uri, path, d }) => {
            const severity = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info';
            const button = el('button', { type: 'button', class: `problem ${severity}`, 'data-code': String(d.code ?? '') },
                el('span', { class: 'severity', text: t(severity) }),
                el('span', { class: 'where', text: `${path}, ${t('line')} ${d.range.start.line + 1}` }),
                el('span', { class: 'code', text: String(d.code ?? '') }),
                el('span', { class: 'message', text: d.message }));
            button.addEventListener('click', () => goTo(uri, d.range));
            const fix = fixes.get(d);
            if (!fix) return el('li', {}, button);
            const fixButton = el('button', { type: 'button', class: 'fix', title: fix.title, 'data-fix': String(d.code ?? '') }, t('quickFix'));
            fixButton.addEventListener('click', () => apply(fix));
            return el('li', { class: 'with-fix' }, button, fixButton);
        })));
}
