/**
 * Langium's document validator with the node checks run over the document's shared list of nodes
 * (workspace/ast-nodes.ts) instead of a walk of its own; every node is validated, as `VALIDATE_EACH_NODE` says.
 */
import { type AstNode, Cancellation, DefaultDocumentValidator, interruptAndCheck, type ValidationAcceptor, type ValidationOptions } from 'langium';
import { allNodes } from '../workspace/ast-nodes.js';

export class SharedWalkDocumentValidator extends DefaultDocumentValidator {
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating') || rootNode.$container) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        for (const node of allNodes(rootNode)) {
            await interruptAndCheck(cancelToken);
            for (const check of this.validationRegistry.getChecks(node.$type, options.categories)) {
                await check(node, acceptor, cancelToken);
            }
        }
    }
}
