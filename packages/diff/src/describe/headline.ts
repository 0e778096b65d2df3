/** The one-line headline of a diff: what changed most, counted. */
import { formatNumber, joinFr } from '@cpom/language';
import type { DiffSummary } from '../change.js';
import { formatEurosDelta, NNBSP } from './values.js';

/** "+2,1 %" (one decimal), or the amount when the rate rounds to zero or there was no funding before. */
function fundingChange(before: number, after: number): string {
    const percent = before === 0 ? undefined : ((after - before) / before) * 100;
    if (percent === undefined || Math.round(Math.abs(percent) * 10) === 0) return formatEurosDelta(after - before);
    return `${percent >= 0 ? '+' : '−'}${formatNumber(Math.round(Math.abs(percent) * 10) / 10)}${NNBSP}%`;
}

/**
 * "3 établissements ajoutés, 12 cibles modifiées, financement +2,1 %": establishments, targets and funding first,
 * then the other substantive changes, the avenants and the editorial changes. `fundingChangesShown` is the number of
 * substantive records that the funding rate sums up (yearly amounts, lines added or removed).
 */
export function headline(summary: Omit<DiffSummary, 'headline'>, fundingChangesShown = 0): string {
    const parts: string[] = [];
    const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
    if (summary.establishmentsAdded > 0) parts.push(plural(summary.establishmentsAdded, 'établissement ajouté', 'établissements ajoutés'));
    if (summary.establishmentsRemoved > 0) parts.push(plural(summary.establishmentsRemoved, 'établissement retiré', 'établissements retirés'));
    if (summary.targetsChanged > 0) parts.push(plural(summary.targetsChanged, 'cible modifiée', 'cibles modifiées'));
    const fundingChanged = summary.fundingOld !== summary.fundingNew;
    if (fundingChanged) parts.push(`financement ${fundingChange(summary.fundingOld, summary.fundingNew)}`);
    const shown = summary.establishmentsAdded + summary.establishmentsRemoved + summary.targetsChanged + (fundingChanged ? fundingChangesShown : 0);
    const others = summary.substantive - shown;
    if (others > 0) {
        parts.push(parts.length === 0
            ? plural(others, 'changement de fond', 'changements de fond')
            : plural(others, 'autre changement de fond', 'autres changements de fond'));
    }
    const signed = summary.signedAvenantsEdited ?? [];
    if (signed.length > 0) parts.push(`${signed.length > 1 ? 'avenants' : 'avenant'} ${joinFr(signed.map(n => `n° ${n}`))} déjà ${signed.length > 1 ? 'signés modifiés' : 'signé modifié'}`);
    if (summary.avenantsAdded > 0) parts.push(plural(summary.avenantsAdded, 'avenant ajouté', 'avenants ajoutés'));
    if (summary.avenantsRemoved > 0) parts.push(plural(summary.avenantsRemoved, 'avenant retiré', 'avenants retirés'));
    const avenantEdits = summary.avenantChanges - summary.avenantsAdded - summary.avenantsRemoved;
    if (avenantEdits > 0) parts.push(plural(avenantEdits, 'modification d\'avenant', 'modifications d\'avenants'));
    if (summary.editorial > 0) parts.push(plural(summary.editorial, 'changement rédactionnel', 'changements rédactionnels'));
    return parts.length === 0 ? 'aucun changement' : parts.join(', ');
}
