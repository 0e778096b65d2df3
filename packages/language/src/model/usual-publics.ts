/**
 * The publics an ESMS category usually accompanies, as an authorisation or a CPOM words them, offered by completion
 * after `public` (the contract writes its own words; these are starting points). Worded from the texts that define
 * each category's public in the CASF (cited per category) and grouped as the FINESS clientèle nomenclature groups
 * them (agrégats de clientèle TRE_R293: personnes âgées, personnes handicapées, personnes et familles en difficulté).
 */

export interface UsualPublic {
    /** The words to write between quotes after `public`. */
    readonly label: string;
    /** Where the words come from. */
    readonly source: string;
}

const OLDER = 'CASF L.312-1 I 6° (personnes âgées), L.313-12 I (personnes âgées dépendantes)';
const HOME_CARE = 'CASF D.312-1 (publics des services de soins et d\'aide à domicile)';
const CHILDREN = 'CASF L.312-1 I 2° (mineurs et jeunes adultes handicapés)';
const ADULTS = 'CASF L.312-1 I 7° (adultes handicapés)';

const SENIORS_AT_HOME: readonly UsualPublic[] = [
    { label: 'personnes âgées de soixante ans et plus, malades ou dépendantes', source: HOME_CARE },
    { label: 'personnes adultes de moins de soixante ans présentant un handicap', source: HOME_CARE },
    { label: 'personnes de moins de soixante ans atteintes de pathologies chroniques', source: HOME_CARE },
];

const DEPENDENT_ELDERLY: readonly UsualPublic[] = [
    { label: 'personnes âgées dépendantes de plus de 60 ans', source: OLDER },
    { label: 'personnes âgées atteintes de la maladie d\'Alzheimer ou d\'une maladie apparentée', source: OLDER },
    { label: 'personnes handicapées vieillissantes', source: 'CASF L.312-1 I 6° et 7° (personnes âgées, adultes handicapés quel que soit leur âge)' },
];

const ADULTS_DEPENDENT: readonly UsualPublic[] = [
    { label: 'adultes handicapés n\'ayant pu acquérir un minimum d\'autonomie', source: ADULTS },
    { label: 'adultes polyhandicapés', source: ADULTS },
    { label: 'adultes présentant des troubles du spectre de l\'autisme', source: ADULTS },
];

/** By category key (model/categories.ts). */
export const USUAL_PUBLICS: Readonly<Record<string, readonly UsualPublic[]>> = {
    EHPAD: DEPENDENT_ELDERLY,
    PUV: DEPENDENT_ELDERLY,
    RESIDENCE_AUTONOMIE: [{ label: 'personnes âgées autonomes de plus de 60 ans', source: 'CASF L.313-12 III (résidences autonomie)' }],
    EHPA: [{ label: 'personnes âgées autonomes de plus de 60 ans', source: OLDER }],
    ACCUEIL_DE_JOUR: [
        { label: 'personnes âgées atteintes de la maladie d\'Alzheimer ou d\'une maladie apparentée, vivant à domicile', source: OLDER },
        { label: 'personnes âgées en perte d\'autonomie vivant à domicile', source: OLDER },
    ],
    SSIAD: SENIORS_AT_HOME,
    SPASAD: SENIORS_AT_HOME,
    SAAD: SENIORS_AT_HOME,
    SAD_AIDE: SENIORS_AT_HOME,
    SAD_MIXTE: SENIORS_AT_HOME,
    IME: [
        { label: 'enfants et adolescents présentant une déficience intellectuelle', source: 'CASF D.312-11 et annexe XXIV (instituts médico-éducatifs)' },
        { label: 'enfants et adolescents présentant des troubles du spectre de l\'autisme', source: CHILDREN },
    ],
    ITEP: [{ label: 'enfants, adolescents et jeunes adultes présentant des difficultés psychologiques et des troubles du comportement', source: 'CASF D.312-59-1 (ITEP)' }],
    DITEP: [{ label: 'enfants, adolescents et jeunes adultes présentant des difficultés psychologiques et des troubles du comportement', source: 'CASF D.312-59-1 et L.312-7-1 (ITEP en dispositif intégré)' }],
    IEM: [{ label: 'enfants et adolescents présentant une déficience motrice', source: 'CASF annexe XXIV bis (déficience motrice)' }],
    EEAP: [{ label: 'enfants et adolescents polyhandicapés', source: 'CASF annexe XXIV ter (polyhandicap)' }],
    IDA: [{ label: 'enfants et adolescents présentant une déficience auditive', source: 'CASF annexe XXIV quater (déficience auditive)' }],
    IDV: [{ label: 'enfants et adolescents présentant une déficience visuelle', source: 'CASF annexe XXIV quinquies (déficience visuelle)' }],
    ISA: [{ label: 'enfants et adolescents sourds-aveugles', source: CHILDREN }],
    SESSAD: [
        { label: 'enfants et adolescents handicapés de 0 à 20 ans accompagnés dans leur milieu de vie', source: CHILDREN },
        { label: 'enfants et adolescents présentant une déficience intellectuelle', source: 'CASF annexe XXIV (SESSAD)' },
    ],
    CAMSP: [{ label: 'enfants de moins de six ans présentant des déficits sensoriels, moteurs ou mentaux', source: 'CSP L.2132-4 (CAMSP)' }],
    CMPP: [{ label: 'enfants et adolescents présentant des difficultés psychologiques ou des troubles des apprentissages', source: CHILDREN }],
    ESAT: [{ label: 'adultes handicapés orientés par la CDAPH', source: 'CASF L.344-2 et R.243-1 (orientation par la CDAPH)' }],
    CRP: [{ label: 'travailleurs handicapés orientés par la CDAPH vers une rééducation professionnelle', source: 'CASF L.312-1 I 5° (réadaptation, préorientation et rééducation professionnelle)' }],
    CPO: [{ label: 'travailleurs handicapés orientés par la CDAPH vers une préorientation', source: 'CASF L.312-1 I 5° (réadaptation, préorientation et rééducation professionnelle)' }],
    CAFS: [{ label: 'enfants et adolescents handicapés accueillis en famille d\'accueil', source: CHILDREN }],
    MAS: ADULTS_DEPENDENT,
    FAM: ADULTS_DEPENDENT,
    EAM: ADULTS_DEPENDENT,
    EANM: [{ label: 'adultes handicapés disposant d\'une certaine autonomie', source: ADULTS }],
    FOYER_DE_VIE: [{ label: 'adultes handicapés disposant d\'une certaine autonomie, sans activité professionnelle', source: ADULTS }],
    FOYER_HEBERGEMENT: [{ label: 'travailleurs handicapés en ESAT ou en entreprise adaptée', source: ADULTS }],
    FOYER_POLYVALENT: [{ label: 'adultes handicapés disposant d\'une certaine autonomie', source: ADULTS }],
    SAVS: [{ label: 'adultes handicapés vivant à domicile', source: 'CASF D.312-162 (SAVS)' }],
    SAMSAH: [{ label: 'adultes handicapés vivant à domicile ayant besoin de soins réguliers', source: 'CASF D.312-166 (SAMSAH)' }],
    CHRS: [{ label: 'personnes et familles qui connaissent de graves difficultés, notamment économiques, familiales, de logement, de santé ou d\'insertion', source: 'CASF L.345-1 (CHRS)' }],
};

/** The usual publics of a category, none for one the list does not know. */
export function usualPublics(categoryKey: string | undefined): readonly UsualPublic[] {
    return categoryKey ? USUAL_PUBLICS[categoryKey.toUpperCase()] ?? [] : [];
}
