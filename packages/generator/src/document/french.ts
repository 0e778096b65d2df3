/** The contract's words in French: amounts, dates, values, and labels of the language's keywords. */
import { formatDate, formatEuros, formatNumber, parseCents, parseIsoDate, parseNumber, plain } from '@cpom/language';
import type { ast } from '@cpom/language';
import { MISSING } from './missing.js';

const NNBSP = '\u202F';

/** "1er janvier 2013"; a date that is not one as typed; a missing one as « [date manquante] ». */
export function frenchDate(iso: string | undefined): string {
    const date = parseIsoDate(iso);
    return date ? formatDate(date, 'fr') : iso ?? MISSING.date;
}

export function euros(cents: number): string {
    return formatEuros(cents);
}

export function amount(montant: ast.Montant | undefined): string {
    if (!montant || montant.value === undefined) return MISSING.amount;
    const cents = parseCents(montant.value);
    const value = cents === undefined ? `${montant.value} €` : euros(cents);
    return montant.daily ? `${value} par jour` : value;
}

export function value(v: ast.Valeur | undefined): string {
    if (!v || v.number === undefined) return MISSING.value;
    const n = parseNumber(v.number);
    const number = n === undefined ? v.number : formatNumber(n);
    return v.unit ? `${number}${NNBSP}${v.unit}` : number;
}

export function plainNumber(typed: string | undefined): string {
    const n = parseNumber(typed);
    return n === undefined ? typed ?? MISSING.number : formatNumber(n);
}

/** Lower-case, accent-free form of a keyword, to look labels up. */
export function key(keyword: string | undefined): string {
    return plain(keyword).toLowerCase();
}

/** The label of a keyword; one the table lacks as typed, without underscores; none for an optional keyword not given. */
function label(table: Record<string, string>, keyword: string | undefined): string {
    return table[key(keyword)] ?? (keyword ?? '').replace(/_/g, ' ');
}

export const FRAME_ARTICLES: Record<string, string> = {
    'l313-11': 'article L. 313-11',
    'l313-11-1': 'article L. 313-11-1',
    'l313-11-2': 'article L. 313-11-2',
    'l313-12-ivter': 'IV ter de l\'article L. 313-12',
    'l313-12-2': 'article L. 313-12-2',
};

export function frameLabel(frame: string): string {
    return label(FRAME_ARTICLES, frame);
}

export const natureLabel = (k: string | undefined) => label({
    dotation_globale: 'dotation globale',
    dotation_globalisee_commune: 'dotation globalisée commune',
    forfait_global_soins: 'forfait global relatif aux soins',
    forfait_global_dependance: 'forfait global relatif à la dépendance',
    tarif_hebergement: 'tarif hébergement',
    prix_de_journee: 'prix de journée',
    forfait_soins: 'forfait soins',
    forfait_autonomie: 'forfait autonomie',
    autre: 'autre financement',
}, k);

export const sourceLabel = (k: string | undefined) => label({
    assurance_maladie: 'assurance maladie',
    etat: 'État',
    departement: 'département',
    autre: 'autre',
}, k);

export const indexationLabel = (k: string | undefined) => label({
    taux_regional: 'taux d\'actualisation régional',
    taux_departemental: 'taux d\'actualisation départemental',
    formule: 'formule d\'indexation',
    avenant_annuel: 'avenant annuel',
    equation_tarifaire: 'équation tarifaire',
}, k);

export const modalityLabel = (k: string | undefined) => label({
    hebergement_permanent: 'hébergement permanent',
    hebergement_temporaire: 'hébergement temporaire',
    accueil_de_jour: 'accueil de jour',
    accueil_de_nuit: 'accueil de nuit',
    internat: 'internat',
    semi_internat: 'semi-internat',
    externat: 'externat',
    places_de_service: 'places de service',
}, k);

export const statusLabel = (k: string | undefined) => label({
    association: 'association',
    fondation: 'fondation',
    mutuelle: 'mutuelle',
    etablissement_public: 'établissement public',
    collectivite: 'collectivité territoriale',
    societe_commerciale: 'société commerciale',
    congregation: 'congrégation',
    gcsms: 'groupement de coopération sociale et médico-sociale',
    autre: 'autre',
}, k);

export const authorityKindLabel = (k: string | undefined) => label({
    ars: 'agence régionale de santé',
    departement: 'conseil départemental',
    metropole: 'métropole',
    prefet: 'préfet (État)',
    organisme: 'organisme de protection sociale',
}, k);

export const directionLabel = (k: string | undefined) => label({ hausse: 'à la hausse', baisse: 'à la baisse', maintien: 'maintien' }, k);

export const reviewLabel = (k: string | undefined) => label({ annuelle: 'revue annuelle', mi_parcours: 'revue à mi-parcours', finale: 'bilan final' }, k);

export const frequencyLabel = (k: string | undefined) => label({ annuel: 'annuel', semestriel: 'semestriel', trimestriel: 'trimestriel' }, k);

export const diagnosticAxisLabel = (k: string | undefined) => label({
    activite: 'Activité',
    organisation: 'Organisation et fonctionnement',
    ressources: 'Ressources',
    qualite: 'Qualité',
}, k);

export const criterionLabel = (k: string | undefined) => label({
    taux_occupation: 'taux d\'occupation',
    personnes_accompagnees: 'nombre de personnes accompagnées',
    prestations: 'nombre de prestations délivrées',
    autre: 'autre critère',
}, k);

export const budgetDocumentLabel = (k: string | undefined) => label({
    eprd: 'l\'état prévisionnel des recettes et des dépenses (EPRD)',
    errd: 'l\'état réalisé des recettes et des dépenses (ERRD)',
    rapport_activite: 'le rapport d\'activité',
    rapport_d_activite: 'le rapport d\'activité',
}, k);
