/** The JSON of the diagnostic, the axes, objectives, actions and indicators (docs/json-export.md). */
import { ast, indicatorsOf, indicatorView, type IndicatorView, plain } from '@cpom/language';
import type { ActionJson, AxisJson, DiagnosticJson, IndicatorJson, ObjectiveJson, QuantityJson, YearValueJson } from './cpom-json.js';
import { defined, idOf, readNumber, refId, refIds, valueUnit } from './model.js';

const DIAGNOSTIC_AXES = ['activite', 'organisation', 'ressources', 'qualite'] as const;

/** The four axes of the diagnostic, in a fixed order; a repeated axis (CPOM006) keeps its first text. */
export function diagnosticJson(d: ast.Diagnostic): DiagnosticJson {
    const texts = new Map<string, string>();
    for (const section of d.sections) {
        const axis = plain(section.axis);
        if (section.text !== undefined && !texts.has(axis)) texts.set(axis, section.text);
    }
    return defined<DiagnosticJson>(Object.fromEntries(DIAGNOSTIC_AXES.map(axis => [axis, texts.get(axis)])));
}

export function axisJson(a: ast.Axe): AxisJson {
    return { id: a.name, title: a.title, objectives: a.objectives.map(objectiveJson) };
}

function objectiveJson(o: ast.Objectif): ObjectiveJson {
    const descriptions = o.items.filter(ast.isDescription).map(d => d.text);
    return defined<ObjectiveJson>({
        id: o.name,
        title: o.title,
        // Several `description` clauses are paragraphs of one description.
        description: descriptions.length > 0 ? descriptions.join('\n\n') : undefined,
        establishments: o.items.filter(ast.isConcernes).flatMap(c => refIds(c.establishments)),
        actions: o.items.filter(ast.isAction).map(actionJson),
        indicators: indicatorsOf(o).map(indicatorView).map(indicatorJson),
    });
}

function actionJson(a: ast.Action): ActionJson {
    return defined<ActionJson>({
        id: a.name,
        title: a.title,
        deadline: a.deadline,
        lead: a.lead,
        establishments: refIds(a.establishments),
    });
}

function indicatorJson(i: IndicatorView): IndicatorJson {
    const baseline = i.baseline;
    return defined<IndicatorJson>({
        id: idOf(i.node),
        title: i.title!,
        basedOn: refId(i.node.base),
        unit: i.unit,
        source: i.source,
        formula: i.formula,
        direction: i.direction !== undefined ? plain(i.direction) as IndicatorJson['direction'] : undefined,
        baseline: baseline ? yearValue(baseline.year, baseline.value) : undefined,
        targets: byYear(i.targets.map(t => yearValue(t.year, t.value)).filter((v): v is YearValueJson => v !== undefined)),
    });
}

function yearValue(year: string, value: ast.Valeur | undefined): YearValueJson | undefined {
    const y = readNumber(year);
    const v = readNumber(value?.number);
    if (y === undefined || v === undefined) return undefined;
    return defined<YearValueJson>({ year: y, value: v, unit: valueUnit(value?.unit) });
}

export function quantity(value: ast.Valeur | undefined): QuantityJson | undefined {
    const v = readNumber(value?.number);
    return v === undefined ? undefined : defined<QuantityJson>({ value: v, unit: valueUnit(value?.unit) });
}

/** Sorted by year; stable, so a repeated year keeps the order of the source. */
export function byYear<T extends { year: number }>(items: T[]): T[] {
    return items.map((item, index) => ({ item, index }))
        .sort((a, b) => a.item.year - b.item.year || a.index - b.index)
        .map(x => x.item);
}
