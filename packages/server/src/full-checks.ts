/**
 * When each rule runs. While typing, the 'fast' rules (every rule of the language but the 'slow' ones) run on
 * each change, as Langium schedules them (`updateBuildOptions`, set in createCpomLspServices); on open and on
 * save, every rule runs ('slow' ones included: those that would nag while typing, such as an establishment
 * declared and not used yet).
 */
import { type DocumentBuilder, DocumentState, type LangiumDocuments, URI, type ValidationCategory, type WorkspaceLock, type WorkspaceManager } from 'langium';
import type { CpomServerSharedServices } from './cpom-server-module.js';
import type { TypingBursts } from './typing-bursts.js';

export const ALL_CHECKS: ValidationCategory[] = ['built-in', 'fast', 'slow'];

export class FullChecks {
    private readonly builder: DocumentBuilder;
    private readonly documents: LangiumDocuments;
    private readonly lock: WorkspaceLock;
    private readonly bursts: TypingBursts;
    private readonly workspaceManager: () => WorkspaceManager;
    // Files waiting for their full check. A write cancels the write before it: one write serves every file
    // announced meanwhile (an editor opening 20 files at once); a cancelled one leaves its files for the next.
    private readonly waiting = new Set<string>();
    // Files whose last change was never handed to Langium (a typing burst cut short by the save).
    private readonly unbuilt = new Set<string>();
    private scheduled = false;

    constructor(shared: CpomServerSharedServices) {
        this.builder = shared.workspace.DocumentBuilder;
        this.documents = shared.workspace.LangiumDocuments;
        this.lock = shared.workspace.WorkspaceLock;
        this.bursts = shared.cpom.TypingBursts;
        this.workspaceManager = () => shared.workspace.WorkspaceManager;
    }

    /** Every rule for this file, after Langium's own update of the same event (queued in this tick). */
    request(uri: string): void {
        if (this.bursts.cancelPending(uri)) this.unbuilt.add(uri);
        this.waiting.add(uri);
        if (!this.scheduled) {
            this.scheduled = true;
            setTimeout(() => this.run(), 0);
        }
    }

    private run(): void {
        this.scheduled = false;
        if (this.waiting.size === 0) return;
        void this.workspaceManager().ready.then(() => this.lock.write(async token => {
            const uris = [...this.waiting];
            const changed = [...this.unbuilt];
            this.waiting.clear();
            this.unbuilt.clear();
            try {
                // Langium's update of the open or save is queued before this write: when this write cancelled it,
                // `update` completes every half-built document; only the cut bursts need their text parsed again.
                await this.builder.update(changed.map(uri => URI.parse(uri)), [], token);
                const built = uris.map(uri => this.documents.getDocument(URI.parse(uri))).filter(d => d !== undefined && d.state >= DocumentState.Validated);
                await this.builder.build(built as NonNullable<(typeof built)[number]>[], { validation: { categories: ALL_CHECKS } }, token);
            } catch (error) {
                // Cancelled by a newer write: done with the next full check (typing would make it stale anyway).
                for (const uri of uris) this.waiting.add(uri);
                for (const uri of changed) this.unbuilt.add(uri);
                throw error;
            }
        })).catch(error => console.error('cpom: full check failed:', error));
    }
}
