/**
 * Langium's linker over the document's shared list of references (workspace/ast-nodes.ts) instead of a walk of its own,
 * and references that a reader resolves before their document is linked are not remembered.
 *
 * Why the second: Langium resolves a reference lazily when it is read, and keeps the result (target or linking
 * error) once the document has its scopes; its linker then skips a reference that already has one. A document
 * relinked during a rebuild (a file it imports changed) is back at `ComputedScopes` while that file is parsed and
 * indexed again: a reader in that window (the outline is served once a document is parsed) would fix the
 * reference to an error or to the old target for good, and the contract would report an unresolved name after
 * the rebuild. Read before linking, a reference is resolved for that reader only; the linker links it afterwards.
 */
import {
    type AstNode, AstUtils, Cancellation, type CstNode, DefaultLinker, DocumentState,
    type LangiumCoreServices, type LangiumDocument, type Reference,
} from 'langium';
import { allReferences, checkEveryFewItems } from '../workspace/ast-nodes.js';

/** Langium's default reference, with the fields its `ref` getter fills in (`_ref`, `_nodeDescription`). */
type LazyReference = Reference & { _ref?: unknown; _nodeDescription?: unknown };

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

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        const reference = super.buildReference(node, property, refNode, refText) as LazyReference;
        // Langium's getter, called on the reference itself (it reads and writes `this._ref`).
        const langiumRef = Object.getOwnPropertyDescriptor(reference, 'ref') as { get?: (this: LazyReference) => AstNode | undefined } | undefined;
        const getter = langiumRef?.get;
        if (!getter) return reference;
        const resolve = (self: LazyReference) => getter.call(self);
        Object.defineProperty(reference, 'ref', {
            configurable: true,
            enumerable: true,
            get(this: LazyReference) {
                if (this._ref !== undefined) return resolve(this);
                const target = resolve(this);
                const document = AstUtils.findRootNode(node).$document;
                if (this._ref !== undefined && document && document.state < DocumentState.Linked) forget(this, document);
                return target;
            },
        });
        return reference;
    }
}

/** Undoes a lazy resolution: the reference is unresolved again and out of the document's list, as after `unlink`. */
function forget(reference: LazyReference, document: LangiumDocument): void {
    reference._ref = undefined;
    delete reference._nodeDescription;
    const at = document.references.lastIndexOf(reference);
    if (at >= 0) document.references.splice(at, 1);
}
