/**
 * The measure a contractual modulation compares with its threshold, for one establishment: the value of the clause's
 * indicator in the follow-up year, or, when the clause names no indicator, the establishment's own activity for its
 * criterion (occupancy, persons accompanied).
 */
import type * as ast from '../generated/ast.js';
import type { ActivityFollowUp } from './follow-up-activity.js';
import type { IndicatorFollowUp, ModulationClause } from './follow-up.js';

interface Measured {
    readonly value: number;
    readonly isRate: boolean;
    /** The indicator's target of the year, when the measure is an indicator's value. */
    readonly target?: number;
    readonly node: ast.ActiviteRealisee | ast.ValeurRealisee;
}

/** The indicator's value of the year; without an indicator, the establishment's occupancy or file active. */
export function measureOf(m: ModulationClause, indicators: readonly IndicatorFollowUp[], activities: readonly ActivityFollowUp[], e: ast.Etablissement | undefined): Measured | undefined {
    const indicator = indicators.find(i => i.node === m.indicator);
    if (m.indicator) {
        if (!indicator || indicator.value === undefined || !indicator.valueNode) return undefined;
        const isRate = indicator.unit === '%' || indicator.valueNode.value?.unit === '%';
        return { value: indicator.value, isRate, target: indicator.target?.value, node: indicator.valueNode };
    }
    const activity = e ? activities.find(a => a.establishment === e) : undefined;
    if (!activity) return undefined;
    if (m.criterion === 'taux_occupation' && activity.occupancy !== undefined) return { value: activity.occupancy, isRate: true, node: activity.node };
    if (m.criterion === 'personnes_accompagnees' && activity.activePatients !== undefined) return { value: activity.activePatients, isRate: false, node: activity.node };
    return undefined;
}
