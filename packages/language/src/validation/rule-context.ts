/** What every rule receives: the reporter and read access to the workspace. */
import type { CpomWorkspaceIndex } from '../workspace/cpom-workspace-index.js';
import type { RuleReporter } from './reporter.js';

export interface RuleContext {
    readonly reporter: RuleReporter;
    readonly workspace: CpomWorkspaceIndex;
}

/** Joins names for a message: `A, B et C` / `A, B and C`. */
export function listText(items: readonly string[], locale: 'fr' | 'en'): string {
    if (items.length <= 1) {
        return items.join('');
    }
    return `${items.slice(0, -1).join(', ')} ${locale === 'fr' ? 'et' : 'and'} ${items[items.length - 1]}`;
}

/** Display name of a named element: its title when it has one, else its name. */
export function displayName(node: { name?: string; title?: string }): string {
    return node.name ?? node.title ?? '?';
}
