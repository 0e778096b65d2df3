/**
 * Rebuilds, with a changed file, the files whose rules read it without referencing it. Langium relinks a
 * document when it references a changed one; cpom's rules also look sideways: a contract's rules read the
 * avenants of other files, an avenant reads the earlier avenants of the same contract, two files declaring
 * the same top-level name report each other. Such files share a "family key" (the contract they declare or
 * amend, the names they declare), and a change to one rebuilds the others.
 */
import { type AstNode, type BuildOptions, type Cancellation, DefaultDocumentBuilder, DocumentState, type LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';

export class CpomDocumentBuilder extends DefaultDocumentBuilder {
    /** Keys of each document as of its last parse: the old state of a changed document. */
    private readonly keysByUri = new Map<string, ReadonlySet<string>>();

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.shouldRelink(document, changedUris) || this.sharesKeyWith(document, changedUris);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const before = new Map(documents.map(d => [d.uri.toString(), this.keysByUri.get(d.uri.toString())]));
        await super.buildDocuments(documents, options, cancelToken);
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

    protected override cleanUpDeleted<T extends AstNode>(document: LangiumDocument<T>): void {
        this.keysByUri.delete(document.uri.toString());
        super.cleanUpDeleted(document);
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
        } else if (ast.isAvenant(element) && element.contract?.$refText) {
            keys.add(`name:${element.contract.$refText}`);
        }
    }
    return keys;
}
