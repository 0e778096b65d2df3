/**
 * When each rule runs. While typing, the 'fast' rules (every rule of the language but the 'slow' ones) run on
 * each change, as Langium schedules them (`updateBuildOptions`, set in createCpomLspServices); on open and on
 * save, every rule runs ('slow' ones included: those that would nag while typing, such as an establishment
 * declared and not used yet).
 */
import {
    type DocumentBuilder, DocumentState, isOperationCancelled, type LangiumDocuments, URI, type ValidationCategory, type WorkspaceLock,
    type WorkspaceManager,
} from 'langium';
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
    // announced meanwhile (an editor opening 20 files at once); a cancelled one runs again after the writes queued
    // meanwhile (the edit that cancelled it), so that no file announced is left without its check or its build.
    private readonly waiting = new Set<string>();
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
        // A typing burst cut short by the save: its last change goes to Langium now, ahead of this check's write.
        this.bursts.handOver(uri);
        this.waiting.add(uri);
        this.schedule(() => setTimeout(() => this.run(), 0));
    }

    private schedule(start: () => void): void {
        if (this.scheduled) return;
        this.scheduled = true;
        start();
    }

    private run(): void {
        this.scheduled = false;
        if (this.waiting.size === 0) return;
        void this.workspaceManager().ready.then(() => this.lock.write(async token => {
            const uris = [...this.waiting];
            this.waiting.clear();
            try {
                // Langium's update of the open, the save or the burst handed over is queued before this write: when
                // this write cancelled it (its documents reset, not built), `update` builds every such document.
                await this.builder.update([], [], token);
                const built = uris.map(uri => this.documents.getDocument(URI.parse(uri))).filter(d => d !== undefined && d.state >= DocumentState.Validated);
                await this.builder.build(built as NonNullable<(typeof built)[number]>[], { validation: { categories: ALL_CHECKS } }, token);
            } catch (error) {
                for (const uri of uris) this.waiting.add(uri);
                // Cancelled by a newer write: again once the writes queued meanwhile are done (a read waits for them),
                // not at once, which would cancel them in turn.
                if (isOperationCancelled(error)) this.schedule(() => void this.lock.read(() => undefined).then(() => this.run()));
                throw error;
            }
        })).catch(error => console.error('cpom: full check failed:', error));
    }
}
