/**
 * The hover card of a `modulation` clause (on its keyword): the line it modulates, criterion, threshold, the formula
 * in French with the contract's numbers, the establishments it applies to and the last known measures.
 */
import type * as ast from '../generated/ast.js';
import { measureText, modulationClauseView, modulationFormulaText, regulatoryArticle } from '../model/modulation-clause.js';
import { md, valueLabel } from './cpom-french-labels.js';

export function modulationCard(node: ast.Modulation): string {
    const view = modulationClauseView(node);
    const funding = view.funding?.title ?? node.funding?.$refText;
    const lines = [`**Modulation selon l'activité**${funding ? ` — ${md(funding)}` : ''}`];
    if (view.criterion) lines.push(`- Critère : ${valueLabel('ModulationCriterion', view.criterion) ?? md(view.criterion)}`);
    if (view.indicator) lines.push(`- Indicateur : ${md(view.indicator.title ?? view.indicator.name)}`);
    if (view.threshold) lines.push(`- Seuil : ${measureText(view.threshold)}`);
    const regulatory = regulatoryArticle(view);
    const origin = regulatory ? ` *(article ${regulatory} du CASF)*` : view.formula ? '' : ' *(par défaut)*';
    lines.push(`- Formule : ${md(modulationFormulaText(view))}${origin}`);
    if (view.establishments.length > 0) lines.push(`- Établissements : ${view.establishments.map(e => md(e.title ?? e.name)).join(', ')}`);
    for (const m of view.referenceMeasures) {
        if (m.year === undefined || !m.measure) continue;
        const where = m.establishment ? ` (${md(m.establishment.title ?? m.establishment.name)})` : '';
        lines.push(`- Mesure d'activité de référence : ${measureText(m.measure)} en ${m.year}${where}`);
    }
    return lines.join('\n');
}
