/**
 * Where an indicator should stand in a given year and whether the value achieved is there: pure functions over
 * the trajectory (baseline and yearly targets) of an indicator, no AST.
 *
 * The target of a year is the contract's target for that year; between two written points (the baseline and the
 * targets) it is interpolated linearly, after the last target it stays at the last one. The status of a value:
 * - `atteint`: at or beyond the target in the indicator's direction (`hausse`: ≥, `baisse`: ≤, `maintien`: within
 *   2 % of the target);
 * - `en_retard`: short of the target but at least where the trajectory stood the year before (one year behind at
 *   most; for `maintien`, within 5 % of the target);
 * - `en_ecart`: further away.
 * These thresholds are a design choice [G] for the dialogue de gestion, not a legal rule: they only inform.
 */

export type IndicatorDirection = 'hausse' | 'baisse' | 'maintien';
export type IndicatorStatus = 'atteint' | 'en_retard' | 'en_ecart' | 'sans_cible';

export interface TrajectoryPoint {
    readonly year: number;
    readonly value: number;
}

export interface TrajectoryInput {
    readonly baseline?: TrajectoryPoint;
    /** Targets in any order; duplicates of a year keep the first. */
    readonly targets: readonly TrajectoryPoint[];
    /** The declared direction; inferred from the trajectory when absent. */
    readonly direction?: IndicatorDirection;
}

export interface YearTarget {
    readonly year: number;
    readonly value: number;
    /** `ecrite`: the contract's target for the year; `interpolee`: read on the trajectory between two points. */
    readonly origin: 'ecrite' | 'interpolee' | 'prolongee';
}

function points(input: TrajectoryInput): TrajectoryPoint[] {
    const byYear = new Map<number, number>();
    for (const t of input.targets) {
        if (!byYear.has(t.year)) byYear.set(t.year, t.value);
    }
    if (input.baseline && !byYear.has(input.baseline.year)) byYear.set(input.baseline.year, input.baseline.value);
    return [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}

/** The target of a year on the trajectory; undefined before the first point or when nothing is written. */
export function targetForYear(input: TrajectoryInput, year: number): YearTarget | undefined {
    const targetYears = new Set(input.targets.map(t => t.year));
    if (targetYears.size === 0) return undefined;
    const all = points(input);
    const exact = input.targets.find(t => t.year === year);
    if (exact) return { year, value: exact.value, origin: 'ecrite' };
    const before = [...all].reverse().find(p => p.year < year);
    const after = all.find(p => p.year > year);
    if (!before) return undefined;
    if (!after) return { year, value: before.value, origin: 'prolongee' };
    const value = before.value + (after.value - before.value) * (year - before.year) / (after.year - before.year);
    return { year, value: Math.round(value * 100) / 100, origin: 'interpolee' };
}

/** The declared direction, or the trend from the first to the last point of the trajectory. */
export function directionOf(input: TrajectoryInput): IndicatorDirection {
    if (input.direction) return input.direction;
    const all = points(input);
    if (all.length < 2) return 'maintien';
    const [first, last] = [all[0].value, all[all.length - 1].value];
    return last > first ? 'hausse' : last < first ? 'baisse' : 'maintien';
}

export interface StatusResult {
    readonly status: IndicatorStatus;
    readonly target?: YearTarget;
    /** Where the trajectory stood the year before (the baseline for the first year): the bound of `en_retard`. */
    readonly previous?: number;
    readonly direction: IndicatorDirection;
}

/** The status of the value achieved in a year against the indicator's trajectory. */
export function indicatorStatus(input: TrajectoryInput, year: number, value: number): StatusResult {
    const direction = directionOf(input);
    const target = targetForYear(input, year);
    if (!target) return { status: 'sans_cible', direction };
    if (direction === 'maintien') {
        const scale = Math.abs(target.value) || 1;
        const off = Math.abs(value - target.value) / scale;
        return { status: off <= 0.02 ? 'atteint' : off <= 0.05 ? 'en_retard' : 'en_ecart', target, direction };
    }
    const previousTarget = targetForYear(input, year - 1)?.value
        ?? (input.baseline && input.baseline.year < year ? input.baseline.value : undefined);
    const sign = direction === 'hausse' ? 1 : -1;
    if (sign * (value - target.value) >= 0) return { status: 'atteint', target, previous: previousTarget, direction };
    const behindOneYear = previousTarget !== undefined && sign * (value - previousTarget) >= 0 && sign * (target.value - previousTarget) > 0;
    return { status: behindOneYear ? 'en_retard' : 'en_ecart', target, previous: previousTarget, direction };
}
