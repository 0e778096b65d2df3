/** Langium's reference index entries, read from the document's shared list of nodes (ast-nodes.ts). */
import { AstUtils, Cancellation, DefaultReferenceDescriptionProvider, interruptAndCheck, type LangiumDocument, type ReferenceDescription } from 'langium';
import { allNodes } from './ast-nodes.js';

export class CpomReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        for (const node of allNodes(document.parseResult.value)) {
            await interruptAndCheck(cancelToken);
            AstUtils.streamReferences(node).forEach(info => {
                if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
            });
        }
        return descriptions;
    }
}
