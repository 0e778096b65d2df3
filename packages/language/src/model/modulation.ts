/**
 * The modulation of a funding on the activity achieved, as pure arithmetic on numbers: the calculation records
 * that the follow-up model (`follow-up.ts`), the hover and the report show step by step. No AST here.
 *
 * - EHPAD, regulatory (CASF R.314-160 for the forfait global soins, R.314-174 for the forfait global dépendance):
 *   when the occupancy of permanent places is below the threshold fixed by arrêté, the percentage of reduction
 *   « est égal à la moitié de la différence entre le seuil […] et le taux d'occupation » (R.314-174 3°, read in its
 *   version of 24 Dec 2016 [V]); R.314-160 says the same for the soins [S: its 3° was read in a consolidated copy
 *   whose wording of the condition differs]. The reduction applies to the tarification of the current year and
 *   takes the last known occupancy: the activity of year N modulates the forfait of N + 1. No modulation for 2017
 *   (décret n° 2016-1814, transitional article [V]).
 * - Contractual (R.314-43-2): the contract sets the share of the gap between the activity target and the last known
 *   activity that is taken off (at most half). For a rate in %, the gap is in points; for a count (persons,
 *   prestations), the gap is relative to the target. A contract may also write its formula (`formule`): half of the
 *   gap (`demi_ecart`), or a fixed abattement once the activity is below the threshold (`forfaitaire`: a share of
 *   the base in %, or an amount in euros, never more than the base).
 *
 * Amounts are exact cents; rates are handled in hundredths of a point so that 95 % − 91,7 % is 3,3 points exactly.
 */
import { formatEuros, formatNumber } from './numbers.js';

/** One line of a calculation, in French (the report translates by `key` when it needs another language). */
export interface CalculationStep {
    readonly key: 'measure' | 'threshold' | 'gap' | 'rate' | 'base' | 'amount' | 'not-applied';
    readonly label: string;
    /** The operation with its numbers, e.g. « ½ × (95 % − 91,7 %) = 1,65 % ». */
    readonly expression: string;
}

export type ModulationKind = 'ehpad-soins' | 'ehpad-dependance' | 'contractuelle';

export interface ModulationCalculation {
    /** Whether a reduction results (activity below its threshold, a year where the text applies, a base known). */
    readonly applies: boolean;
    /** Percentage of the base taken off (e.g. 1.65 for 1,65 %); 0 when nothing applies. */
    readonly ratePercent: number;
    /** The amount taken off, in cents (0 when nothing applies). */
    readonly amountCents: number;
    readonly steps: readonly CalculationStep[];
}

/** Hundredths of a point, so that differences of rates written with two decimals are exact. */
function hundredths(value: number): number {
    return Math.round(value * 100);
}

function percent(value: number): string {
    return `${formatNumber(Math.round(value * 10000) / 10000)} %`;
}

export interface EhpadModulationInput {
    readonly kind: 'ehpad-soins' | 'ehpad-dependance';
    /** Occupancy of permanent places measured in the year, in %. */
    readonly occupancy: number;
    /** Threshold of the arrêté, in %. */
    readonly threshold: number;
    /** The establishment's share of the forfait for the year the modulation applies to, in cents (if known). */
    readonly baseCents: number | undefined;
    /** How the base was found (share of a distribution, line amount), shown before it. */
    readonly baseExplanation?: string;
    /** The year whose tarification is modulated (measure year + 1). */
    readonly appliedYear: number;
    /** Where the threshold comes from, when not the arrêté (`Seuil fixé par le contrat`). */
    readonly thresholdLabel?: string;
}

/** R.314-160 / R.314-174: reduction = ½ × (seuil − taux) of the forfait, when the rate is below the threshold. */
export function ehpadModulation(input: EhpadModulationInput): ModulationCalculation {
    const steps: CalculationStep[] = [
        { key: 'measure', label: "Taux d'occupation de l'hébergement permanent", expression: percent(input.occupancy) },
        { key: 'threshold', label: input.thresholdLabel ?? "Seuil fixé par arrêté", expression: percent(input.threshold) },
    ];
    if (input.appliedYear <= 2017) {
        steps.push({ key: 'not-applied', label: 'Pas de modulation', expression: "La modulation selon l'activité ne s'applique pas à l'exercice 2017 (décret n° 2016-1814)." });
        return { applies: false, ratePercent: 0, amountCents: 0, steps };
    }
    const gap = hundredths(input.threshold) - hundredths(input.occupancy);
    if (gap <= 0) {
        steps.push({ key: 'not-applied', label: 'Pas de minoration', expression: `${percent(input.occupancy)} ≥ ${percent(input.threshold)} : le taux atteint le seuil.` });
        return { applies: false, ratePercent: 0, amountCents: 0, steps };
    }
    const rate = gap / 200; // ½ × gap, gap in hundredths of a point
    steps.push({ key: 'gap', label: 'Écart au seuil', expression: `${percent(input.threshold)} − ${percent(input.occupancy)} = ${percent(gap / 100)}` });
    steps.push({ key: 'rate', label: 'Pourcentage de minoration', expression: `½ × ${percent(gap / 100)} = ${percent(rate)}` });
    return withBase(rate, input, steps);
}

export interface ContractualModulationInput {
    /** The activity achieved (the indicator's value for the year). */
    readonly measure: number;
    /** The activity target of the year. */
    readonly target: number;
    /** Whether measure and target are rates in % (gap in points) or counts (gap relative to the target). */
    readonly isRate: boolean;
    /** Share of the gap taken off, in % (`abattement 50 %`); with `forfaitaire`, the share of the base. */
    readonly abattement: number;
    readonly baseCents: number | undefined;
    readonly baseExplanation?: string;
    readonly appliedYear: number;
    /** The contract's formula; `proportionnelle` (abattement × gap) when it writes none. */
    readonly formula?: 'proportionnelle' | 'demi_ecart' | 'forfaitaire';
    /** With `forfaitaire`, a fixed abattement in cents (`abattement 20 000 €`) instead of a share of the base. */
    readonly fixedCents?: number;
    /** The label of the threshold step: the target of the year unless the contract writes its `seuil`. */
    readonly thresholdLabel?: string;
}

/**
 * R.314-43-2: reduction = abattement × gap between the activity target and the activity achieved, or the formula
 * the contract writes (half of the gap, or a fixed abattement).
 */
export function contractualModulation(input: ContractualModulationInput): ModulationCalculation {
    const unit = input.isRate ? ' %' : '';
    const show = (v: number) => `${formatNumber(v)}${unit}`;
    const steps: CalculationStep[] = [
        { key: 'measure', label: 'Activité réalisée', expression: show(input.measure) },
        { key: 'threshold', label: input.thresholdLabel ?? "Objectif d'activité de l'année", expression: show(input.target) },
    ];
    if (input.measure >= input.target || input.target <= 0) {
        steps.push({ key: 'not-applied', label: "Pas d'abattement", expression: `${show(input.measure)} ≥ ${show(input.target)} : l'objectif est atteint.` });
        return { applies: false, ratePercent: 0, amountCents: 0, steps };
    }
    if (input.formula === 'forfaitaire') return fixedAbattement(input, `${show(input.measure)} < ${show(input.target)}`, steps);
    let gapPercent: number;
    if (input.isRate) {
        gapPercent = (hundredths(input.target) - hundredths(input.measure)) / 100;
        steps.push({ key: 'gap', label: "Écart à l'objectif", expression: `${show(input.target)} − ${show(input.measure)} = ${percent(gapPercent)}` });
    } else {
        gapPercent = Math.round((input.target - input.measure) / input.target * 1e6) / 1e4;
        steps.push({ key: 'gap', label: "Écart relatif à l'objectif", expression: `(${show(input.target)} − ${show(input.measure)}) / ${show(input.target)} = ${percent(gapPercent)}` });
    }
    if (input.formula === 'demi_ecart') {
        const half = Math.round(gapPercent * 5000) / 10000;
        steps.push({ key: 'rate', label: "Pourcentage d'abattement", expression: `½ × ${percent(gapPercent)} = ${percent(half)}` });
        return withBase(half, input, steps);
    }
    const rate = Math.round(input.abattement * gapPercent * 100) / 10000;
    steps.push({ key: 'rate', label: "Pourcentage d'abattement", expression: `${percent(input.abattement)} × ${percent(gapPercent)} = ${percent(rate)}` });
    return withBase(rate, input, steps);
}

/** `forfaitaire`: once below the threshold, a fixed share of the base or a fixed amount (at most the base). */
function fixedAbattement(input: ContractualModulationInput, below: string, steps: CalculationStep[]): ModulationCalculation {
    if (input.fixedCents === undefined) {
        steps.push({ key: 'rate', label: 'Abattement forfaitaire', expression: `${below} : ${percent(input.abattement)}` });
        return withBase(input.abattement, input, steps);
    }
    const { baseCents, appliedYear } = input;
    const amountCents = baseCents === undefined ? input.fixedCents : Math.min(input.fixedCents, baseCents);
    steps.push({ key: 'rate', label: 'Abattement forfaitaire', expression: `${below} : ${formatEuros(input.fixedCents)}` });
    if (baseCents !== undefined) {
        steps.push({ key: 'base', label: `Montant ${appliedYear} modulé`, expression: input.baseExplanation ? `${input.baseExplanation} = ${formatEuros(baseCents)}` : formatEuros(baseCents) });
    }
    const capped = baseCents !== undefined && input.fixedCents > baseCents ? ` (plafonné au montant modulé)` : '';
    steps.push({ key: 'amount', label: 'Minoration', expression: `${formatEuros(amountCents)}${capped}` });
    const ratePercent = baseCents ? Math.round(amountCents / baseCents * 1e6) / 1e4 : 0;
    return { applies: true, ratePercent, amountCents, steps };
}

function withBase(ratePercent: number, input: { baseCents: number | undefined; baseExplanation?: string; appliedYear: number }, steps: CalculationStep[]): ModulationCalculation {
    const { baseCents, appliedYear } = input;
    if (baseCents === undefined) {
        steps.push({ key: 'not-applied', label: 'Montant non calculé', expression: `Le montant ${appliedYear} de la ligne pour cet établissement n'est pas connu.` });
        return { applies: true, ratePercent, amountCents: 0, steps };
    }
    const amountCents = Math.round(baseCents * ratePercent / 100);
    steps.push({ key: 'base', label: `Montant ${appliedYear} modulé`, expression: input.baseExplanation ? `${input.baseExplanation} = ${formatEuros(baseCents)}` : formatEuros(baseCents) });
    steps.push({ key: 'amount', label: 'Minoration', expression: `${formatEuros(baseCents)} × ${percent(ratePercent)} = ${formatEuros(amountCents)}` });
    return { applies: true, ratePercent, amountCents, steps };
}
