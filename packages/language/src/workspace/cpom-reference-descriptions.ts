/**
 * Langium's reference index entries, read from the document's shared list of references (ast-nodes.ts), and kept
 * across a keystroke (issue 15): a reference the block reparse kept is the same object, in the same place (its
 * container's path does not change: a block is replaced by one node at the same index), so while it resolves to the
 * same path of the same document its entry is the same. The entry's segment is read from the CST when asked, as the
 * CST after an edit is shifted in place.
 */
import {
    type AstNode, Cancellation, DefaultReferenceDescriptionProvider, type DocumentSegment, isReference, type LangiumDocument, type Reference,
    type ReferenceDescription, type ReferenceInfo, UriUtils, CstUtils,
} from 'langium';
import { allReferences, checkEveryFewItems } from './ast-nodes.js';

export class CpomReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly kept = new WeakMap<Reference, ReferenceDescription>();
    /** Paths of the containers of references: a node's path never changes while it is in its document's tree. */
    private readonly paths = new WeakMap<AstNode, string>();

    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const references = allReferences(document.parseResult.value);
        for (let i = 0; i < references.length; i++) {
            await checkEveryFewItems(i, cancelToken);
            const info = references[i];
            if (info.reference.error) continue;
            const description = isReference(info.reference) ? this.keptDescription(document, info, info.reference) : undefined;
            if (description) descriptions.push(description);
            else if (!isReference(info.reference)) descriptions.push(...this.createInfoDescriptions(info));
        }
        return descriptions;
    }

    /** As Langium's `createInfoDescriptions` for a single reference, the same entry while its target's place is. */
    private keptDescription(document: LangiumDocument, info: ReferenceInfo, reference: Reference): ReferenceDescription | undefined {
        const target = reference.$nodeDescription;
        if (!reference.$refNode || !target) return undefined;
        const previous = this.kept.get(reference);
        if (previous && previous.targetPath === target.path && previous.targetUri.toString() === target.documentUri.toString()
            && previous.sourceUri.toString() === document.uri.toString()) {
            return previous;
        }
        let sourcePath = this.paths.get(info.container);
        if (sourcePath === undefined) {
            sourcePath = this.nodeLocator.getAstNodePath(info.container);
            this.paths.set(info.container, sourcePath);
        }
        const refNode = reference.$refNode;
        const description: ReferenceDescription = {
            sourceUri: document.uri, sourcePath, targetUri: target.documentUri, targetPath: target.path,
            get segment(): DocumentSegment {
                return CstUtils.toDocumentSegment(refNode);
            },
            local: UriUtils.equals(target.documentUri, document.uri),
        };
        this.kept.set(reference, description);
        return description;
    }
}
