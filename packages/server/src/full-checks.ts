/**
 * When each rule runs. While typing, the 'fast' rules (every rule of the language but the 'slow' ones) run on
 * each change, as Langium schedules them (`updateBuildOptions`, set in createCpomLspServices); on open and on
 * save, every rule runs ('slow' ones included: those that would nag while typing, such as an establishment
 * declared and not used yet).
 */
import type { CpomLspServicesBundle } from '@cpom/language/lsp';
import { DocumentState, URI, type ValidationCategory } from 'langium';
import type { TypingBursts } from './typing-bursts.js';

export const ALL_CHECKS: ValidationCategory[] = ['built-in', 'fast', 'slow'];

export function scheduleFullChecks({ shared }: CpomLspServicesBundle, bursts: TypingBursts): void {
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    const lock = shared.workspace.WorkspaceLock;

    // Files waiting for their full check. A write cancels the write before it: one write serves every file
    // announced meanwhile (an editor opening 20 files at once); a cancelled one leaves its files for the next.
    const waiting = new Set<string>();
    // Files whose last change was never handed to Langium (a typing burst cut short by the save).
    const unbuilt = new Set<string>();
    let scheduled = false;
    const runFullChecks = () => {
        scheduled = false;
        if (waiting.size === 0) return;
        void shared.workspace.WorkspaceManager.ready.then(() => lock.write(async token => {
            const uris = [...waiting];
            const changed = [...unbuilt];
            waiting.clear();
            unbuilt.clear();
            try {
                // Langium's update of the open or save is queued before this write: when this write cancelled it,
                // `update` completes every half-built document; only the cut bursts need their text parsed again.
                await builder.update(changed.map(uri => URI.parse(uri)), [], token);
                const built = uris.map(uri => documents.getDocument(URI.parse(uri))).filter(d => d !== undefined && d.state >= DocumentState.Validated);
                await builder.build(built as NonNullable<(typeof built)[number]>[], { validation: { categories: ALL_CHECKS } }, token);
            } catch (error) {
                // Cancelled by a newer write: done with the next full check (typing would make it stale anyway).
                for (const uri of uris) waiting.add(uri);
                for (const uri of changed) unbuilt.add(uri);
                throw error;
            }
        })).catch(error => console.error('cpom: full check failed:', error));
    };
    const checkAll = (uri: string) => {
        if (bursts.cancelPending(uri)) unbuilt.add(uri);
        waiting.add(uri);
        // After Langium's own update of the same event (queued in this tick).
        if (!scheduled) {
            scheduled = true;
            setTimeout(runFullChecks, 0);
        }
    };
    // Hooks of the update handler, not listeners of the documents: Langium announces the `save` capability
    // (so that clients send didSave at all) only when the handler has `didSaveDocument`.
    const handler = shared.lsp.DocumentUpdateHandler;
    const opened = handler.didOpenDocument?.bind(handler);
    const saved = handler.didSaveDocument?.bind(handler);
    handler.didOpenDocument = event => { opened?.(event); checkAll(event.document.uri); };
    handler.didSaveDocument = event => { saved?.(event); checkAll(event.document.uri); };
}
