/**
 * "Générer": HTML, Markdown, DOCX and JSON made in the browser by the server worker (`cpom/render`, as `cpom
 * generate` writes them), offered as downloads. A contract with errors is refused unless the user asks for a draft.
 */
import type { LSPClient } from '@codemirror/lsp-client';
import type { RenderFormat, RenderParams, RenderResult } from '@cpom/server/protocol';
import { byId, el } from '../dom.js';
import { t } from '../i18n.js';

const MIME: Record<RenderFormat, string> = {
    html: 'text/html;charset=utf-8',
    md: 'text/markdown;charset=utf-8',
    json: 'application/json',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function bytesOf(base64: string): Uint8Array {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}

export async function generate(client: LSPClient, uri: string): Promise<void> {
    const form = byId<HTMLFormElement>('generate-form');
    const formats = [...form.querySelectorAll<HTMLInputElement>('input[name=format]:checked')].map(i => i.value as RenderFormat);
    const force = byId<HTMLInputElement>('generate-force').checked;
    const results = byId('generate-results');
    results.replaceChildren(el('p', { text: t('working') }));
    client.sync();
    const result = await client.request<RenderParams, RenderResult>('cpom/render', { uri, formats, force });
    if (result.refused.length > 0) {
        results.replaceChildren(el('ul', { class: 'refused', role: 'alert' }, ...result.refused.map(r => el('li', { text: r }))));
        return;
    }
    results.replaceChildren(el('ul', {}, ...result.files.map(file => {
        const content = file.encoding === 'base64' ? bytesOf(file.content) : file.content;
        const link = el('a', { href: URL.createObjectURL(new Blob([content as BlobPart], { type: MIME[file.format] })), download: file.fileName, 'data-format': file.format },
            `${t('download')} ${file.fileName}`);
        return el('li', {}, link);
    })));
    results.querySelector('a')?.focus();
}
