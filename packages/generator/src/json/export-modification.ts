/** The JSON of a `modifie X { … }` clause of an avenant (format 2, docs/json-export.md). */
import { ast, indicatorView, modificationPropApplies, modificationTargetKind, plain } from '@cpom/language';
import type { CapacityJson, ModificationJson, YearAmountJson, YearValueJson } from './cpom-json.js';
import { byYear, defined, readNumber, refId } from './model.js';
import { actionJson, indicatorJson, yearValue } from './export-objectives.js';
import { yearAmount } from './export-funding.js';

/**
 * A `modifie X { … }` of an avenant: the target and what it becomes, in the shapes of the target's own export (the
 * clauses that apply to the target only; model/consolidation.ts says how each one is applied).
 */
export function modificationJson(m: ast.Modification): ModificationJson {
    const target = m.target?.ref;
    const kind = modificationTargetKind(target);
    const props = kind ? m.props.filter(p => modificationPropApplies(kind, p)) : [];
    const title = props.filter(ast.isTitre).at(-1)?.text;
    const capacities = props.filter(ast.isCapacite).map(capacityJson);
    const targets = props.filter(ast.isCibles).flatMap(c => c.targets).map(t => yearValue(t.year, t.value)).filter((v): v is YearValueJson => v !== undefined);
    const amounts = props.filter(ast.isMontants).flatMap(x => x.amounts).map(yearAmount).filter((a): a is YearAmountJson => a !== undefined);
    const baseline = props.filter(ast.isReference).at(-1);
    return defined<ModificationJson>({
        target: refId(m.target) ?? '',
        targetKind: kind,
        title,
        capacities: capacities.length > 0 ? capacities : undefined,
        targets: targets.length > 0 ? byYear(targets) : undefined,
        baseline: baseline ? yearValue(baseline.year, baseline.value) : undefined,
        amounts: amounts.length > 0 ? byYear(amounts) : undefined,
        description: props.filter(ast.isDescription).map(d => d.text).join('\n\n') || undefined,
        addedActions: props.some(ast.isAction) ? props.filter(ast.isAction).map(actionJson) : undefined,
        addedIndicators: props.some(ast.isIndicateur) ? props.filter(ast.isIndicateur).map(i => indicatorJson(indicatorView(i))) : undefined,
        otherClauses: nonEmpty(props.filter(p => !ast.isTitre(p) && !ast.isCapacite(p) && !ast.isCibles(p) && !ast.isMontants(p)
            && !ast.isReference(p) && !ast.isDescription(p) && !ast.isAction(p) && !ast.isIndicateur(p)).map(p => p.$cstNode?.text.replace(/\s+/g, ' ') ?? p.$type)),
    });
}

function capacityJson(c: ast.Capacite): CapacityJson {
    return defined<CapacityJson>({
        modality: c.modality !== undefined ? plain(c.modality) as CapacityJson['modality'] : undefined,
        authorised: readNumber(c.authorised) as number,
        funded: readNumber(c.funded),
        unit: c.unit,
    });
}

function nonEmpty<T>(items: T[]): T[] | undefined {
    return items.length > 0 ? items : undefined;
}
