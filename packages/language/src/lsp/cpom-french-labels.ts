/**
 * French words for what editors show: labels of the language's value keywords (keyed by grammar rule, then by
 * the keyword's plain form), and compact French numbers. The generator has its own labels for documents; the
 * language package must not depend on it.
 */
import type * as ast from '../generated/ast.js';
import { plain } from '../model/french.js';
import { formatEuros, formatNumber, parseCents, parseNumber } from '../model/numbers.js';
import { LEGAL_TEXTS } from './cpom-legal-texts.js';

export const NNBSP = '\u202F';

/** Labels of the keywords of the grammar's value rules (`Modality`, `FundingNature`…). */
export const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    LegalFrame: Object.fromEntries(Object.entries(LEGAL_TEXTS).filter(([k]) => k.startsWith('L313')).map(([k, t]) => [k.toLowerCase(), t.label])),
    Modality: {
        hebergement_permanent: 'hébergement permanent', hebergement_temporaire: 'hébergement temporaire',
        accueil_de_jour: 'accueil de jour', accueil_de_nuit: 'accueil de nuit', internat: 'internat',
        semi_internat: 'semi-internat', externat: 'externat', places_de_service: 'places de service (à domicile)',
    },
    CapacityUnit: { places: 'places', lits: 'lits' },
    LegalStatus: {
        association: 'association', fondation: 'fondation', mutuelle: 'mutuelle', etablissement_public: 'établissement public',
        collectivite: 'collectivité territoriale', societe_commerciale: 'société commerciale', congregation: 'congrégation',
        gcsms: 'groupement de coopération sociale et médico-sociale', autre: 'autre statut',
    },
    AuthorityKind: {
        ars: 'agence régionale de santé', departement: 'conseil départemental', metropole: 'métropole',
        prefet: 'préfet (État)', organisme: 'organisme de protection sociale',
    },
    HabilitationScope: { totale: 'toutes les places habilitées à l\'aide sociale', aucune: 'aucune place habilitée' },
    DiagnosticAxis: { activite: 'activité', organisation: 'organisation et fonctionnement', ressources: 'ressources', qualite: 'qualité' },
    Direction: { hausse: 'la valeur doit monter', baisse: 'la valeur doit baisser', maintien: 'la valeur doit se maintenir' },
    ValueUnit: { '%': 'pourcentage', '€': 'euros' },
    FundingKeyword: { dotation: 'dotation annuelle', forfait: 'forfait annuel', tarif: 'tarif (souvent journalier)' },
    FundingNature: {
        dotation_globale: 'dotation globale', dotation_globalisee_commune: 'dotation globalisée commune (R. 314-43-1)',
        forfait_global_soins: 'forfait global relatif aux soins', forfait_global_dependance: 'forfait global relatif à la dépendance',
        tarif_hebergement: 'tarif hébergement', prix_de_journee: 'prix de journée', forfait_soins: 'forfait soins',
        forfait_autonomie: 'forfait autonomie', autre: 'autre financement',
    },
    FundingSource: { assurance_maladie: 'assurance maladie', etat: 'État', departement: 'département', autre: 'autre financement' },
    IndexationMethod: {
        taux_regional: 'taux d\'actualisation régional', taux_departemental: 'taux d\'actualisation départemental',
        formule: 'formule d\'indexation', avenant_annuel: 'avenant annuel', equation_tarifaire: 'équation tarifaire',
    },
    ModulationCriterion: {
        taux_occupation: 'taux d\'occupation', personnes_accompagnees: 'personnes accompagnées dans l\'année',
        prestations: 'prestations délivrées', autre: 'autre critère (à justifier)',
    },
    Frequency: { annuel: 'une fois par an', semestriel: 'deux fois par an', trimestriel: 'quatre fois par an' },
    ReviewKind: { annuelle: 'revue annuelle', mi_parcours: 'revue à mi-parcours (3e année)', finale: 'bilan final (dernière année)' },
    BudgetDocument: {
        eprd: 'état prévisionnel des recettes et des dépenses', errd: 'état réalisé des recettes et des dépenses',
        rapport_activite: 'rapport d\'activité', rapport_d_activite: 'rapport d\'activité',
    },
};

/** The French label of a value keyword of a rule, if there is one. */
export function valueLabel(rule: string, keyword: string | undefined): string | undefined {
    return VALUE_LABELS[rule]?.[plain(keyword).toLowerCase()];
}

/** `4 150 000 €`, `68,50 € par jour`, or the text as typed when it is no amount. */
export function amountText(amount: ast.Montant | undefined): string {
    if (!amount) return '';
    const cents = parseCents(amount.value);
    const text = cents === undefined ? `${amount.value ?? '?'}${NNBSP}€` : formatEuros(cents);
    return amount.daily ? `${text} par jour` : text;
}

/** `45 %`, `9,8 %`, `150`: a value of an indicator. */
export function valueText(value: ast.Valeur | undefined): string {
    if (!value) return '';
    const n = parseNumber(value.number);
    const number = n === undefined ? value.number ?? '' : formatNumber(n);
    return value.unit ? `${number}${NNBSP}${value.unit}` : number;
}

/** Amounts in short: `21,2 M€` from a million up, `30 000 €` below. */
export function compactEuros(cents: number): string {
    const euros = cents / 100;
    if (Math.abs(euros) >= 1_000_000) {
        return `${formatNumber(Math.round(euros / 100_000) / 10)}${NNBSP}M€`;
    }
    return formatEuros(Math.round(euros) * 100);
}

/** A share as a whole percentage: `62 %`; `< 1 %` and `> 99 %` rather than a rounded `0 %` or `100 %`. */
export function percentText(part: number, whole: number): string {
    const percent = (part / whole) * 100;
    if (percent > 0 && percent < 1) return `<${NNBSP}1${NNBSP}%`;
    if (percent > 99 && percent < 100) return `>${NNBSP}99${NNBSP}%`;
    return `${formatNumber(Math.round(percent))}${NNBSP}%`;
}

/** `1re`, `2e`: French ordinals. */
export function ordinal(n: number): string {
    return n === 1 ? '1re' : `${n}e`;
}

/** Markdown-safe text of the user's strings (tables and emphasis must not break). */
export function md(text: string | undefined): string {
    return (text ?? '').replace(/([\\`*_[\]|<>])/g, '\\$1').replace(/\r?\n/g, ' ');
}
