/**
 * How strongly a rule may speak on a text at a contract's (or an avenant's) date: no error the law does not support.
 * An error only where the version in force that day was read in the text (V) or computed (C); otherwise — before the
 * text came into force, on an unverified version, or on a missing date — a warning.
 */
import type * as ast from '../generated/ast.js';
import { supportsError } from '../law/law-view.js';
import { lawOf, type RuleContext } from './rule-context.js';

/** `undefined` (the catalogue's severity) when `textId` is verified in force on the law's date, else `'warning'`. */
export function errorWhereVerified(container: ast.Contrat | ast.Avenant, ctx: RuleContext, textId: string): 'warning' | undefined {
    const version = lawOf(container, ctx)?.inForce(textId);
    return version !== undefined && supportsError(version.confidence) ? undefined : 'warning';
}
