/** Langium's linker over the document's shared list of references (workspace/ast-nodes.ts) instead of a walk of its own. */
import { Cancellation, DefaultLinker, type LangiumCoreServices, type LangiumDocument } from 'langium';
import { allReferences, checkEveryFewItems } from '../workspace/ast-nodes.js';

export class CpomLinker extends DefaultLinker {
    private readonly profiled: LangiumCoreServices['shared']['profilers']['LangiumProfiler'];

    constructor(services: LangiumCoreServices) {
        super(services);
        this.profiled = services.shared.profilers.LangiumProfiler;
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiled?.isActive('linking')) return super.link(document, cancelToken);
        const references = allReferences(document.parseResult.value);
        for (let i = 0; i < references.length; i++) {
            await checkEveryFewItems(i, cancelToken);
            this.doLink(references[i], document);
        }
    }
}
