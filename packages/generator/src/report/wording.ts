/** The French words of the follow-up report: statuses, values with their unit, labels that stand for a missing title. */
import { formatEuros, formatNumber, type FollowUp, type IndicatorFollowUp } from '@cpom/language';

export const STATUS_LABELS: Record<IndicatorFollowUp['status'], string> = {
    atteint: 'Atteint', en_retard: 'En retard', en_ecart: 'En écart', sans_cible: 'Sans cible', sans_valeur: 'Sans valeur',
};

/** `95,1 %`, `58 personnes/an`, `—` when there is none. */
export function valueText(value: number | undefined, unit: string | undefined): string {
    if (value === undefined) return '—';
    return unit ? `${formatNumber(value)}\u00A0${unit}` : formatNumber(value);
}

export function eurosText(cents: number | undefined): string {
    return cents === undefined ? '—' : formatEuros(cents);
}

/** An indicator's label: its title, never its identifier. */
export function indicatorLabel(i: Pick<IndicatorFollowUp, 'title'>): string {
    return i.title ?? 'Indicateur sans intitulé';
}

export function namedLabel(named: { readonly title?: string } | undefined, fallback: string): string {
    return named?.title ?? fallback;
}

/** « n indicateurs atteints sur m ». */
export function achievedSentence(followUp: FollowUp): string {
    const s = followUp.summary;
    return `${s.atteint} indicateur${s.atteint > 1 ? 's' : ''} atteint${s.atteint > 1 ? 's' : ''} sur ${s.indicators}`;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
    return `${n} ${n > 1 ? pluralForm : singular}`;
}
