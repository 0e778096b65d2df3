/** Langium's linker over the document's shared list of nodes (workspace/ast-nodes.ts) instead of a walk of its own. */
import { AstUtils, Cancellation, DefaultLinker, interruptAndCheck, type LangiumCoreServices, type LangiumDocument } from 'langium';
import { allNodes } from '../workspace/ast-nodes.js';

export class CpomLinker extends DefaultLinker {
    private readonly profiled: LangiumCoreServices['shared']['profilers']['LangiumProfiler'];

    constructor(services: LangiumCoreServices) {
        super(services);
        this.profiled = services.shared.profilers.LangiumProfiler;
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiled?.isActive('linking')) return super.link(document, cancelToken);
        for (const node of allNodes(document.parseResult.value)) {
            await interruptAndCheck(cancelToken);
            AstUtils.streamReferences(node).forEach(ref => this.doLink(ref, document));
        }
    }
}
