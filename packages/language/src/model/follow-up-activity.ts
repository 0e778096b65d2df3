/**
 * The activity of one establishment in a follow-up year: days achieved, occupancy (written, or computed from the
 * days and the funded permanent places), file active, and the threshold below which its funding is modulated.
 */
import * as ast from '../generated/ast.js';
import { establishmentFacts, propsOf } from './contract.js';
import { plain } from './french.js';
import { type ModulationClause, modulatedEstablishments } from './follow-up.js';
import type { IndicatorFollowUp } from './follow-up.js';
import { parseNumber } from './numbers.js';

/** The EHPAD threshold when the follow-up writes none: 95 % (arrêté du 4 septembre 2017, from 2024 and for EHPAD at or above their équation tarifaire) [S]. */
export const DEFAULT_EHPAD_THRESHOLD = 95;

export interface ActivityThreshold {
    readonly value: number;
    /**
     * `ecrit`: the follow-up's `seuil`; `contrat`: the `seuil` of the contract's modulation clause for the
     * establishment; `arrete`: the default EHPAD threshold; `objectif`: the target of the modulation's indicator.
     */
    readonly origin: 'ecrit' | 'contrat' | 'arrete' | 'objectif';
}

export interface ActivityFollowUp {
    readonly node: ast.ActiviteRealisee;
    readonly establishment?: ast.Etablissement;
    readonly days?: number;
    /** Occupancy in %, written or computed. */
    readonly occupancy?: number;
    readonly occupancyOrigin?: 'ecrit' | 'calcule';
    /** Permanent places used to compute the occupancy, and days of the year. */
    readonly places?: number;
    readonly daysInYear?: number;
    readonly activePatients?: number;
    readonly threshold?: ActivityThreshold;
    readonly belowThreshold: boolean;
    readonly comment?: string;
    /** Whether the establishment was in the perimeter during the year (avenants included); true when unknown. */
    readonly inPerimeter: boolean;
}

function isLeap(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Funded (else authorised) permanent places: the denominator of R.314-160 1° and R.314-174 1°. */
function permanentPlaces(e: ast.Etablissement): number | undefined {
    const capacities = establishmentFacts(e).capacities;
    const permanent = capacities.filter(c => c.modality !== undefined && plain(c.modality) === 'hebergement_permanent');
    const chosen = permanent.length > 0 ? permanent : capacities.length === 1 ? capacities : [];
    if (chosen.length === 0) return undefined;
    return chosen.reduce((sum, c) => sum + (parseNumber(c.funded ?? c.authorised) ?? 0), 0) || undefined;
}

export function activityOf(
    node: ast.ActiviteRealisee, year: number | undefined, perimeter: ReadonlySet<ast.Etablissement>,
    modulations: ReadonlyArray<{ clause: ModulationClause; target: IndicatorFollowUp | undefined }>,
): ActivityFollowUp {
    const e = node.establishment?.ref;
    const days = parseNumber((node.props ?? []).find(ast.isJourneesRealisees)?.value);
    const writtenRate = parseNumber((node.props ?? []).find(ast.isTauxOccupation)?.value?.number);
    const places = e ? permanentPlaces(e) : undefined;
    const daysInYear = year === undefined ? undefined : isLeap(year) ? 366 : 365;
    let occupancy = writtenRate;
    let occupancyOrigin: ActivityFollowUp['occupancyOrigin'] = writtenRate === undefined ? undefined : 'ecrit';
    if (occupancy === undefined && days !== undefined && places && daysInYear) {
        occupancy = Math.round(days / (places * daysInYear) * 10000) / 100;
        occupancyOrigin = 'calcule';
    }
    const threshold = thresholdOf(node, e, modulations);
    return {
        node, establishment: e, days, occupancy, occupancyOrigin, places, daysInYear,
        activePatients: parseNumber((node.props ?? []).find(ast.isFileActive)?.value),
        threshold,
        belowThreshold: occupancy !== undefined && threshold !== undefined && occupancy < threshold.value,
        comment: (node.props ?? []).find(ast.isCommentaireActivite)?.text,
        inPerimeter: !e || year === undefined || perimeter.size === 0 || perimeter.has(e),
    };
}

function thresholdOf(
    node: ast.ActiviteRealisee, e: ast.Etablissement | undefined,
    modulations: ReadonlyArray<{ clause: ModulationClause; target: IndicatorFollowUp | undefined }>,
): ActivityThreshold | undefined {
    const written = parseNumber((node.props ?? []).find(ast.isSeuilModulation)?.value?.number);
    if (written !== undefined) return { value: written, origin: 'ecrit' };
    if (!e) return undefined;
    // An occupancy threshold the contract writes for the establishment (its clause names it, or its line funds it).
    for (const { clause } of modulations) {
        const threshold = clause.view.threshold;
        const occupancy = clause.criterion === undefined || clause.criterion === 'taux_occupation';
        if (threshold?.unit === '%' && occupancy && modulatedEstablishments(clause).includes(e)) return { value: threshold.value, origin: 'contrat' };
    }
    const category = establishmentFacts(e).category?.key;
    if (category === 'EHPAD' || category === 'PUV') return { value: DEFAULT_EHPAD_THRESHOLD, origin: 'arrete' };
    for (const { clause, target } of modulations) {
        const funded = clause.funding ? propsOf(clause.funding, ast.isConcernes).some(c => (c.establishments ?? []).some(r => r?.ref === e)) : false;
        if (clause.contractual && funded && clause.criterion === 'taux_occupation' && target?.target) return { value: target.target.value, origin: 'objectif' };
    }
    return undefined;
}
