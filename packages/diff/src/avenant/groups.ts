/**
 * The substantive changes of a diff, grouped as an avenant words them: one group — one article of the avenant —
 * per establishment entering, leaving or changing in the perimeter, per objective, per indicator, and one for the
 * parties and signatories, the means, the follow-up, the duration. Editorial changes are left out.
 */
import type { ChangeRecord, SemanticDiff } from '../change.js';

export type GroupKind =
    | 'frames' | 'parties' | 'establishment' | 'departments' | 'axis' | 'objective' | 'indicator' | 'funding'
    | 'follow-up' | 'duration' | 'other';

export interface ChangeGroup {
    /** `establishment:ESAT_ROMANS`, `indicator:FA01/CONVENTIONS`, `funding`… */
    readonly key: string;
    readonly kind: GroupKind;
    /** The establishment, axis, objective or indicator the group is about. */
    readonly id?: string;
    /** For an indicator: its objective. */
    readonly objective?: string;
    readonly changes: ChangeRecord[];
}

/** Groups in the order of the contract: title page and parties, perimeter, objectives, means, follow-up, duration. */
const ORDER: readonly GroupKind[] = [
    'frames', 'parties', 'establishment', 'departments', 'axis', 'objective', 'indicator', 'funding', 'follow-up', 'duration', 'other',
];

const DURATION_FIELDS = new Set(['dateEffetEngagement', 'dateFinEngagement', 'dateSignatureEngagement']);

function keyOf(change: ChangeRecord, axesAddedOrRemoved: ReadonlySet<string>): Omit<ChangeGroup, 'changes'> {
    const [head, second, third, , fifth, sixth] = change.path;
    switch (head) {
        case 'legalFrames':
            return { key: 'frames', kind: 'frames' };
        case 'parties':
            return { key: 'parties', kind: 'parties' };
        case 'engagement':
            if (second === 'autoriteRegulationEngagement') return { key: 'parties', kind: 'parties' };
            if (DURATION_FIELDS.has(second ?? '')) return { key: 'duration', kind: 'duration' };
            break;
        case 'prorogationEndDate':
            return { key: 'duration', kind: 'duration' };
        case 'departments':
            return { key: 'departments', kind: 'departments' };
        case 'perimeter':
            if (second === 'establishments' && third !== undefined) return { key: `establishment:${third}`, kind: 'establishment', id: third };
            break;
        case 'axes': {
            if (second === undefined) break;
            const objective = third === 'objectives' ? change.path[3] : undefined;
            if (objective === undefined || axesAddedOrRemoved.has(second)) return { key: `axis:${second}`, kind: 'axis', id: second };
            if (fifth === 'indicators' && sixth !== undefined) {
                return { key: `indicator:${objective}/${sixth}`, kind: 'indicator', id: sixth, objective };
            }
            return { key: `objective:${objective}`, kind: 'objective', id: objective };
        }
        case 'funding':
            return { key: 'funding', kind: 'funding' };
        case 'followUp':
            return { key: 'follow-up', kind: 'follow-up' };
    }
    return { key: 'other', kind: 'other' };
}

/**
 * The establishment whose entry or exit a change follows from: an establishment added to or removed from the
 * establishments of an objective, an action or a funding line.
 */
export function consequenceOf(change: ChangeRecord, moving: ReadonlySet<string>): string | undefined {
    const n = change.path.length;
    if (change.path[0] === 'perimeter' || n < 2 || change.path[n - 2] !== 'establishments') return undefined;
    if (change.kind !== 'add' && change.kind !== 'remove') return undefined;
    const id = change.path[n - 1];
    return moving.has(id) ? id : undefined;
}

export function groupChanges(diff: SemanticDiff): ChangeGroup[] {
    const substantive = diff.changes.filter(c => c.substantive);
    const axesAddedOrRemoved = new Set(substantive
        .filter(c => c.path.length === 2 && c.path[0] === 'axes' && (c.kind === 'add' || c.kind === 'remove'))
        .map(c => c.path[1]));
    // An establishment that enters or leaves the perimeter also enters or leaves the lists of establishments of
    // objectives, actions and funding lines: said in its own article, not in one article per objective.
    const moving = new Set(substantive
        .filter(c => c.path.length === 3 && c.path[0] === 'perimeter' && c.path[1] === 'establishments' && (c.kind === 'add' || c.kind === 'remove'))
        .map(c => c.path[2]));
    const groups = new Map<string, ChangeGroup>();
    for (const change of substantive) {
        const follows = consequenceOf(change, moving);
        const key = follows !== undefined
            ? { key: `establishment:${follows}`, kind: 'establishment' as const, id: follows }
            : keyOf(change, axesAddedOrRemoved);
        const group = groups.get(key.key) ?? { ...key, changes: [] };
        group.changes.push(change);
        groups.set(key.key, group);
    }
    // The départements covered follow the establishments that enter or leave: said in the first such article.
    const departments = groups.get('departments');
    const entering = [...groups.values()].find(g => g.kind === 'establishment' && g.changes.some(c => c.path.length === 3 && (c.kind === 'add' || c.kind === 'remove')));
    if (departments && entering) {
        entering.changes.push(...departments.changes);
        groups.delete('departments');
    }
    return [...groups.values()].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
