/**
 * Langium's document validator with the node checks run over the document's shared list of nodes
 * (workspace/ast-nodes.ts) instead of a walk of its own; every node is validated, as `VALIDATE_EACH_NODE` says.
 * The checks of each node type come listed from CpomValidationRegistry, and a synchronous check is not awaited.
 */
import { type AstNode, Cancellation, DefaultDocumentValidator, type ValidationAcceptor, type ValidationOptions } from 'langium';
import { allNodes, checkEveryFewItems } from '../workspace/ast-nodes.js';
import { CpomValidationRegistry } from './cpom-validation-registry.js';

export class SharedWalkDocumentValidator extends DefaultDocumentValidator {
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const registry = this.validationRegistry;
        if (this.profiler?.isActive('validating') || rootNode.$container || !(registry instanceof CpomValidationRegistry)) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const nodes = allNodes(rootNode);
        const checksOf = registry.checksByType(options.categories);
        for (let i = 0; i < nodes.length; i++) {
            await checkEveryFewItems(i, cancelToken);
            const node = nodes[i];
            for (const check of checksOf(node.$type)) {
                const pending = check(node, acceptor, cancelToken);
                if (pending) await pending;
            }
        }
    }
}
