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
    let scheduled = false;
    const runFullChecks = () => {
        scheduled = false;
        if (waiting.size === 0) return;
        void shared.workspace.WorkspaceManager.ready.then(() => lock.write(async token => {
            const uris = [...waiting];
            waiting.clear();
            try {
                const parsed = uris.map(uri => URI.parse(uri));
                await builder.update(parsed, [], token);
                const built = parsed.map(uri => documents.getDocument(uri)).filter(d => d !== undefined && d.state >= DocumentState.Validated);
                await builder.build(built as NonNullable<(typeof built)[number]>[], { validation: { categories: ALL_CHECKS } }, token);
            } catch (error) {
                // Cancelled by a newer write: done with the next full check (typing would make it stale anyway).
                for (const uri of uris) waiting.add(uri);
                throw error;
            }
        })).catch(error => console.error('cpom: full check failed:', error));
    };
    const checkAll = (uri: string) => {
        bursts.cancelPending(uri); // the full check rebuilds it, with the latest text
        waiting.add(uri);
        // After Langium's own update of the same event (queued in this tick): ours supersedes it and redoes it.
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
