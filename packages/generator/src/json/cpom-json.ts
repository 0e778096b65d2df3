/**
 * The CPOM JSON format, version 1: the types of what `exportContract` produces. The JSON Schema
 * `schemas/cpom-v2.schema.json` describes the same document for other languages; the tests check that every
 * bundled contract's export validates against it.
 *
 * Conventions (docs/json-export.md):
 * - names aligned with FINESS+ where FINESS+ has the same notion with the same kind of value (`numFinessPm`,
 *   `numFinessEge`, `denominationPm`, `nomEgeLong`, the `engagement` block); English camelCase otherwise;
 * - enumerated values are the cpom keywords without accents (`dotation_globalisee_commune`, `etat`);
 * - dates ISO 8601 (`YYYY-MM-DD`), amounts in euros as decimal numbers, years as integers;
 * - arrays are always present (possibly empty); optional scalars and objects are left out when the contract
 *   does not state them;
 * - references between parts of the document are identifiers (`id`): the name in the contract, or
 *   `CATALOGUE.NAME` for an entry of a catalogue.
 */

export const CPOM_JSON_FORMAT_VERSION = 2 as const;

/** `$id` of the JSON Schema and value of `$schema` in every document of this version. */
export const CPOM_JSON_SCHEMA_ID = 'https://cpom.example/schemas/cpom-v2.schema.json';

export interface CpomJson {
    $schema: typeof CPOM_JSON_SCHEMA_ID;
    formatVersion: typeof CPOM_JSON_FORMAT_VERSION;
    generator: GeneratorJson;
    contract: ContractJson;
}

export interface GeneratorJson {
    name: string;
    version: string;
}

export type LegalFrame = 'L313-11' | 'L313-11-1' | 'L313-11-2' | 'L313-12-IVter' | 'L313-12-2';

export interface ContractJson {
    id: string;
    title: string;
    legalFrames: LegalFrame[];
    engagement: EngagementJson;
    /** End date after a prorogation written in the contract itself (avenants carry their own). */
    prorogationEndDate?: string;
    /** "prorogeable par avenant pour N ans": a clause of the contract, not a prorogation (format 2). */
    prorogeableYears?: number;
    /** Where the contract is signed (`lieu`), format 2. */
    signaturePlace?: string;
    /** The day of a consolidation (`cpom generate --au`): the contract as amended that day (format 2). */
    consolidatedAt?: string;
    departments: string[];
    preambule?: string;
    /** The contract's own visas (`visas { … }`), format 2 (optional within version 2). */
    visas?: VisaJson[];
    /** The clauses of Titre 2 the parties wrote (`clauses { … }`), format 2 (optional within version 2). */
    clauses?: ClausesJson;
    parties: PartiesJson;
    perimeter: PerimeterJson;
    diagnostic?: DiagnosticJson;
    axes: AxisJson[];
    funding: FundingJson;
    followUp: FollowUpJson;
    avenants: AvenantJson[];
}

/** The contract as a FINESS+ engagement: TRE-R395 `CONV` / `CPM`. */
export interface EngagementJson {
    typeEngagement: 'CONV';
    sousTypeEngagement: 'CPM';
    identifiantEngagement: string;
    nomEngagement: string;
    dateEffetEngagement?: string;
    dateSignatureEngagement?: string;
    dateFinEngagement?: string;
    autoriteRegulationEngagement: AutoriteRegulationJson[];
}

export interface AutoriteRegulationJson {
    authorityId: string;
}

export interface PartiesJson {
    gestionnaire?: GestionnaireJson;
    authorities: AuthorityJson[];
    signatories: SignatoryJson[];
}

export type LegalStatus = 'association' | 'fondation' | 'mutuelle' | 'etablissement_public' | 'collectivite'
    | 'societe_commerciale' | 'congregation' | 'gcsms' | 'autre';

export interface GestionnaireJson {
    id: string;
    denominationPm: string;
    numFinessPm?: string;
    legalStatus?: LegalStatus;
    address?: string;
}

export type AuthorityKind = 'ars' | 'departement' | 'metropole' | 'prefet' | 'organisme';

export interface VisaJson {
    kind: 'prs' | 'schema_regional' | 'schema_departemental' | 'autorisation' | 'deliberation' | 'autre';
    text?: string;
    date?: string;
    /** Identifiers of the establishments an arrêté d'autorisation concerns. */
    establishments?: string[];
}

export interface ClausesJson {
    affectationDesResultats?: string;
    nonRespect?: string;
    resiliation?: string;
    conventionsTripartites?: string;
    litiges?: string;
    juridiction?: string;
    revision?: string;
}

export interface AuthorityJson {
    id: string;
    kind: AuthorityKind;
    department?: string;
    /** The départements the authority covers beyond `department`, when it declares several (format 2). */
    otherDepartments?: string[];
    name: string;
    region?: string;
    address?: string;
    catalogue?: string;
}

export interface ActiveFileJson {
    count: number;
    year?: number;
}

export interface SignatoryJson {
    party: string;
    role?: string;
    person?: string;
}

export interface PerimeterJson {
    establishments: EstablishmentJson[];
}

export type Modality = 'hebergement_permanent' | 'hebergement_temporaire' | 'accueil_de_jour' | 'accueil_de_nuit'
    | 'internat' | 'semi_internat' | 'externat' | 'places_de_service';

export interface EstablishmentJson {
    id: string;
    nomEgeLong: string;
    numFinessEge?: string;
    categorieEntiteGeographique?: CategoryJson;
    department?: string;
    capacities: CapacityJson[];
    tarificationAuthorities: string[];
    habilitationAideSociale?: HabilitationJson;
    address?: string;
    catalogue?: string;
    /** Persons accompanied (file active), distinct from places: the count and the year it was measured. */
    activeFile?: ActiveFileJson;
    /** The publics accompanied and the activities of the ESMS, as written. */
    publics?: string[];
    activities?: string[];
}

export interface CategoryJson {
    code: number;
    key?: string;
    label?: string;
}

export interface CapacityJson {
    modality?: Modality;
    authorised: number;
    funded?: number;
    unit?: 'places' | 'lits';
}

export type HabilitationJson = { scope: 'totale' | 'aucune' } | { places: number };

export interface DiagnosticJson {
    activite?: string;
    organisation?: string;
    ressources?: string;
    qualite?: string;
}

export interface AxisJson {
    id: string;
    title: string;
    objectives: ObjectiveJson[];
}

export interface ObjectiveJson {
    id: string;
    title: string;
    description?: string;
    establishments: string[];
    actions: ActionJson[];
    indicators: IndicatorJson[];
    /** The headings of the fiche action as written (format 2): enjeux et contexte, objectifs visés… */
    sheet?: FicheSheetJson;
}

export interface FicheSheetJson {
    enjeux?: string;
    objectifs_vises?: string;
    modalites?: string;
    echeancier?: string;
    contraintes?: string;
    ressources?: string;
    maitre_d_oeuvre?: string;
    evaluation?: string;
}

export interface ActionJson {
    id?: string;
    title: string;
    deadline?: string;
    lead?: string;
    establishments: string[];
}

export type Direction = 'hausse' | 'baisse' | 'maintien';
export type ValueUnit = 'percent' | 'EUR';

export interface IndicatorJson {
    id: string;
    title?: string;
    basedOn?: string;
    unit?: string;
    source?: string;
    formula?: string;
    direction?: Direction;
    baseline?: YearValueJson;
    targets: YearValueJson[];
}

export interface YearValueJson {
    year: number;
    value: number;
    unit?: ValueUnit;
}

export interface QuantityJson {
    value: number;
    unit?: ValueUnit;
}

export interface FundingJson {
    lines: FundingLineJson[];
    cnr: CnrJson[];
    modulations: ModulationJson[];
    headOfficeCosts: HeadOfficeCostsJson[];
}

export type FundingNature = 'dotation_globale' | 'dotation_globalisee_commune' | 'forfait_global_soins'
    | 'forfait_global_dependance' | 'tarif_hebergement' | 'prix_de_journee' | 'forfait_soins' | 'forfait_autonomie' | 'autre';
export type FundingSource = 'assurance_maladie' | 'etat' | 'departement' | 'autre';
export type IndexationMethod = 'taux_regional' | 'taux_departemental' | 'formule' | 'avenant_annuel' | 'equation_tarifaire';

export interface FundingLineJson {
    id: string;
    kind: 'dotation' | 'forfait' | 'tarif';
    title: string;
    nature?: FundingNature;
    payer?: string;
    fundingSource?: FundingSource;
    establishments: string[];
    amounts: YearAmountJson[];
    actualisation?: ActualisationJson;
    distributions: DistributionJson[];
}

export interface YearAmountJson {
    year: number;
    amount: number;
    perDay?: true;
}

export interface ActualisationJson {
    method: IndexationMethod;
    formula?: string;
}

export interface DistributionJson {
    year: number;
    shares: ShareJson[];
}

export interface ShareJson {
    establishment: string;
    amount: number;
    perDay?: true;
}

export interface CnrJson {
    title: string;
    year: number;
    amount: number;
    perDay?: true;
    establishment?: string;
    payer?: string;
}

export type ModulationCriterion = 'taux_occupation' | 'personnes_accompagnees' | 'prestations' | 'autre';

export interface ModulationJson {
    fundingLine: string;
    criterion?: ModulationCriterion;
    indicator?: string;
    abattement?: QuantityJson;
    justification?: string;
    /** The threshold below which the funding is reduced (`seuil`). */
    threshold?: QuantityJson;
    /** The formula written: half of the gap, abattement × gap, or a fixed abattement. */
    formula?: 'demi_ecart' | 'proportionnelle' | 'forfaitaire';
    /** The establishments the clause applies to, when it names them. */
    establishments?: string[];
    /** The last known activity measures (`mesure_reference`). */
    referenceMeasures?: ReferenceMeasureJson[];
}

export interface ReferenceMeasureJson {
    year: number;
    measure: QuantityJson;
    establishment?: string;
}

export interface HeadOfficeCostsJson {
    rate?: QuantityJson;
    authorisationDate?: string;
}

export type Frequency = 'annuel' | 'semestriel' | 'trimestriel';

export interface FollowUpJson {
    committees: CommitteeJson[];
    managementDialogues: Array<{ frequency: Frequency }>;
    reviews: Array<{ kind: 'annuelle' | 'mi_parcours' | 'finale'; year: number }>;
    gmpPmpEvaluations: Array<{ year: number }>;
    transmissions: TransmissionJson[];
}

export interface CommitteeJson {
    members: string[];
    meetingFrequency?: Frequency;
}

export interface TransmissionJson {
    document: 'eprd' | 'errd' | 'rapport_activite';
    day: number;
    month: number;
}

export interface AvenantJson {
    number: number;
    object?: string;
    effectDate?: string;
    signatureDate?: string;
    prorogationEndDate?: string;
    signatories: SignatoryJson[];
    authorities: AuthorityJson[];
    addedEstablishments: EstablishmentJson[];
    withdrawnEstablishments: string[];
    funding: FundingJson;
    /** The end date the avenant sets (`fin`), format 2. */
    endDate?: string;
    /** What the avenant modifies (`modifie X { … }`), format 2. */
    modifications: ModificationJson[];
    /** The follow-up clauses the avenant replaces, kind by kind (`suivi { … }`), format 2. */
    followUp?: FollowUpJson;
    /** The visas the avenant adds (`visas { … }`), format 2 (optional within version 2). */
    visas?: VisaJson[];
    /** The visas it withdraws (`retire visa …`), as it names them: the kind, and the text and date when given. */
    withdrawnVisas?: VisaJson[];
    /** The clauses of Titre 2 it words anew (`clauses { … }`), format 2 (optional within version 2). */
    clauses?: ClausesJson;
    /** The clauses that take back their default wording (`retire clause …`), by their field in `clauses`. */
    withdrawnClauses?: Array<keyof ClausesJson>;
}

/**
 * One `modifie X { … }` of an avenant (format 2): the target (its identifier in this document) and the clauses it
 * replaces or adds, in the shapes of the target's own export. Capacities are replaced modality by modality,
 * targets and amounts year by year; actions and indicators are added to an objective.
 */
export interface ModificationJson {
    target: string;
    targetKind?: 'establishment' | 'indicator' | 'funding' | 'objective';
    title?: string;
    capacities?: CapacityJson[];
    targets?: YearValueJson[];
    baseline?: YearValueJson;
    amounts?: YearAmountJson[];
    description?: string;
    addedActions?: ActionJson[];
    addedIndicators?: IndicatorJson[];
    /** Other clauses, as written with their spaces collapsed (nature, financeur, tarification…). */
    otherClauses?: string[];
}
