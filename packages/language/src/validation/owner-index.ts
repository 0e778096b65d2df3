/**
 * One walk over a contract, catalogue or avenant, shared by the rules that need every node or every
 * reference (duplicate names, unused declarations, perimeter membership). The AST of a parse never
 * changes, so the walk is memoised per node; references are kept unresolved and read when used.
 */
import { type AstNode, AstUtils, type ReferenceInfo } from 'langium';

export type NamedNode = AstNode & { name: string };

export interface OwnerIndex {
    readonly nodes: readonly AstNode[];
    readonly named: readonly NamedNode[];
    readonly references: readonly ReferenceInfo[];
}

const cache = new WeakMap<AstNode, OwnerIndex>();

export function ownerIndex(owner: AstNode): OwnerIndex {
    let index = cache.get(owner);
    if (!index) {
        const nodes = AstUtils.streamAllContents(owner).toArray();
        index = {
            nodes,
            named: nodes.filter((n): n is NamedNode => typeof (n as { name?: unknown }).name === 'string' && (n as NamedNode).name.length > 0),
            references: nodes.flatMap(n => AstUtils.streamReferences(n).toArray()),
        };
        cache.set(owner, index);
    }
    return index;
}

/** The target of a reference, or undefined when unresolved (multi-references are not used by cpom). */
export function targetOf(info: ReferenceInfo): AstNode | undefined {
    return 'ref' in info.reference ? info.reference.ref : undefined;
}
