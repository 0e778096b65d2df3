/** Langium's reference index entries, read from the document's shared list of references (ast-nodes.ts). */
import { Cancellation, DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';
import { allReferences, checkEveryFewItems } from './ast-nodes.js';

export class CpomReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const references = allReferences(document.parseResult.value);
        for (let i = 0; i < references.length; i++) {
            await checkEveryFewItems(i, cancelToken);
            if (!references[i].reference.error) descriptions.push(...this.createInfoDescriptions(references[i]));
        }
        return descriptions;
    }
}
