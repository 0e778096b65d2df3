/** What every rule receives: the reporter, read access to the workspace, and the law at the contract's date. */
import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { isIsoDate } from '../law/legal-texts.js';
import { lawAt, type LawView } from '../law/law-view.js';
import type { ISODate } from '../law/types.js';
import { periodOf } from '../model/period.js';
import type { CpomWorkspaceIndex } from '../workspace/cpom-workspace-index.js';
import type { RuleReporter } from './reporter.js';

export interface RuleContext {
    readonly reporter: RuleReporter;
    readonly workspace: CpomWorkspaceIndex;
    /** The day given to `cpom check --droit-au`, which replaces every contract's own date. */
    readonly lawDate?: ISODate;
    /**
     * Runs `run` for a part of a check that depends only on `node`'s subtree and on `key` (everything else it reads,
     * as text), or replays the diagnostics it gave for the same node and key (check-cache.ts). `check` names the part.
     */
    readonly keep: (check: unknown, node: AstNode, key: string, run: (ctx: RuleContext) => void) => void;
}

/**
 * The day whose law applies to a contract or an avenant: `--droit-au` when given, else its own date d'effet (an
 * avenant changes the contract under the law of its own date). Undefined when the date is missing or impossible:
 * then no rule concludes anything from the law's history.
 */
export function lawDateOf(container: ast.Contrat | ast.Avenant, ctx: RuleContext): ISODate | undefined {
    if (ctx.lawDate) return ctx.lawDate;
    const effect = periodOf(container).effectDate;
    return effect !== undefined && isIsoDate(effect) ? effect : undefined;
}

/** The law at the date of a contract or an avenant (see lawDateOf). */
export function lawOf(container: ast.Contrat | ast.Avenant, ctx: RuleContext): LawView | undefined {
    const date = lawDateOf(container, ctx);
    return date ? lawAt(date) : undefined;
}

/** Display name of a named element: its title when it has one, else its name. */
export function displayName(node: { name?: string; title?: string }): string {
    return node.name ?? node.title ?? '?';
}
