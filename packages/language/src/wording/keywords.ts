/**
 * The French label of every value keyword of the language (the keywords of the grammar's value rules, keyed by the
 * rule's name, then by the keyword's plain form: lower case, no accents). One wording for the contract document,
 * the hovers and completions, the diff and the avenant: a keyword reads the same everywhere.
 */
import { plain } from '../model/french.js';

export const KEYWORD_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    LegalFrame: {
        'l313-11': 'article L. 313-11',
        'l313-11-1': 'article L. 313-11-1',
        'l313-11-2': 'article L. 313-11-2',
        'l313-12-ivter': 'IV ter de l\'article L. 313-12',
        'l313-12-2': 'article L. 313-12-2',
    },
    LegalStatus: {
        association: 'association', fondation: 'fondation', mutuelle: 'mutuelle', etablissement_public: 'établissement public',
        collectivite: 'collectivité territoriale', societe_commerciale: 'société commerciale', congregation: 'congrégation',
        gcsms: 'groupement de coopération sociale et médico-sociale', autre: 'autre statut',
    },
    AuthorityKind: {
        ars: 'agence régionale de santé', departement: 'conseil départemental', metropole: 'métropole',
        prefet: 'préfet (État)', organisme: 'organisme de protection sociale',
    },
    Modality: {
        hebergement_permanent: 'hébergement permanent', hebergement_temporaire: 'hébergement temporaire',
        accueil_de_jour: 'accueil de jour', accueil_de_nuit: 'accueil de nuit', internat: 'internat',
        semi_internat: 'semi-internat', externat: 'externat', places_de_service: 'places de service',
    },
    CapacityUnit: { places: 'places', lits: 'lits' },
    HabilitationScope: { totale: 'totale', aucune: 'aucune' },
    DiagnosticAxis: { activite: 'activité', organisation: 'organisation et fonctionnement', ressources: 'ressources', qualite: 'qualité' },
    Direction: { hausse: 'à la hausse', baisse: 'à la baisse', maintien: 'maintien' },
    ValueUnit: { '%': 'pourcentage', '€': 'euros' },
    FundingKeyword: { dotation: 'dotation', forfait: 'forfait', tarif: 'tarif' },
    FundingNature: {
        dotation_globale: 'dotation globale', dotation_globalisee_commune: 'dotation globalisée commune',
        forfait_global_soins: 'forfait global relatif aux soins', forfait_global_dependance: 'forfait global relatif à la dépendance',
        tarif_hebergement: 'tarif hébergement', prix_de_journee: 'prix de journée', forfait_soins: 'forfait soins',
        forfait_autonomie: 'forfait autonomie', autre: 'autre financement',
    },
    FundingSource: { assurance_maladie: 'assurance maladie', etat: 'État', departement: 'département', autre: 'autre' },
    IndexationMethod: {
        taux_regional: 'taux d\'actualisation régional', taux_departemental: 'taux d\'actualisation départemental',
        formule: 'formule d\'indexation', avenant_annuel: 'avenant annuel', equation_tarifaire: 'équation tarifaire',
    },
    ModulationCriterion: {
        taux_occupation: 'taux d\'occupation', personnes_accompagnees: 'nombre de personnes accompagnées',
        prestations: 'nombre de prestations délivrées', autre: 'autre critère',
    },
    ModulationFormula: {
        demi_ecart: 'la moitié de l\'écart entre le seuil et la mesure', proportionnelle: 'l\'abattement appliqué à l\'écart entre le seuil et la mesure',
        forfaitaire: 'un abattement forfaitaire dès que la mesure est sous le seuil',
    },
    Frequency: { annuel: 'annuel', semestriel: 'semestriel', trimestriel: 'trimestriel' },
    FicheHeading: {
        enjeux: 'enjeux et contexte', objectifs_vises: 'objectifs visés', modalites: 'modalités de l\'action', echeancier: 'échéancier prévisionnel',
        contraintes: 'contraintes', ressources: 'ressources', maitre_d_oeuvre: 'maître d\'œuvre', evaluation: 'évaluation',
    },
    ReviewKind: { annuelle: 'revue annuelle', mi_parcours: 'revue à mi-parcours', finale: 'bilan final' },
    BudgetDocument: {
        eprd: 'l\'état prévisionnel des recettes et des dépenses (EPRD)', errd: 'l\'état réalisé des recettes et des dépenses (ERRD)',
        rapport_activite: 'le rapport d\'activité', rapport_d_activite: 'le rapport d\'activité',
    },
    VisaKind: {
        prs: 'projet régional de santé', schema_regional: 'schéma régional de santé', schema_departemental: 'schéma départemental',
        autorisation: 'arrêté d\'autorisation', deliberation: 'délibération de l\'organe délibérant du gestionnaire', autre: 'autre visa',
    },
    ClauseKind: {
        affectation_des_resultats: 'affectation des résultats', non_respect: 'non-respect des engagements', resiliation: 'résiliation',
        conventions_tripartites: 'fin des conventions tripartites', litiges: 'règlement des litiges', juridiction: 'juridiction compétente',
        revision: 'révision du contrat',
    },
    Month: {
        janvier: 'janvier', fevrier: 'février', mars: 'mars', avril: 'avril', mai: 'mai', juin: 'juin', juillet: 'juillet',
        aout: 'août', septembre: 'septembre', octobre: 'octobre', novembre: 'novembre', decembre: 'décembre',
    },
};

/** The plain form a keyword is looked up by: lower case, no accents (`État` → `etat`). */
export function keywordKey(keyword: string | undefined): string {
    return plain(keyword).toLowerCase();
}

/** The label of a value keyword of a rule, if there is one. */
export function keywordLabel(rule: string, keyword: string | undefined): string | undefined {
    return KEYWORD_LABELS[rule]?.[keywordKey(keyword)];
}
