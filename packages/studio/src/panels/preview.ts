/**
 * The live preview: the contract document of the shown file (`cpom/preview`: the generator's HTML, every user
 * string escaped) in a sandboxed frame where no script runs; for a yearly follow-up file, the "Rapport de suivi
 * annuel" of its year (the heading says which). Refreshed after each analysis of the file.
 */
import type { LSPClient } from '@codemirror/lsp-client';
import type { PreviewParams, PreviewResult } from '@cpom/server/protocol';
import { byId } from '../dom.js';
import { t } from '../i18n.js';

let asked = 0;

export async function refreshPreview(client: LSPClient, uri: string): Promise<void> {
    const ticket = ++asked;
    let result: PreviewResult;
    try {
        result = await client.request<PreviewParams, PreviewResult>('cpom/preview', { uri });
    } catch {
        return;
    }
    if (ticket !== asked) return; // a newer preview is on its way
    const frame = byId<HTMLIFrameElement>('preview-frame');
    const message = byId('preview-message');
    const heading = byId('preview-title');
    const key = result.kind === 'suivi' ? 'previewFollowUp' : 'preview';
    heading.dataset.t = key; // the language toggle re-reads it
    heading.textContent = t(key);
    if (result.html) {
        frame.srcdoc = result.html;
        frame.hidden = false;
        frame.dataset.errors = String(result.errors);
        message.textContent = result.message ?? '';
    } else {
        frame.hidden = true;
        message.textContent = result.message ?? '';
    }
}

/** The browser's print dialog on the preview (its print stylesheet: A4, page numbers): "save as PDF" gives the PDF. */
export function printPreview(): void {
    const frame = byId<HTMLIFrameElement>('preview-frame');
    if (!frame.hidden && frame.contentWindow) frame.contentWindow.print();
}
