/** What every rule receives: the reporter and read access to the workspace. */
import type { CpomWorkspaceIndex } from '../workspace/cpom-workspace-index.js';
import type { RuleReporter } from './reporter.js';

export interface RuleContext {
    readonly reporter: RuleReporter;
    readonly workspace: CpomWorkspaceIndex;
}

/** Display name of a named element: its title when it has one, else its name. */
export function displayName(node: { name?: string; title?: string }): string {
    return node.name ?? node.title ?? '?';
}
