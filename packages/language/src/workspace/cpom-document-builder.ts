/**
 * Rebuilds, with a changed file, the files whose rules read it without referencing it. Langium relinks a
 * document when it references a changed one; cpom's rules also look sideways: a contract's rules read the
 * avenants of other files, an avenant reads the earlier avenants of the same contract, two files declaring
 * the same top-level name report each other. Such files share a "family key" (the contract they declare or
 * amend, the names they declare), and a change to one rebuilds the others.
 *
 * One document never stops the others: Langium builds documents phase by phase in one loop, and an exception in
 * one document's phase rejected the whole build — over LSP, no file got diagnostics again while that one was open.
 * Here a failure becomes a CPOM001 error on that document (which goes on to the next phase as it stands), and a
 * failing build listener is logged and the others still run.
 */
import {
    type AstNode, type BuildOptions, type Cancellation, DefaultDocumentBuilder, DocumentState, interruptAndCheck,
    isOperationCancelled, type LangiumDocument,
} from 'langium';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CpomServices } from '../cpom-module.js';
import { formatMessage } from '../diagnostics/rules.js';
import { internalFailureText } from '../diagnostics/syntax-messages.js';
import * as ast from '../generated/ast.js';
import { invalidateModel } from '../model/model-cache.js';

/** Langium's build options, and whether to index the documents' references (default true; loading.ts). */
export interface CpomBuildOptions extends BuildOptions {
    readonly referenceIndex?: boolean;
}

export class CpomDocumentBuilder extends DefaultDocumentBuilder {
    /** Keys of each document as of its last parse: the old state of a changed document. */
    private readonly keysByUri = new Map<string, ReadonlySet<string>>();
    /** Exported names of each document as of its last build (relinkUnresolved). */
    private readonly exportsByUri = new Map<string, string>();
    /** Documents whose build failed in some phase: the phase and the error, until they are reset before it. */
    private readonly failures = new Map<string, { phase: DocumentState; error: unknown }>();

    /**
     * Langium relinks, on every change, each document with an unresolved reference anywhere in the workspace: one
     * file left with a typo was rebuilt at each keystroke in any other. A cpom reference resolves against its own
     * file, its family (above) and the exports of the files it imports, so such a document is relinked here only
     * when the exports of the workspace change (relinkUnresolved, after the build).
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return this.indexManager.isAffected(document, changedUris) || this.sharesKeyWith(document, changedUris);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const before = new Map(documents.map(d => [d.uri.toString(), this.keysByUri.get(d.uri.toString())]));
        await super.buildDocuments(documents, options, cancelToken);
        await this.relinkUnresolved(documents, options, cancelToken);
        // New keys of the rebuilt documents (an avenant now amending another contract…): their new relatives too.
        const gained = new Set<string>();
        for (const document of documents) {
            const key = document.uri.toString();
            const now = familyKeys(document);
            this.keysByUri.set(key, now);
            const old = before.get(key);
            for (const k of now) if (!old?.has(k)) gained.add(k);
        }
        if (gained.size === 0) return;
        const built = new Set(before.keys());
        const relatives = this.langiumDocuments.all
            .filter(d => !built.has(d.uri.toString()) && d.state >= DocumentState.ComputedScopes && [...familyKeysCached(this.keysByUri, d)].some(k => gained.has(k)))
            .toArray();
        if (relatives.length === 0) return;
        for (const relative of relatives) this.resetToState(relative, DocumentState.ComputedScopes);
        await super.buildDocuments(relatives, options, cancelToken);
    }

    /**
     * After a build that changed the exported names of a document (a new file, a contract renamed, a catalogue
     * entry added), the documents with unresolved references relink: a name they lack may be there now.
     */
    private async relinkUnresolved(built: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        let changed = false;
        for (const document of built) {
            if (document.state < DocumentState.IndexedContent) continue;
            const key = document.uri.toString();
            const exports = this.exportsOf(key);
            if (this.exportsByUri.get(key) !== exports) {
                this.exportsByUri.set(key, exports);
                changed = true;
            }
        }
        if (!changed) return;
        // The documents just built are included: within one build, a follow-up may link before the avenant that
        // declares the establishment it names has linked its contract (a folder opened at once, in any order); and a
        // file opened alone may have read its contract's facts before they were complete.
        const unresolved = this.langiumDocuments.all
            .filter(d => d.state >= DocumentState.ComputedScopes && d.references.some(ref => ref.error !== undefined))
            .toArray();
        if (unresolved.length === 0) return;
        for (const document of unresolved) this.resetToState(document, DocumentState.ComputedScopes);
        await super.buildDocuments(unresolved, options, cancelToken);
    }

    /** The exported names of a document as one string (type and name of each, in order). */
    private exportsOf(uri: string): string {
        return this.indexManager.allElements(undefined, new Set([uri])).map(d => `${d.type} ${d.name}`).join('\n');
    }

    protected override cleanUpDeleted<T extends AstNode>(document: LangiumDocument<T>): void {
        this.exportsByUri.delete(document.uri.toString());
        this.keysByUri.delete(document.uri.toString());
        this.failures.delete(document.uri.toString());
        super.cleanUpDeleted(document);
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        const failure = this.failures.get(document.uri.toString());
        if (failure && state < failure.phase) this.failures.delete(document.uri.toString());
        // The model's views hold resolved references: a document about to be relinked gets new ones.
        if (state < DocumentState.Linked) invalidateModel(document.parseResult.value);
        super.resetToState(document, state);
    }

    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken, callback: (document: LangiumDocument) => unknown): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, async document => {
            const key = document.uri.toString();
            if (targetState === DocumentState.Validated && this.failures.has(key)) {
                // An earlier phase failed: the rules would judge half-built data; the document gets that failure alone.
                document.diagnostics = [];
            } else if (targetState === DocumentState.IndexedReferences && (this.getBuildOptions(document) as CpomBuildOptions).referenceIndex === false) {
                // Not indexed: the document is read once and dropped (a comparison), nobody looks its references up.
            } else {
                try {
                    await callback(document);
                } catch (error) {
                    if (isOperationCancelled(error)) throw error;
                    console.error(`cpom: building ${key} failed (${DocumentState[targetState]}):`, error);
                    this.failures.set(key, { phase: targetState, error });
                }
            }
            if (targetState === DocumentState.Validated && this.failures.has(key)) {
                this.reportFailure(document);
                this.markAsCompleted(document);
            }
        });
    }

    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        for (const listener of this.documentPhaseListeners.get(state).slice()) {
            await interruptAndCheck(cancelToken);
            await this.runListener(() => listener(document, cancelToken));
        }
    }

    protected override async notifyBuildPhase(documents: LangiumDocument[], state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (documents.length === 0) return;
        for (const listener of this.buildPhaseListeners.get(state).slice()) {
            await interruptAndCheck(cancelToken);
            await this.runListener(() => listener(documents, cancelToken));
        }
    }

    private async runListener(call: () => unknown): Promise<void> {
        try {
            await call();
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error('cpom: a build listener failed:', error);
        }
    }

    /** The failure of an earlier phase (or of validation) as a CPOM001 error at the start of the document. */
    private reportFailure(document: LangiumDocument): void {
        const failure = this.failures.get(document.uri.toString());
        if (!failure) return;
        const locale = (this.serviceRegistry.getServices(document.uri) as CpomServices).cpom.Settings.localeFor(document.uri);
        const diagnostic: Diagnostic = {
            severity: DiagnosticSeverity.Error,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: formatMessage('CPOM001', { detail: { variant: 'internal', error: internalFailureText(failure.error) } }, locale),
            code: 'CPOM001',
            source: 'cpom',
            data: { code: 'CPOM001', internalFailure: true },
        };
        // Validation may run again for more categories (on save): one failure diagnostic, not one per run.
        document.diagnostics = [...(document.diagnostics ?? []).filter(d => d.data?.internalFailure !== true), diagnostic];
    }

    private sharesKeyWith(document: LangiumDocument, changedUris: Set<string>): boolean {
        const own = familyKeysCached(this.keysByUri, document);
        if (own.size === 0) return false;
        for (const uri of changedUris) {
            const keys = this.keysByUri.get(uri);
            if (keys) for (const k of keys) if (own.has(k)) return true;
        }
        return false;
    }
}

function familyKeysCached(cache: Map<string, ReadonlySet<string>>, document: LangiumDocument): ReadonlySet<string> {
    const key = document.uri.toString();
    let keys = cache.get(key);
    if (!keys) {
        keys = familyKeys(document);
        cache.set(key, keys);
    }
    return keys;
}

/** What ties a file to others: the contracts it declares or amends, the top-level names it declares. Parse tree only. */
export function familyKeys(document: LangiumDocument | { parseResult: { value: AstNode } }): ReadonlySet<string> {
    const root = document.parseResult.value;
    const keys = new Set<string>();
    if (!ast.isCpomFile(root)) return keys;
    for (const element of root.elements) {
        if (ast.isContrat(element) || ast.isCatalogue(element)) {
            if (element.name) keys.add(`name:${element.name}`);
        } else if ((ast.isAvenant(element) || ast.isSuiviAnnuel(element)) && element.contract?.$refText) {
            // A follow-up reads the contract's avenants (perimeter, fundings): it belongs to the contract's family.
            keys.add(`name:${element.contract.$refText}`);
        }
    }
    return keys;
}
