/**
 * Maps the follow-up model (`followUpOf` in @cpom/language) to its JSON (`follow-up-json.ts`, schema
 * `schemas/cpom-suivi-v1.schema.json`). Pure: the caller loads the files and gives the follow-up.
 */
import type { FollowUp, IndicatorFollowUp } from '@cpom/language';
import { establishmentFacts } from '@cpom/language';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version.js';
import {
    type SuiviAxisJson, CPOM_SUIVI_JSON_FORMAT_VERSION, CPOM_SUIVI_JSON_SCHEMA_ID, type CpomSuiviJson, type SuiviIndicatorJson,
} from './follow-up-json.js';

const euros = (cents: number): number => cents / 100;
const optionalEuros = (cents: number | undefined): number | undefined => (cents === undefined ? undefined : euros(cents));

/** Drops the keys whose value is undefined, so that optional fields are left out. */
function defined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function exportFollowUp(followUp: FollowUp): CpomSuiviJson {
    const { period } = followUp;
    const last = period ? Math.max(period.lastYear, period.prorogation?.year ?? period.lastYear) : undefined;
    const s = followUp.summary;
    return {
        $schema: CPOM_SUIVI_JSON_SCHEMA_ID,
        formatVersion: CPOM_SUIVI_JSON_FORMAT_VERSION,
        generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
        followUp: defined({
            contract: followUp.contract?.name ?? followUp.node.contract?.$refText ?? '',
            contractTitle: followUp.contract?.title,
            year: followUp.year ?? 0,
            period: period && last !== undefined ? { firstYear: period.firstYear, lastYear: last } : undefined,
            summary: {
                indicators: s.indicators, withValue: s.withValue, atteint: s.atteint, enRetard: s.enRetard, enEcart: s.enEcart,
                sansCible: s.sansCible, sansValeur: s.sansValeur, establishmentsBelowThreshold: s.establishmentsBelowThreshold,
                modulationTotal: euros(s.modulationCents),
            },
            axes: axes(followUp.indicators),
            activities: followUp.activities.map(a => defined({
                establishment: a.establishment?.name ?? a.node.establishment?.$refText ?? '',
                title: a.establishment?.title,
                finess: a.establishment ? establishmentFacts(a.establishment).finess : undefined,
                daysAchieved: a.days, occupancyRate: a.occupancy, occupancyOrigin: a.occupancyOrigin, activePatients: a.activePatients,
                threshold: a.threshold ? { value: a.threshold.value, origin: a.threshold.origin } : undefined,
                belowThreshold: a.belowThreshold, inPerimeter: a.inPerimeter, comment: a.comment,
            })),
            cnr: followUp.cnr.map(c => defined({
                title: c.title ?? '', spent: optionalEuros(c.spentCents), granted: optionalEuros(c.grantedCents),
                grantYear: c.granted?.year, establishment: c.granted?.establishment?.name, overspent: c.overspent,
            })),
            received: followUp.received.map(r => defined({
                funding: r.funding?.name ?? r.node.funding?.$refText ?? '', title: r.funding?.title,
                planned: optionalEuros(r.plannedCents), received: optionalEuros(r.receivedCents), difference: optionalEuros(r.differenceCents),
            })),
            modulations: followUp.modulations.map(m => defined({
                kind: m.kind, article: m.article, confidence: m.confidence,
                establishment: m.establishment?.name, establishmentTitle: m.establishment?.title,
                funding: m.funding.name, fundingTitle: m.funding.title,
                measureYear: m.measureYear, appliedYear: m.appliedYear, applies: m.calculation.applies,
                ratePercent: m.calculation.ratePercent, amount: euros(m.calculation.amountCents),
                steps: m.calculation.steps.map(step => ({ key: step.key, label: step.label, expression: step.expression })),
            })),
        }),
    };
}

function axes(indicators: readonly IndicatorFollowUp[]): SuiviAxisJson[] {
    const result: SuiviAxisJson[] = [];
    for (const i of indicators) {
        const axisId = i.axis?.name ?? '';
        let axis = result.find(a => a.id === axisId);
        if (!axis) {
            axis = defined({ id: axisId, title: i.axis?.title, objectives: [] });
            result.push(axis);
        }
        const objectiveId = i.objective?.name ?? '';
        let objective = axis.objectives.find(o => o.id === objectiveId);
        if (!objective) {
            objective = defined({ id: objectiveId, title: i.objective?.title, indicators: [] });
            axis.objectives.push(objective);
        }
        objective.indicators.push(indicatorJson(i));
    }
    return result;
}

function indicatorJson(i: IndicatorFollowUp): SuiviIndicatorJson {
    return defined({
        id: i.name, title: i.title, unit: i.unit, direction: i.direction,
        baseline: i.trajectory.baseline ? { year: i.trajectory.baseline.year, value: i.trajectory.baseline.value } : undefined,
        targets: [...i.trajectory.targets].sort((a, b) => a.year - b.year).map(t => ({ year: t.year, value: t.value })),
        target: i.target ? { value: i.target.value, origin: i.target.origin } : undefined,
        value: i.value, source: i.source, comment: i.comment, status: i.status,
    });
}
