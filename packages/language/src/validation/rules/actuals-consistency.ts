/**
 * The yearly follow-up against the rest of the workspace and the contract's funding: another follow-up of the same
 * contract and year (CPOM140), amounts received that differ from the amounts the contract plans for the year
 * (CPOM141). Read from the follow-up model (model/follow-up.ts) and the workspace index. No error: no text forbids
 * either; they are points to check before the comité de suivi.
 */
import { AstUtils } from 'langium';
import type * as ast from '../../generated/ast.js';
import type { FollowUp } from '../../model/follow-up.js';
import { formatEuros } from '../../model/numbers.js';
import type { RuleContext } from '../rule-context.js';

/** The last segment of a document's path, as a file name for a message. */
function fileNameOf(node: ast.SuiviAnnuel): string {
    const uri = AstUtils.getDocument(node).uri;
    return decodeURIComponent(uri.path.split('/').pop() ?? uri.toString());
}

/** CPOM140: another `suivi_annuel` of the same contract and year, in this file or another one. */
export function checkSameYearFollowUps(followUp: FollowUp, ctx: RuleContext): void {
    const { node, contract, year } = followUp;
    if (!contract || year === undefined) return;
    const others = ctx.workspace.followUpsOf(contract).filter(other => other !== node && Number(other.year) === year);
    if (others.length === 0) return;
    const here = AstUtils.getDocument(node).uri.toString();
    const files = [...new Set(others.map(o => (AstUtils.getDocument(o).uri.toString() === here ? undefined : fileNameOf(o))))];
    ctx.reporter.report('CPOM140', {
        year,
        where: files.some(f => f === undefined) && files.length === 1
            ? { variant: 'meme_fichier' }
            : { variant: 'autres_fichiers', files: files.filter((f): f is string => f !== undefined) },
    }, { node, property: 'year' });
}

/** CPOM141: an amount received that differs from the amount the contract plans for that line and year. */
export function checkReceivedAgainstPlanned(followUp: FollowUp, ctx: RuleContext): void {
    if (followUp.year === undefined) return;
    for (const r of followUp.received) {
        if (r.plannedCents === undefined || r.receivedCents === undefined || r.differenceCents === undefined || r.differenceCents === 0) continue;
        ctx.reporter.report('CPOM141', {
            funding: r.funding?.title ?? r.node.funding?.$refText ?? '?',
            received: formatEuros(r.receivedCents), planned: formatEuros(r.plannedCents), year: followUp.year,
            difference: `${r.differenceCents > 0 ? '+' : '−'}${formatEuros(Math.abs(r.differenceCents))}`,
        }, { node: r.node, property: 'amount' });
    }
}
