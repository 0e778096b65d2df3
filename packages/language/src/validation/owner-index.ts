/**
 * One walk over a contract, catalogue or avenant, shared by the rules that need every node or every
 * reference (duplicate names, unused declarations, perimeter membership): slices of the document's shared walk
 * (workspace/ast-nodes.ts). They are memoised per node (a block reparsed in place forgets its ancestors':
 * `forgetOwnerIndex`); references are kept unresolved and read when used.
 */
import type { AstNode, ReferenceInfo } from 'langium';
import { descendantsOf } from '../workspace/ast-nodes.js';

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

/** Forgets the index of an owner whose subtree was patched in place (workspace/incremental-reparse.ts). */
export function forgetOwnerIndex(owner: AstNode): void {
    cache.delete(owner);
}

/** Each list is computed when first read: while typing, the rules that need the references do not run. */
class LazyOwnerIndex implements OwnerIndex {
    private descendants?: { nodes: readonly AstNode[]; references: readonly ReferenceInfo[] };
    private namedList?: NamedNode[];

    constructor(private readonly owner: AstNode) {}

    get nodes(): readonly AstNode[] {
        return (this.descendants ??= descendantsOf(this.owner)).nodes;
    }

    get named(): readonly NamedNode[] {
        return this.namedList ??= this.nodes.filter((n): n is NamedNode => typeof (n as { name?: unknown }).name === 'string' && (n as NamedNode).name.length > 0);
    }

    get references(): readonly ReferenceInfo[] {
        return (this.descendants ??= descendantsOf(this.owner)).references;
    }
}

/** The target of a reference, or undefined when unresolved (multi-references are not used by cpom). */
export function targetOf(info: ReferenceInfo): AstNode | undefined {
    return 'ref' in info.reference ? info.reference.ref : undefined;
}
