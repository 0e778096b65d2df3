/**
 * Langium's index of exported symbols, looked up by URI. `DefaultIndexManager.allElements(type, uris)` filters every
 * document of the workspace for each call, and the scope provider calls it once per scope (a file and its imports):
 * a batch of N files cost O(N²). Here the documents asked for are looked up directly, O(k) for k URIs, and returned
 * in the same order as Langium's (the order the documents entered the index), so that among duplicate names the
 * same declaration wins.
 */
import { type AstNodeDescription, type Cancellation, DefaultIndexManager, type LangiumDocument, stream, type Stream, type URI } from 'langium';

export class CpomIndexManager extends DefaultIndexManager {
    /** When each document entered the symbol index (Map order: a re-indexed document keeps its place). */
    private readonly entered = new Map<string, number>();
    private nextEntry = 0;

    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        if (!uris) return super.allElements(nodeType);
        const indexed = [...uris].filter(uri => this.entered.has(uri));
        if (indexed.length > 1) indexed.sort((a, b) => this.entered.get(a)! - this.entered.get(b)!);
        return stream(indexed).flatMap(uri => this.getFileDescriptions(uri, nodeType));
    }

    override async updateContent(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        await super.updateContent(document, cancelToken);
        const uri = document.uri.toString();
        if (!this.entered.has(uri)) this.entered.set(uri, this.nextEntry++);
    }

    override removeContent(uri: URI): void {
        super.removeContent(uri);
        this.entered.delete(uri.toString());
    }
}
