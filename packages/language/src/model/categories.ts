/**
 * The closed list of ESMS categories, with their FINESS category codes and the authorities that
 * usually fix their tariff. Codes from the ANAP guide des indicateurs 2021 (../shared/DOMAIN.md §2.3),
 * except where `codeSource` says otherwise.
 */

export type AuthorityRole = 'ars' | 'departement' | 'prefet';
export type Sector = 'personnes_agees' | 'handicap' | 'inclusion_sociale';
export type FundingSourceKey = 'assurance_maladie' | 'etat' | 'departement';

export interface EsmsCategory {
    /** The name written after `categorie`. */
    readonly key: string;
    readonly label: string;
    /**
     * FINESS category codes, the usual one first, then the alternative codes a correct contract may write: FAM and
     * EAM share 437/448, foyers de vie and d'hébergement are also EANM 449 (ANAP guide 2021, DOMAIN.md §2.3).
     */
    readonly finessCodes: readonly number[];
    readonly sector: Sector;
    /** Authorities that usually fix the tariff (R.314-105, décret 2016-1814, FINESS TRE_R74). */
    readonly tarification: readonly AuthorityRole[];
    /** Who pays (R.314-105): assurance maladie, État, département. */
    readonly financements: readonly FundingSourceKey[];
    /** Mandatory CPOM frame, when the law sets one. */
    readonly frame?: 'L313-12-IVter' | 'L313-12-2' | 'L313-11-1' | 'L313-11-2';
    readonly codeSource?: string;
}

const ARS: readonly AuthorityRole[] = ['ars'];
const PCD: readonly AuthorityRole[] = ['departement'];
const JOINT: readonly AuthorityRole[] = ['ars', 'departement'];

export const ESMS_CATEGORIES: readonly EsmsCategory[] = [
    { key: 'EHPAD', label: "Établissement d'hébergement pour personnes âgées dépendantes", finessCodes: [500], sector: 'personnes_agees', tarification: JOINT, financements: ['assurance_maladie', 'departement'], frame: 'L313-12-IVter' },
    { key: 'PUV', label: 'Petite unité de vie', finessCodes: [500], sector: 'personnes_agees', tarification: JOINT, financements: ['assurance_maladie', 'departement'], frame: 'L313-12-IVter', codeSource: 'PUV are registered as EHPAD (500) when medicalised' },
    { key: 'RESIDENCE_AUTONOMIE', label: 'Résidence autonomie', finessCodes: [202], sector: 'personnes_agees', tarification: PCD, financements: ['departement'], codeSource: 'FINESS nomenclature (not in the ANAP 2021 list)' },
    { key: 'SSIAD', label: "Service de soins infirmiers à domicile", finessCodes: [354], sector: 'personnes_agees', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'SPASAD', label: "Service polyvalent d'aide et de soins à domicile", finessCodes: [209], sector: 'personnes_agees', tarification: JOINT, financements: ['assurance_maladie', 'departement'] },
    { key: 'SAAD', label: "Service d'aide et d'accompagnement à domicile", finessCodes: [460], sector: 'personnes_agees', tarification: PCD, financements: ['departement'], frame: 'L313-11-1', codeSource: 'FINESS nomenclature (not in the ANAP 2021 list)' },
    // Services autonomie à domicile (LFSS 2022 art. 44, décret n° 2023-608): authorised SAAD, SSIAD and SPASAD became SAD
    // aide or SAD mixte (aide et soins). FINESS created no new category: on 30 October 2023 it renamed 460 (ex-SAAD)
    // « Service autonomie aide (SAA) » and 209 (ex-SPASAD) « Service autonomie aide et soins (SAAS) » (ANS, NOS
    // TRE_R66-CategorieEtablissement, the FINESS category table, version 20260505120000). A SSIAD not yet converted
    // keeps 354. No frame: the SAD CPOM with the département stays optional (L.313-11-1).
    { key: 'SAD_AIDE', label: "Service autonomie à domicile (aide et accompagnement)", finessCodes: [460], sector: 'personnes_agees', tarification: PCD, financements: ['departement'], codeSource: 'FINESS category 460 « Service autonomie aide (SAA) » since 2023-10-30 (ANS NOS TRE_R66-CategorieEtablissement, version 20260505120000)' },
    { key: 'SAD_MIXTE', label: "Service autonomie à domicile mixte (aide et soins)", finessCodes: [209, 354, 460], sector: 'personnes_agees', tarification: JOINT, financements: ['assurance_maladie', 'departement'], codeSource: 'FINESS category 209 « Service autonomie aide et soins (SAAS) » since 2023-10-30 (ANS NOS TRE_R66-CategorieEtablissement, version 20260505120000); a SSIAD (354) or SAAD (460) whose record is not yet reclassified keeps its code' },
    { key: 'ACCUEIL_DE_JOUR', label: 'Accueil de jour autonome pour personnes âgées', finessCodes: [207], sector: 'personnes_agees', tarification: JOINT, financements: ['assurance_maladie', 'departement'], codeSource: 'FINESS nomenclature, centre de jour pour personnes âgées (not in the ANAP 2021 list)' },
    { key: 'EHPA', label: "Établissement d'hébergement pour personnes âgées (non médicalisé)", finessCodes: [502, 501], sector: 'personnes_agees', tarification: PCD, financements: ['departement'], codeSource: 'FINESS nomenclature: EHPA without (502) or with (501) crédits d\'assurance maladie (not in the ANAP 2021 list)' },
    { key: 'IME', label: 'Institut médico-éducatif', finessCodes: [183], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'ITEP', label: 'Institut thérapeutique, éducatif et pédagogique', finessCodes: [186], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'DITEP', label: 'Dispositif intégré thérapeutique, éducatif et pédagogique', finessCodes: [186, 182], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2', codeSource: 'An ITEP (186) and its SESSAD (182) working as one dispositif (L.312-7-1): FINESS keeps their categories' },
    { key: 'IEM', label: "Institut d'éducation motrice", finessCodes: [192], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'EEAP', label: 'Établissement pour enfants ou adolescents polyhandicapés', finessCodes: [188], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'IDA', label: 'Institut pour déficients auditifs', finessCodes: [195], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'IDV', label: 'Institut pour déficients visuels', finessCodes: [194], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'ISA', label: "Institut d'éducation sensorielle pour sourds-aveugles", finessCodes: [196], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'SESSAD', label: "Service d'éducation spéciale et de soins à domicile", finessCodes: [182], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'CAMSP', label: "Centre d'action médico-sociale précoce", finessCodes: [190], sector: 'handicap', tarification: JOINT, financements: ['assurance_maladie', 'departement'] },
    { key: 'CMPP', label: 'Centre médico-psycho-pédagogique', finessCodes: [189], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'ESAT', label: "Établissement et service d'aide par le travail", finessCodes: [246], sector: 'handicap', tarification: ARS, financements: ['etat'], frame: 'L313-12-2' },
    { key: 'CRP', label: 'Centre de rééducation professionnelle', finessCodes: [249], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'CPO', label: 'Centre de préorientation pour personnes handicapées', finessCodes: [198], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2', codeSource: 'FINESS nomenclature (not in the ANAP 2021 list)' },
    { key: 'CAFS', label: "Centre d'accueil familial spécialisé", finessCodes: [238], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2', codeSource: 'FINESS nomenclature (not in the ANAP 2021 list)' },
    { key: 'MAS', label: "Maison d'accueil spécialisée", finessCodes: [255], sector: 'handicap', tarification: ARS, financements: ['assurance_maladie'], frame: 'L313-12-2' },
    { key: 'FAM', label: "Foyer d'accueil médicalisé", finessCodes: [437, 448], sector: 'handicap', tarification: JOINT, financements: ['assurance_maladie', 'departement'], frame: 'L313-12-2' },
    { key: 'EAM', label: "Établissement d'accueil médicalisé", finessCodes: [448, 437], sector: 'handicap', tarification: JOINT, financements: ['assurance_maladie', 'departement'], frame: 'L313-12-2' },
    { key: 'EANM', label: "Établissement d'accueil non médicalisé (foyer de vie, foyer d'hébergement)", finessCodes: [449], sector: 'handicap', tarification: PCD, financements: ['departement'] },
    { key: 'FOYER_HEBERGEMENT', label: "Foyer d'hébergement pour adultes handicapés", finessCodes: [252, 449], sector: 'handicap', tarification: PCD, financements: ['departement'], codeSource: 'FINESS nomenclature (not in the ANAP 2021 list)' },
    { key: 'FOYER_DE_VIE', label: 'Foyer de vie pour adultes handicapés', finessCodes: [382, 449], sector: 'handicap', tarification: PCD, financements: ['departement'], codeSource: 'FINESS nomenclature (not in the ANAP 2021 list)' },
    { key: 'FOYER_POLYVALENT', label: "Foyer d'accueil polyvalent pour adultes handicapés", finessCodes: [253, 449], sector: 'handicap', tarification: PCD, financements: ['departement'], codeSource: 'FINESS nomenclature (not in the ANAP 2021 list); an EANM since the 2017 nomenclature' },
    { key: 'SAVS', label: "Service d'accompagnement à la vie sociale", finessCodes: [446], sector: 'handicap', tarification: PCD, financements: ['departement'] },
    { key: 'SAMSAH', label: "Service d'accompagnement médico-social pour adultes handicapés", finessCodes: [445], sector: 'handicap', tarification: JOINT, financements: ['assurance_maladie', 'departement'], frame: 'L313-12-2' },
    { key: 'CHRS', label: "Centre d'hébergement et de réinsertion sociale", finessCodes: [214], sector: 'inclusion_sociale', tarification: ['prefet'], financements: ['etat'], frame: 'L313-11-2', codeSource: 'FINESS nomenclature (not in the ANAP 2021 list)' },
];

const BY_KEY = new Map(ESMS_CATEGORIES.map(c => [c.key, c]));

export function findCategory(key: string): EsmsCategory | undefined {
    return BY_KEY.get(key.toUpperCase());
}

/** The category whose usual code this is, else the first one that accepts it as an alternative. */
export function findCategoryByCode(code: number): EsmsCategory | undefined {
    return ESMS_CATEGORIES.find(c => c.finessCodes[0] === code) ?? ESMS_CATEGORIES.find(c => c.finessCodes.includes(code));
}

export const AUTHORITY_ROLE_LABELS: Record<AuthorityRole, { fr: string; en: string }> = {
    ars: { fr: "l'ARS", en: 'the ARS' },
    departement: { fr: 'le département', en: 'the département' },
    prefet: { fr: 'le préfet', en: 'the préfet' },
};
