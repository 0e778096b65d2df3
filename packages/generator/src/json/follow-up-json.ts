/**
 * The JSON of a yearly follow-up (`suivi_annuel du contrat X annee N`), version 1: the types of what `exportFollowUp`
 * produces, for the report of the comité de suivi and for other programs. The JSON Schema
 * `schemas/cpom-suivi-v1.schema.json` describes the same document; the tests validate every bundled follow-up
 * against it. Conventions are those of the contract's JSON (`cpom-json.ts`): identifiers are the names in the
 * contract, enumerated values are keywords without accents, amounts are euros as decimal numbers, percentages are
 * numbers of percent (`1.65` for 1,65 %), arrays are always present and optional fields are left out.
 */
import type { GeneratorJson } from './cpom-json.js';

export const CPOM_SUIVI_JSON_FORMAT_VERSION = 1 as const;
export const CPOM_SUIVI_JSON_SCHEMA_ID = 'https://cpom.example/schemas/cpom-suivi-v1.schema.json';

export type IndicatorStatusJson = 'atteint' | 'en_retard' | 'en_ecart' | 'sans_cible' | 'sans_valeur';

export interface CpomSuiviJson {
    $schema: typeof CPOM_SUIVI_JSON_SCHEMA_ID;
    formatVersion: typeof CPOM_SUIVI_JSON_FORMAT_VERSION;
    generator: GeneratorJson;
    followUp: SuiviFollowUpJson;
}

export interface SuiviFollowUpJson {
    /** Identifier of the contract followed. */
    contract: string;
    contractTitle?: string;
    year: number;
    /** The contract's budget years, prorogation included, when its dates are valid. */
    period?: { firstYear: number; lastYear: number };
    summary: SuiviSummaryJson;
    /** Axes in the contract's order, each with its objectives and their indicators. */
    axes: SuiviAxisJson[];
    activities: SuiviActivityJson[];
    cnr: SuiviCnrJson[];
    received: SuiviReceivedJson[];
    modulations: SuiviModulationJson[];
}

export interface SuiviSummaryJson {
    indicators: number;
    withValue: number;
    atteint: number;
    enRetard: number;
    enEcart: number;
    sansCible: number;
    sansValeur: number;
    establishmentsBelowThreshold: number;
    /** Sum of the reductions computed for the next year, in euros. */
    modulationTotal: number;
}

export interface SuiviAxisJson {
    id: string;
    title?: string;
    objectives: SuiviObjectiveJson[];
}

export interface SuiviObjectiveJson {
    id: string;
    title?: string;
    indicators: SuiviIndicatorJson[];
}

export interface SuiviIndicatorJson {
    id: string;
    title?: string;
    unit?: string;
    direction: 'hausse' | 'baisse' | 'maintien';
    baseline?: { year: number; value: number };
    /** The contract's written targets, in year order: the trajectory a chart draws. */
    targets: Array<{ year: number; value: number }>;
    /** The target of the follow-up's year, and how it was read: written, interpolated or the last one prolonged. */
    target?: { value: number; origin: 'ecrite' | 'interpolee' | 'prolongee' };
    value?: number;
    source?: string;
    comment?: string;
    status: IndicatorStatusJson;
}

export interface SuiviActivityJson {
    establishment: string;
    title?: string;
    finess?: string;
    daysAchieved?: number;
    occupancyRate?: number;
    occupancyOrigin?: 'ecrit' | 'calcule';
    activePatients?: number;
    threshold?: { value: number; origin: 'ecrit' | 'contrat' | 'arrete' | 'objectif' };
    belowThreshold: boolean;
    inPerimeter: boolean;
    comment?: string;
}

export interface SuiviCnrJson {
    title: string;
    spent?: number;
    granted?: number;
    grantYear?: number;
    establishment?: string;
    overspent: boolean;
}

export interface SuiviReceivedJson {
    funding: string;
    title?: string;
    planned?: number;
    received?: number;
    difference?: number;
}

export interface SuiviModulationJson {
    kind: 'ehpad-soins' | 'ehpad-dependance' | 'contractuelle';
    article: 'R.314-160' | 'R.314-174' | 'R.314-43-2';
    confidence: 'V' | 'S' | 'G';
    establishment?: string;
    establishmentTitle?: string;
    funding: string;
    fundingTitle?: string;
    measureYear: number;
    appliedYear: number;
    applies: boolean;
    ratePercent: number;
    amount: number;
    /** The calculation in French, one step a line; `key` names the step for a translation. */
    steps: Array<{ key: string; label: string; expression: string }>;
}
