/** Clause and property lookup: contracts are lists of clauses (and declarations lists of properties) in any order. */
import type { AstNode } from 'langium';

export function clausesOf<T extends AstNode>(container: { clauses: readonly AstNode[] }, guard: (n: unknown) => n is T): T[] {
    return (container.clauses ?? []).filter(guard);
}

export function firstClause<T extends AstNode>(container: { clauses: readonly AstNode[] }, guard: (n: unknown) => n is T): T | undefined {
    return (container.clauses ?? []).find(guard);
}

export function propsOf<T extends AstNode>(container: { props: readonly AstNode[] }, guard: (n: unknown) => n is T): T[] {
    return (container.props ?? []).filter(guard);
}

export function firstProp<T extends AstNode>(container: { props: readonly AstNode[] }, guard: (n: unknown) => n is T): T | undefined {
    return (container.props ?? []).find(guard);
}
