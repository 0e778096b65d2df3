/**
 * Change records: what changed between two versions of a contract, by identity (names, FINESS), in the
 * contract's terms. This is the stable, documented output of `cpom diff --format json`.
 */

export type ChangeKind = 'add' | 'remove' | 'change' | 'rename' | 'move';

/** What kind of change it is for the contract: a substantive one needs an avenant. */
export type ChangeArea =
    | 'identification' | 'duration' | 'parties' | 'signatories' | 'perimeter' | 'diagnostic' | 'objectives'
    | 'indicators' | 'targets' | 'funding' | 'follow-up' | 'avenants';

export interface ChangeRecord {
    readonly kind: ChangeKind;
    /** The element's path by names: `["perimetre", "ESAT_ROMANS", "capacite"]`. */
    readonly path: string[];
    readonly area: ChangeArea;
    /** Needs an avenant (perimeter, objectives, targets, funding, duration, signatories…); else editorial. */
    readonly substantive: boolean;
    readonly old?: unknown;
    readonly new?: unknown;
    /** For a rename: the former name. For a move: the former container. */
    readonly from?: string;
    /** For a rename: the new name. For a move: the new container. */
    readonly to?: string;
    /** What it means, in French, in the contract's units: "cible 2017 de OCCUPATION : 97 % → 98 %". */
    readonly description: string;
}

export interface DiffSummary {
    readonly changes: number;
    readonly substantive: number;
    readonly editorial: number;
    readonly establishmentsAdded: number;
    readonly establishmentsRemoved: number;
    readonly targetsChanged: number;
    /** Total yearly amounts (all funding lines, daily tariffs excluded), old and new, in euros. */
    readonly fundingOld: number;
    readonly fundingNew: number;
    /** One line: "3 établissements ajoutés, 12 cibles modifiées, financement +2,1 %". */
    readonly headline: string;
    /** Whether the changes need an avenant. */
    readonly needsAvenant: boolean;
}

export interface SemanticDiff {
    readonly formatVersion: 1;
    readonly old: { readonly id: string; readonly title: string; readonly label?: string };
    readonly new: { readonly id: string; readonly title: string; readonly label?: string };
    readonly summary: DiffSummary;
    readonly changes: ChangeRecord[];
}
