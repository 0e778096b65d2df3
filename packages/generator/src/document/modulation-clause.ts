/**
 * The modulation clause of the article « Moyens », in French, as the contract writes it: the line modulated and the
 * article that allows it, the criterion and its indicator, the establishments, the threshold, the formula with the
 * contract's numbers, the last known measures and the justification. Names by titles, never identifiers. Pure.
 */
import {
    type ast, effectiveFormula, indicatorView, joinFr, quote, legalFrames, measureText, modulationClauseView, modulationFormulaText, type ModulationClauseView,
    regulatoryArticle,
} from '@cpom/language';
import { criterionLabel } from './french.js';
import { MISSING, orMissing } from './missing.js';
import { type Block, paragraph } from './model.js';

/** The article that allows the modulation: the EHPAD forfaits' own, a CHRS contract's, else R.314-43-2. */
function articleOf(view: ModulationClauseView, contract: ast.Contrat): string {
    const regulatory = regulatoryArticle(view);
    if (regulatory) return `article ${regulatory.replace('R.', 'R. ')} du code de l'action sociale et des familles`;
    const frames = legalFrames(contract);
    if (frames.has('L313-11-2') && !frames.has('L313-12-2') && !frames.has('L313-12-IVter')) return 'article L. 313-11-2 du code de l\'action sociale et des familles';
    return 'article R. 314-43-2 du code de l\'action sociale et des familles';
}

/** What the activity is compared with: the contract's threshold, the arrêté's for an EHPAD forfait, else the year's target. */
function referenceOf(view: ModulationClauseView): { noun: string; below: string } {
    if (view.threshold) return { noun: 'le seuil', below: `inférieure au seuil de ${measureText(view.threshold)}` };
    if (regulatoryArticle(view)) return { noun: 'le seuil', below: 'inférieure au seuil fixé par arrêté' };
    if (view.indicator) return { noun: 'la cible de l\'année', below: 'inférieure à la cible de l\'année' };
    return { noun: 'le seuil', below: 'inférieure au seuil' };
}

/** « la moitié de l'écart… », « 30 % de l'écart… », « un abattement forfaitaire de 2 % du montant ». */
function reductionWords(view: ModulationClauseView): string {
    const reference = referenceOf(view).noun;
    // A rate's gap is in points; a count's is relative to the threshold (as the follow-up computes it).
    const rate = view.threshold ? view.threshold.unit === '%' : view.criterion === 'taux_occupation';
    const gap = rate ? 'l\'écart' : 'l\'écart relatif';
    switch (effectiveFormula(view)) {
        case 'demi_ecart':
            return `d'un pourcentage égal à la moitié de ${gap} entre ${reference} et l'activité réalisée`;
        case 'forfaitaire':
            if (!view.abattement) return 'd\'un abattement forfaitaire';
            return view.abattement.unit === '€'
                ? `d'un abattement forfaitaire de ${measureText(view.abattement)}, dans la limite du montant modulé`
                : `d'un abattement forfaitaire de ${measureText(view.abattement)} du montant`;
        default:
            return view.abattement
                ? `d'un pourcentage égal à ${measureText(view.abattement)} de ${gap} entre ${reference} et l'activité réalisée`
                : `d'un abattement proportionnel à ${gap} entre ${reference} et l'activité réalisée`;
    }
}

/** `91,2 %`; a count with what it counts: `152 personnes accompagnées`, `1 310 prestations`. */
function measureWords(measure: NonNullable<ModulationClauseView['threshold']>, criterion: string | undefined): string {
    const text = measureText(measure);
    if (measure.unit !== undefined) return text;
    const plural = measure.value >= 2;
    if (criterion === 'personnes_accompagnees') return `${text} personne${plural ? 's' : ''} accompagnée${plural ? 's' : ''}`;
    if (criterion === 'prestations') return `${text} prestation${plural ? 's' : ''}`;
    return text;
}

export function modulationClause(node: ast.Modulation, contract: ast.Contrat): Block[] {
    const view = modulationClauseView(node);
    const line = orMissing(view.funding?.title, MISSING.name);
    const criterion = view.criterion ? `, sur le critère du ${criterionLabel(view.criterion)}` : '';
    const indicator = view.indicator ? `, mesuré par l'indicateur ${quote(orMissing(indicatorView(view.indicator).title, MISSING.title))}` : '';
    const scope = view.establishments.length > 0
        ? ` Elle s'applique à ${view.establishments.length > 1 ? 'chacun des établissements' : 'l\'établissement'} ${joinFr(view.establishments.map(e => quote(orMissing(e.title, MISSING.name))))}, sur sa propre activité.`
        : '';
    const below = referenceOf(view).below;
    const blocks: Block[] = [paragraph(
        `Le financement ${quote(line)} est modulé selon l'activité (${articleOf(view, contract)})${criterion}${indicator}.${scope}`,
        ` Lorsque l'activité réalisée est ${below}, le montant de l'exercice suivant est minoré ${reductionWords(view)}, au vu de la dernière mesure connue : `,
        `minoration = ${modulationFormulaText(view)}.`,
    )];
    const measures = view.referenceMeasures.filter(m => m.year !== undefined && m.measure);
    if (measures.length > 0) {
        blocks.push(paragraph(`Mesure d'activité de référence : ${joinFr(measures.map(m =>
            `${measureWords(m.measure!, view.criterion)} en ${m.year}${m.establishment ? ` (${quote(orMissing(m.establishment.title, MISSING.name))})` : ''}`))}.`));
    }
    if (view.justification) blocks.push(paragraph(view.justification));
    return blocks;
}
