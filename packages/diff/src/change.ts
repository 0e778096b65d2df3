/**
 * Change records: what changed between two versions of a contract, by identity (names, FINESS), in the
 * contract's terms. This is the stable, documented output of `cpom diff --format json`
 * (schemas/cpom-diff-v1.schema.json, docs/diff.md).
 */

export type ChangeKind = 'add' | 'remove' | 'change' | 'rename' | 'move';

/** What kind of change it is for the contract: a substantive one needs an avenant. */
export type ChangeArea =
    | 'identification' | 'duration' | 'parties' | 'signatories' | 'perimeter' | 'diagnostic' | 'objectives'
    | 'indicators' | 'targets' | 'funding' | 'follow-up' | 'avenants';

export interface ChangeRecord {
    readonly kind: ChangeKind;
    /**
     * Where the element is: the keys of the contract's JSON export, with the element's identity in place of an array
     * index — `["perimeter", "establishments", "ESAT_ROMANS", "capacities", "total", "authorised"]`,
     * `["axes", "A1", "objectives", "FA01", "indicators", "CONVENTIONS", "targets", "2017"]`. For an add, a change or
     * a rename, the identity is the new one; for a remove, the old one.
     */
    readonly path: string[];
    readonly area: ChangeArea;
    /**
     * Needs an avenant (perimeter, objectives, targets, funding, duration, signatories…). False for wording
     * (titles, names, descriptions, the diagnostic), renames of an element that stays the same, and every change
     * inside the avenants (area `avenants`): an avenant is how substantive changes are made.
     */
    readonly substantive: boolean;
    /** The value before (change, remove; the former display name for a rename that also changed it). */
    readonly old?: unknown;
    /** The value after (change, add; the new display name for a rename that also changed it). */
    readonly new?: unknown;
    /** For a rename: the former name. For a move: the former container. */
    readonly from?: string;
    /** For a rename: the new name. For a move: the new container. */
    readonly to?: string;
    /** What it means, in French, in the contract's units: "cible 2017 de « Taux d'occupation » : 97 % → 98 %". */
    readonly description: string;
    /**
     * The number of the avenant, already signed in the old version, that this change edits or removes: the text the
     * parties signed cannot change; what it should say needs a new avenant.
     */
    readonly signedAvenant?: string;
    /** For a table: what changed, without its values ("cible 2017 de « Taux d'occupation »"); absent when the description is all. */
    readonly subject?: string;
    /** For a table: the value before, in the contract's units ("97 %"). */
    readonly before?: string;
    /** For a table: the value after, in the contract's units ("98 %"; an amount with its difference). */
    readonly after?: string;
}

export interface DiffSummary {
    /** Every record: `substantive + editorial + avenantChanges`. */
    readonly changes: number;
    readonly substantive: number;
    /** Not substantive, outside the avenants. */
    readonly editorial: number;
    /** Records in the area `avenants` (avenants added, removed or changed). */
    readonly avenantChanges: number;
    readonly establishmentsAdded: number;
    readonly establishmentsRemoved: number;
    readonly establishmentsRenamed: number;
    /** Yearly targets added, removed or changed. */
    readonly targetsChanged: number;
    readonly avenantsAdded: number;
    readonly avenantsRemoved: number;
    /**
     * Total of the yearly amounts of the contract's funding lines (daily tariffs, CNR and the avenants' lines
     * excluded), old and new, in euros.
     */
    readonly fundingOld: number;
    readonly fundingNew: number;
    /** One line: "3 établissements ajoutés, 12 cibles modifiées, financement +2,1 %", or "aucun changement". */
    readonly headline: string;
    /** Whether the changes need an avenant (substantive changes, or an already signed avenant edited). */
    readonly needsAvenant: boolean;
    /** The numbers of the avenants already signed in the old version that the new version edits or removes. */
    readonly signedAvenantsEdited?: string[];
}

export interface SemanticDiff {
    readonly formatVersion: 1;
    readonly old: { readonly id: string; readonly title: string; readonly label?: string };
    readonly new: { readonly id: string; readonly title: string; readonly label?: string };
    readonly summary: DiffSummary;
    readonly changes: ChangeRecord[];
}
