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
        index = new LazyOwnerIndex(owner);
        cache.set(owner, index);
    }
    return index;
}

/** Each list is computed when first read: while typing, the rules that need the references do not run. */
class LazyOwnerIndex implements OwnerIndex {
    private nodeList?: AstNode[];
    private namedList?: NamedNode[];
    private referenceList?: ReferenceInfo[];

    constructor(private readonly owner: AstNode) {}

    get nodes(): readonly AstNode[] {
        return this.nodeList ??= AstUtils.streamAllContents(this.owner).toArray();
    }

    get named(): readonly NamedNode[] {
        return this.namedList ??= this.nodes.filter((n): n is NamedNode => typeof (n as { name?: unknown }).name === 'string' && (n as NamedNode).name.length > 0);
    }

    get references(): readonly ReferenceInfo[] {
        return this.referenceList ??= this.nodes.flatMap(n => AstUtils.streamReferences(n).toArray());
    }
}

/** The target of a reference, or undefined when unresolved (multi-references are not used by cpom). */
export function targetOf(info: ReferenceInfo): AstNode | undefined {
    return 'ref' in info.reference ? info.reference.ref : undefined;
}
