/**
 * The substantive changes of a diff, grouped as an avenant words them: one group — one article of the avenant —
 * per establishment entering, leaving or changing in the perimeter, per objective, per indicator, and one for the
 * parties and signatories, the means, the follow-up, the duration. Editorial changes are left out.
 *
 * Each record's path is parsed once (change-path.ts); a group holds its records with their places, typed by the
 * group's kind, so that each drafter switches exhaustively over the places it can meet.
 */
import type { ChangeRecord, SemanticDiff } from '../change.js';
import { type ChangePath, parseChangePath, unhandledPlace } from '../change-path.js';

/** A change record and the place it is about. */
export interface Placed<P extends ChangePath = ChangePath> {
    readonly change: ChangeRecord;
    readonly place: P;
}

type PlaceOf<K extends ChangePath['kind']> = Extract<ChangePath, { kind: K }>;

export type FramesPlace = PlaceOf<'legal-frame'>;
export type PartiesPlace = PlaceOf<'gestionnaire' | 'authority' | 'authority-department' | 'signatory'>;
/** Where an establishment entering or leaving the perimeter is also listed (objectives, actions, funding lines). */
export type ConsequencePlace = PlaceOf<'objective-establishment' | 'action-establishment' | 'funding-line-establishment'>;
export type EstablishmentPlace = PlaceOf<'establishment' | 'capacity' | 'tarification-authority' | 'department'> | ConsequencePlace;
export type DepartmentsPlace = PlaceOf<'department'>;
export type ObjectivePlace = PlaceOf<'objective' | 'objective-establishment' | 'action' | 'action-establishment'>;
export type IndicatorPlace = PlaceOf<'indicator' | 'indicator-target'>;
export type AxisPlace = PlaceOf<'axis'> | ObjectivePlace | IndicatorPlace;
export type FundingPlace = PlaceOf<
    'funding-line' | 'funding-actualisation' | 'funding-line-establishment' | 'funding-amount' | 'funding-distribution' | 'funding-share'
    | 'cnr' | 'modulation' | 'head-office-costs'
>;
export type FollowUpPlace = PlaceOf<'committee' | 'committee-member' | 'management-dialogue' | 'review' | 'gmp-pmp-evaluation' | 'transmission'>;
export type DurationPlace = PlaceOf<'duration'>;
export type ClausePlace = PlaceOf<'clause'>;
export type VisaPlace = PlaceOf<'visa'>;

interface GroupOf<K extends string, P extends ChangePath> {
    /** `establishment:ESAT_ROMANS`, `indicator:FA01/CONVENTIONS`, `funding`… */
    readonly key: string;
    readonly kind: K;
    /** The establishment, axis, objective or indicator the group is about. */
    readonly id?: string;
    /** For an indicator: its objective. */
    readonly objective?: string;
    readonly changes: ChangeRecord[];
    /** The same records with their places, in the same order. */
    readonly placed: Array<Placed<P>>;
}

/**
 * A group of changes by kind. `other` gathers the substantive records of no article of the contract (none today:
 * the tests assert it); its drafter names each change in a visible sentence.
 */
export type ChangeGroup =
    | GroupOf<'frames', FramesPlace>
    | GroupOf<'parties', PartiesPlace>
    | GroupOf<'establishment', EstablishmentPlace>
    | GroupOf<'departments', DepartmentsPlace>
    | GroupOf<'axis', AxisPlace>
    | GroupOf<'objective', ObjectivePlace>
    | GroupOf<'indicator', IndicatorPlace>
    | GroupOf<'funding', FundingPlace>
    | GroupOf<'follow-up', FollowUpPlace>
    | GroupOf<'duration', DurationPlace>
    | GroupOf<'clauses', ClausePlace>
    | GroupOf<'visas', VisaPlace>
    | GroupOf<'other', ChangePath>;

export type GroupKind = ChangeGroup['kind'];

/** Groups in the order of the contract: title page and parties, perimeter, objectives, means, follow-up, duration. */
const ORDER: readonly GroupKind[] = [
    'frames', 'visas', 'parties', 'establishment', 'departments', 'axis', 'objective', 'indicator', 'funding', 'follow-up', 'clauses', 'duration', 'other',
];

type GroupKey = Pick<ChangeGroup, 'key' | 'kind' | 'id' | 'objective'>;

function keyOf(place: ChangePath, axesAddedOrRemoved: ReadonlySet<string>): GroupKey {
    // Inside an avenant, nothing is substantive: such a record reaches no article.
    if (place.avenant !== undefined) return { key: 'other', kind: 'other' };
    switch (place.kind) {
        case 'legal-frame':
            return { key: 'frames', kind: 'frames' };
        case 'gestionnaire':
        case 'authority':
        case 'authority-department':
        case 'signatory':
            return { key: 'parties', kind: 'parties' };
        case 'duration':
            return { key: 'duration', kind: 'duration' };
        case 'department':
            return { key: 'departments', kind: 'departments' };
        case 'establishment':
        case 'capacity':
        case 'tarification-authority':
            return { key: `establishment:${place.establishment}`, kind: 'establishment', id: place.establishment };
        case 'axis':
            return { key: `axis:${place.axis}`, kind: 'axis', id: place.axis };
        case 'objective':
        case 'objective-establishment':
        case 'action':
        case 'action-establishment':
        case 'indicator':
        case 'indicator-target':
            if (axesAddedOrRemoved.has(place.axis)) return { key: `axis:${place.axis}`, kind: 'axis', id: place.axis };
            if (place.kind === 'indicator' || place.kind === 'indicator-target') {
                return { key: `indicator:${place.objective}/${place.indicator}`, kind: 'indicator', id: place.indicator, objective: place.objective };
            }
            return { key: `objective:${place.objective}`, kind: 'objective', id: place.objective };
        case 'funding-line':
        case 'funding-actualisation':
        case 'funding-line-establishment':
        case 'funding-amount':
        case 'funding-distribution':
        case 'funding-share':
        case 'cnr':
        case 'modulation':
        case 'head-office-costs':
            return { key: 'funding', kind: 'funding' };
        case 'committee':
        case 'committee-member':
        case 'management-dialogue':
        case 'review':
        case 'gmp-pmp-evaluation':
        case 'transmission':
            return { key: 'follow-up', kind: 'follow-up' };
        case 'clause':
            return { key: 'clauses', kind: 'clauses' };
        case 'visa':
            return { key: 'visas', kind: 'visas' };
        case 'contract-field':
        case 'diagnostic':
        case 'avenant':
        case 'avenant-withdrawal':
        case 'unknown':
            return { key: 'other', kind: 'other' };
        default:
            return unhandledPlace(place);
    }
}

/**
 * The establishment whose entry or exit a change follows from: an establishment added to or removed from the
 * establishments of an objective, an action or a funding line.
 */
export function consequenceOf(change: ChangeRecord, place: ChangePath, moving: ReadonlySet<string>): string | undefined {
    if (change.kind !== 'add' && change.kind !== 'remove') return undefined;
    if (place.kind !== 'objective-establishment' && place.kind !== 'action-establishment' && place.kind !== 'funding-line-establishment') return undefined;
    return moving.has(place.establishment) ? place.establishment : undefined;
}

/** Whether a record adds or removes a whole element of a kind (not one of its fields), outside the avenants. */
function isWhole(placed: Placed, kind: ChangePath['kind']): boolean {
    const { change, place } = placed;
    return place.kind === kind && place.avenant === undefined && (change.kind === 'add' || change.kind === 'remove')
        && !('field' in place && place.field !== undefined);
}

export function groupChanges(diff: SemanticDiff): ChangeGroup[] {
    const substantive: Placed[] = diff.changes.filter(c => c.substantive).map(change => ({ change, place: parseChangePath(change.path) }));
    const axesAddedOrRemoved = new Set(substantive.flatMap(p => (isWhole(p, 'axis') && p.place.kind === 'axis' ? [p.place.axis] : [])));
    // An establishment that enters or leaves the perimeter also enters or leaves the lists of establishments of
    // objectives, actions and funding lines: said in its own article, not in one article per objective.
    const moving = new Set(substantive.flatMap(p => (isWhole(p, 'establishment') && p.place.kind === 'establishment' ? [p.place.establishment] : [])));
    const groups = new Map<string, ChangeGroup>();
    for (const placed of substantive) {
        const follows = consequenceOf(placed.change, placed.place, moving);
        const key: GroupKey = follows !== undefined
            ? { key: `establishment:${follows}`, kind: 'establishment', id: follows }
            : keyOf(placed.place, axesAddedOrRemoved);
        const group = groups.get(key.key) ?? { ...key, changes: [], placed: [] } as ChangeGroup;
        group.changes.push(placed.change);
        // The key was chosen from the place's kind: the place belongs to the group's kind.
        (group.placed as Placed[]).push(placed);
        groups.set(key.key, group);
    }
    // The départements covered follow the establishments that enter or leave: said in the first such article.
    const departments = groups.get('departments');
    const entering = [...groups.values()].find(g => g.kind === 'establishment' && g.placed.some(p => isWhole(p, 'establishment')));
    if (departments?.kind === 'departments' && entering?.kind === 'establishment') {
        entering.changes.push(...departments.changes);
        entering.placed.push(...departments.placed);
        groups.delete('departments');
    }
    return [...groups.values()].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
