/**
 * The diagnostics of a check kept per AST node across edits (issue 15). A keystroke reparses one block in place
 * (workspace/incremental-reparse.ts) and keeps every other node object, so a check whose result depends only on its
 * node's subtree — and on what its `key` names besides — gives the same diagnostics as long as that node is kept,
 * its subtree unchanged and the key equal: they are replayed through the acceptor instead of computed again (the
 * acceptor computes their ranges then, from the shifted CST).
 *
 * **Invariant:** an entry is used only for the very node object it was computed on, whose subtree has not changed
 * since (the reparse forgets the entries of the replaced block's ancestors, `forgetKeptChecks`; a full parse makes
 * new nodes), with the same language, configuration and `--droit-au` date, and the same key; every diagnostic it
 * holds is on a node of that subtree, placed by the node and not by an explicit range (else it is not kept). The
 * key must name everything else the check reads (the contract's period, a resolved reference's facts…).
 * `tests/incremental-reparse.test.ts` compares the diagnostics after each edit with those of a fresh build of the
 * same text.
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import type { ResolvedConfig } from '../diagnostics/config.js';
import type { Locale } from '../diagnostics/rules.js';

type Call = Parameters<ValidationAcceptor>;

/** What the diagnostics of a check depend on besides its node's subtree. */
export interface KeptSettings {
    readonly locale: Locale;
    readonly config: ResolvedConfig;
    readonly lawDate: string | undefined;
}

interface Entry {
    readonly settings: KeptSettings;
    readonly key: string;
    readonly calls: readonly Call[];
}

/** Per node, per check (the check's identity: a function or any object). */
const kept = new WeakMap<AstNode, Map<unknown, Entry>>();

/** Forgets what was kept for a node whose subtree changed in place (workspace/incremental-reparse.ts). */
export function forgetKeptChecks(node: AstNode): void {
    kept.delete(node);
}

/**
 * Runs `run` (the check of `node`, reporting through the acceptor it is given) or replays the diagnostics it gave
 * for the same node, settings and key.
 */
export function runKept(check: unknown, node: AstNode, settings: KeptSettings, key: string, accept: ValidationAcceptor,
    run: (accept: ValidationAcceptor) => void): void {
    let byCheck = kept.get(node);
    const entry = byCheck?.get(check);
    if (entry && entry.key === key && sameSettings(entry.settings, settings)) {
        for (const call of entry.calls) accept(...call);
        return;
    }
    const calls: Call[] = [];
    run((...call: Call) => {
        calls.push(call);
        accept(...call);
    });
    // A diagnostic placed by an explicit range (not by its node) would not follow the shifted CST: not kept.
    if (!calls.every(([, , info]) => info.range === undefined && within(info.node, node))) {
        byCheck?.delete(check);
        return;
    }
    if (!byCheck) {
        byCheck = new Map();
        kept.set(node, byCheck);
    }
    byCheck.set(check, { settings, key, calls });
}

function sameSettings(a: KeptSettings, b: KeptSettings): boolean {
    return a.config === b.config && a.locale === b.locale && a.lawDate === b.lawDate;
}

/** Whether `node` is `owner` or inside it. */
function within(node: AstNode, owner: AstNode): boolean {
    for (let n: AstNode | undefined = node; n; n = n.$container) {
        if (n === owner) return true;
    }
    return false;
}
