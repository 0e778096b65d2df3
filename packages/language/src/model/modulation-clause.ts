/**
 * The `modulation` clause of a contract as it is written: criterion, indicator, threshold (seuil), formula,
 * abattement, the establishments it applies to, and the last known activity measures (mesure de référence). One
 * view per clause, read from a possibly broken AST; the follow-up model, the rules, the hover, the JSON export
 * and the document read it, and `modulationFormulaText` words its formula once for all of them.
 */
import * as ast from '../generated/ast.js';
import { firstProp } from './clauses.js';
import { plain } from './french.js';
import { establishmentFacts, fundedEstablishments } from './contract.js';
import { cachedView } from './model-cache.js';
import { formatNumber, parseNumber } from './numbers.js';

export type ModulationFormulaKey = 'demi_ecart' | 'proportionnelle' | 'forfaitaire';

/** A number as written with its unit (`95 %`, `20 000 €`, `180`). */
export interface ValueView {
    readonly value: number;
    readonly unit: '%' | '€' | undefined;
}

export interface ReferenceMeasureView {
    readonly node: ast.MesureReference;
    readonly year: number | undefined;
    readonly measure: ValueView | undefined;
    /** The establishment the measure is for; undefined when it is for the whole line. */
    readonly establishment: ast.Etablissement | undefined;
    /** The name as typed, resolved or not. */
    readonly establishmentName: string | undefined;
}

export interface ModulationClauseView {
    readonly node: ast.Modulation;
    readonly funding: ast.Financement | undefined;
    /** The criterion without accents (`personnes_accompagnees`). */
    readonly criterion: string | undefined;
    readonly indicator: ast.Indicateur | undefined;
    readonly threshold: ValueView | undefined;
    /** The formula written, without accents; undefined when the contract writes none. */
    readonly formula: ModulationFormulaKey | undefined;
    readonly abattement: ValueView | undefined;
    /** The establishments the clause names (`etablissements …`); empty when it applies to every one of the line. */
    readonly establishments: readonly ast.Etablissement[];
    readonly referenceMeasures: readonly ReferenceMeasureView[];
    readonly justification: string | undefined;
}

/** Kept with the links it was computed with (model-cache.ts): it holds the indicator and establishments it names. */
export function modulationClauseView(node: ast.Modulation): ModulationClauseView {
    return cachedView('modulation-clause', node, computeView);
}

function computeView(node: ast.Modulation): ModulationClauseView {
    const props = node.props ?? [];
    const criterion = props.find(ast.isCritere)?.value;
    const formula = props.find(ast.isFormuleModulation)?.value;
    return {
        node,
        funding: node.funding?.ref,
        criterion: criterion ? plain(criterion) : undefined,
        indicator: props.find(ast.isModulationIndicateur)?.indicator?.ref,
        threshold: valueView(props.find(ast.isSeuilModulation)?.value),
        formula: formula ? plain(formula) as ModulationFormulaKey : undefined,
        abattement: valueView(props.find(ast.isAbattement)?.value),
        establishments: props.filter(ast.isConcernes).flatMap(c => (c.establishments ?? []).map(r => r?.ref))
            .filter((e): e is ast.Etablissement => e !== undefined),
        referenceMeasures: props.filter(ast.isMesureReference).map(m => ({
            node: m,
            year: finite(parseNumber(m.year)),
            measure: valueView(m.value),
            establishment: m.establishment?.ref,
            establishmentName: m.establishment?.$refText || undefined,
        })),
        justification: props.find(ast.isJustification)?.text,
    };
}

function valueView(value: ast.Valeur | undefined): ValueView | undefined {
    const number = finite(parseNumber(value?.number));
    return number === undefined ? undefined : { value: number, unit: value?.unit === '%' || value?.unit === '€' ? value.unit : undefined };
}

function finite(value: number | undefined): number | undefined {
    return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** `95 %`, `20 000 €`, `180`. */
export function measureText(value: ValueView): string {
    return `${formatNumber(value.value)}${value.unit ? `\u202F${value.unit}` : ''}`;
}

/**
 * The article whose formula applies whatever the contract writes: a forfait global soins (R.314-160) or dépendance
 * (R.314-174) of a line that funds only EHPAD or PUV; undefined for a contractual modulation.
 */
export function regulatoryArticle(view: ModulationClauseView): 'R.314-160' | 'R.314-174' | undefined {
    const funding = view.funding;
    if (!funding) return undefined;
    const nature = plain(firstProp(funding, ast.isNature)?.value ?? '');
    const article = nature === 'forfait_global_soins' ? 'R.314-160' : nature === 'forfait_global_dependance' ? 'R.314-174' : undefined;
    const establishments = fundedEstablishments(funding);
    const ehpad = establishments.length > 0 && establishments.every(e => ['EHPAD', 'PUV'].includes(establishmentFacts(e).category?.key ?? ''));
    return ehpad ? article : undefined;
}

/**
 * The formula in French, with the numbers the contract writes: `½ × (95 % − taux d'occupation)`,
 * `30 % × (seuil − mesure)`, `abattement forfaitaire de 2 %`. The measure is named by the criterion.
 */
export function modulationFormulaText(view: ModulationClauseView): string {
    const measure = view.criterion === 'taux_occupation' ? 'taux d\'occupation'
        : view.criterion === 'personnes_accompagnees' ? 'personnes accompagnées'
            : view.criterion === 'prestations' ? 'prestations délivrées' : 'mesure';
    const regulatory = regulatoryArticle(view) !== undefined;
    const threshold = view.threshold ? measureText(view.threshold) : regulatory ? 'seuil fixé par arrêté' : view.indicator ? 'cible de l\'année' : 'seuil';
    const gap = view.threshold?.unit === '%' || (view.threshold === undefined && view.criterion === 'taux_occupation')
        ? `(${threshold} − ${measure})`
        : `(${threshold} − ${measure}) / ${threshold}`;
    switch (effectiveFormula(view)) {
        case 'demi_ecart':
            return `½ × ${gap}`;
        case 'forfaitaire':
            return view.abattement ? `abattement forfaitaire de ${measureText(view.abattement)} dès que ${measure} < ${threshold}` : `abattement forfaitaire dès que ${measure} < ${threshold}`;
        default:
            return `${view.abattement ? measureText(view.abattement) : 'abattement'} × ${gap}`;
    }
}

/**
 * The formula that applies: half of the gap for the EHPAD forfaits (R.314-160, R.314-174), else the one written, else
 * a fixed amount for an abattement in euros, else the proportional one.
 */
export function effectiveFormula(view: ModulationClauseView): ModulationFormulaKey {
    if (regulatoryArticle(view)) return 'demi_ecart';
    if (view.formula) return view.formula;
    return view.abattement?.unit === '€' ? 'forfaitaire' : 'proportionnelle';
}
