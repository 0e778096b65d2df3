/**
 * "Comparer": the semantic diff between an earlier version of the shown file (its text when opened, another open
 * file, or a file from the disk) and its current text (`cpom/diff`), and the avenant drafted from it.
 */
import type { LSPClient } from '@codemirror/lsp-client';
import type { DiffParams, DiffResult } from '@cpom/server/protocol';
import { byId, el } from '../dom.js';
import { pickWithInput } from '../file-access.js';
import { t } from '../i18n.js';
import type { OpenFile, Project } from '../project.js';

/** Fills the choice of the earlier version: the text at opening, then the other open files. */
export function prepareCompare(project: Project): void {
    const select = byId<HTMLSelectElement>('compare-with');
    const current = project.current;
    select.replaceChildren(
        el('option', { value: ':opened', text: t('compareOpened') }),
        ...project.files.filter(f => f !== current).map(f => el('option', { value: f.path, text: f.path })),
        el('option', { value: ':disk', text: t('compareFile') }),
    );
}

async function earlierText(project: Project, choice: string, file: OpenFile): Promise<{ text: string; label: string } | undefined> {
    if (choice === ':opened') return { text: file.openedText, label: t('compareOpened').toLowerCase() };
    if (choice === ':disk') {
        const picked = await pickWithInput(false);
        return picked?.[0] ? { text: picked[0].text, label: picked[0].path } : undefined;
    }
    const other = project.files.find(f => f.path === choice);
    return other ? { text: project.text(other), label: other.path } : undefined;
}

export async function compare(client: LSPClient, project: Project): Promise<void> {
    const file = project.current;
    if (!file) return;
    const earlier = await earlierText(project, byId<HTMLSelectElement>('compare-with').value, file);
    if (!earlier) return;
    const number = Math.max(1, Number.parseInt(byId<HTMLInputElement>('compare-number').value, 10) || 1);
    const output = byId('compare-output');
    const avenant = byId('compare-avenant');
    output.textContent = t('working');
    client.sync();
    const result = await client.request<DiffParams, DiffResult>('cpom/diff', {
        uri: file.uri, oldText: earlier.text, oldLabel: earlier.label, format: 'text', avenant: { number },
    });
    output.textContent = result.text;
    if (result.avenantHtml) {
        const frame = el('iframe', { title: t('avenant'), sandbox: 'allow-same-origin allow-modals', class: 'avenant-frame' });
        frame.srcdoc = result.avenantHtml;
        const link = el('a', { href: URL.createObjectURL(new Blob([result.avenantHtml], { type: 'text/html;charset=utf-8' })), download: `AVENANT_${number}.html` }, t('downloadAvenant'));
        avenant.replaceChildren(el('h3', { text: t('avenant') }), link, frame);
    } else {
        avenant.replaceChildren(el('p', { text: result.avenantMessage ?? '' }));
    }
}
