/**
 * The one catalogue of diagnostics. Every diagnostic the toolchain reports has an entry here:
 * the validator reports by code, the CLI maps codes to SARIF rules, the docs under `docs/rules/`
 * are generated from these entries, and the fixture runner checks that each code has fixtures.
 *
 * Codes are stable: never renumber or reuse one. Messages are templates: `{name}` is replaced
 * by the parameter of that name.
 */

export type Severity = 'error' | 'warning' | 'info';
export type Locale = 'fr' | 'en';
export type Localized = Record<Locale, string>;

/** How sure we are that the rule is the law (see ../shared/DOMAIN.md): V read in the text, S secondary source,
 * C computed and cross-checked, G design proposal (never an error), T structural (the language itself). */
export type Confidence = 'V' | 'S' | 'C' | 'G' | 'T';

export type RuleCategory =
    | 'syntax' | 'structure' | 'dates' | 'parties' | 'perimeter' | 'finess' | 'indicators' | 'funding' | 'follow-up' | 'amendments';

export interface RuleDefinition {
    readonly code: string;
    /** Readable alias, accepted in cpom.config.json in place of the code. */
    readonly name: string;
    readonly severity: Severity;
    readonly category: RuleCategory;
    readonly title: Localized;
    readonly message: Localized;
    /** Why the rule exists and how to fix what it reports (English, for the rule page). */
    readonly rationale: string;
    /** Legal or documentary source. */
    readonly source: string;
    readonly confidence: Confidence;
}

function rule(def: RuleDefinition): RuleDefinition {
    return def;
}

export const RULES = [
    // --- syntax and structure -------------------------------------------------------------
    rule({
        code: 'CPOM001', name: 'syntax-error', severity: 'error', category: 'syntax', confidence: 'T',
        title: { fr: 'Erreur de syntaxe', en: 'Syntax error' },
        message: { fr: '{detail}', en: '{detail}' },
        rationale: 'The text does not follow the grammar of the CPOM language. The message says what was expected at that place.',
        source: 'CPOM language grammar (grammar/cpom.langium).'
    }),
    rule({
        code: 'CPOM002', name: 'unresolved-reference', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Référence non résolue', en: 'Unresolved reference' },
        message: {
            fr: '« {name} » est introuvable parmi les {kinds}{hint}.',
            en: "'{name}' is not among the known {kinds}{hint}."
        },
        rationale: 'A name is used that is declared nowhere visible: in the same contract, in the same file, or in an imported catalogue (`importe "…"`). Names from another file are visible only once that file is imported, under their qualified name (`CATALOGUE.NAME`).',
        source: 'CPOM language scoping rules.'
    }),
    rule({
        code: 'CPOM003', name: 'duplicate-name', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Nom déclaré deux fois', en: 'Duplicate name' },
        message: {
            fr: 'Le nom « {name} » est déjà déclaré ({kind}){where}.',
            en: "The name '{name}' is already declared ({kind}){where}."
        },
        rationale: 'Every establishment, authority, objective, indicator or funding line is referred to by its name, so a name must be unique in its contract or catalogue, and contract and catalogue names must be unique in the workspace.',
        source: 'CPOM language scoping rules.'
    }),
    rule({
        code: 'CPOM004', name: 'import-not-found', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Fichier importé introuvable', en: 'Imported file not found' },
        message: {
            fr: 'Le fichier importé « {path} » est introuvable.',
            en: "The imported file '{path}' cannot be found."
        },
        rationale: 'An `importe` clause names a file, relative to the importing file, that does not exist or is not a `.cpom` file of the workspace.',
        source: 'CPOM language import rules.'
    }),
    rule({
        code: 'CPOM005', name: 'missing-clause', severity: 'error', category: 'structure', confidence: 'V',
        title: { fr: 'Clause obligatoire manquante', en: 'Missing mandatory clause' },
        message: {
            fr: '{element} ne comporte pas de clause « {clause} » ({why}).',
            en: "{element} has no '{clause}' clause ({why})."
        },
        rationale: 'A contract must state its legal frame, its date of effect and end, its gestionnaire, its signatories, its perimeter, its objectives, its means and its follow-up. The arrêté of 3 March 2017 (cahier des charges) lists the mandatory content of a CPOM: identification of the parties and of the perimeter, shared diagnostic, objectives, means, follow-up and duration.',
        source: 'CASF L.313-11; arrêté du 3 mars 2017, titre I art. 1 and annex (socle of the contract).'
    }),
    rule({
        code: 'CPOM006', name: 'duplicate-clause', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Clause en double', en: 'Duplicate clause' },
        message: {
            fr: 'La clause « {clause} » apparaît plusieurs fois ; une seule est permise ici.',
            en: "The '{clause}' clause appears more than once; only one is allowed here."
        },
        rationale: 'Clauses such as `effet`, `fin`, `finess` or `categorie` have one value; a second one would silently contradict the first.',
        source: 'CPOM language structure.'
    }),
    rule({
        code: 'CPOM007', name: 'unused-declaration', severity: 'warning', category: 'structure', confidence: 'T',
        title: { fr: 'Déclaration inutilisée', en: 'Unused declaration' },
        message: {
            fr: 'Rien dans le contrat ne fait référence à {kind} « {name} » : déclaration inutilisée.',
            en: "Nothing in the contract refers to {kind} '{name}': unused declaration."
        },
        rationale: 'An authority that neither signs, funds nor tarifies, or an establishment of the perimeter that is neither funded nor concerned by any objective, is usually a leftover of an earlier draft.',
        source: 'Completeness check of the CPOM language.'
    }),
    rule({
        code: 'CPOM008', name: 'invalid-date', severity: 'error', category: 'dates', confidence: 'T',
        title: { fr: 'Date impossible', en: 'Impossible date' },
        message: {
            fr: "La date « {date} » n'existe pas.",
            en: "The date '{date}' does not exist."
        },
        rationale: 'Dates are written `AAAA-MM-JJ` (ISO 8601). A month above 12 or a day past the end of the month (2013-02-30) is a typing error.',
        source: 'ISO 8601.'
    }),
    rule({
        code: 'CPOM009', name: 'invalid-amount', severity: 'error', category: 'funding', confidence: 'T',
        title: { fr: 'Montant invalide', en: 'Invalid amount' },
        message: {
            fr: "Le montant « {amount} » n'est pas exprimé au centime près.",
            en: "The amount '{amount}' is not expressed to the cent."
        },
        rationale: 'Amounts are in euros with at most two decimals (`68,50 €`).',
        source: 'Budgetary and accounting rules (amounts in euros and cents).'
    }),

    // --- dates and duration ---------------------------------------------------------------
    rule({
        code: 'CPOM010', name: 'end-before-effect', severity: 'error', category: 'dates', confidence: 'T',
        title: { fr: "Fin avant la date d'effet", en: 'End before the date of effect' },
        message: {
            fr: "La date de fin ({end}) précède la date d'effet ({effect}).",
            en: 'The end date ({end}) is before the date of effect ({effect}).'
        },
        rationale: 'A contract ends after it takes effect.',
        source: 'CASF L.313-11 (contract concluded for a duration).'
    }),
    rule({
        code: 'CPOM011', name: 'duration-max', severity: 'error', category: 'dates', confidence: 'V',
        title: { fr: 'Durée supérieure à cinq ans', en: 'Term longer than five years' },
        message: {
            fr: 'Le contrat court du {effect} au {end}, soit plus de cinq ans (fin au plus tard le {max}).',
            en: 'The contract runs from {effect} to {end}, more than five years (latest end {max}).'
        },
        rationale: 'A CPOM is concluded "sur une durée maximale de cinq ans". The last day of a five-year contract is the day before the fifth anniversary of its date of effect (effect 2013-01-01, end 2017-12-31).',
        source: 'CASF L.313-11 (version in force since 4 March 2022): "sur une durée maximale de cinq ans".'
    }),
    rule({
        code: 'CPOM012', name: 'prorogation-max', severity: 'error', category: 'dates', confidence: 'V',
        title: { fr: 'Prorogation au-delà de la sixième année', en: 'Prorogation beyond a sixth year' },
        message: {
            fr: 'La prorogation au {prorogation} porte la durée totale au-delà de six ans (au plus tard le {max}).',
            en: 'The prorogation to {prorogation} takes the total term beyond six years (latest {max}).'
        },
        rationale: 'The contract is "prorogeable dans la limite d\'une sixième année": with its prorogation, a CPOM lasts six years at most. A prorogation must also end after the initial end date.',
        source: 'CASF L.313-11: "prorogeable dans la limite d\'une sixième année"; arrêté du 3 mars 2017 (prorogation ≤ 1 year).'
    }),
    rule({
        code: 'CPOM016', name: 'prorogation-before-end', severity: 'error', category: 'dates', confidence: 'T',
        title: { fr: 'Prorogation qui ne prolonge pas', en: 'Prorogation that does not extend' },
        message: {
            fr: 'La prorogation au {prorogation} ne prolonge pas le contrat, qui finit le {end}.',
            en: 'The prorogation to {prorogation} does not extend the contract, which ends on {end}.'
        },
        rationale: 'A prorogation extends the contract beyond its initial end date (by one year at most).',
        source: 'CASF L.313-11 ("prorogeable dans la limite d\'une sixième année").'
    }),
    rule({
        code: 'CPOM013', name: 'ivter-duration', severity: 'warning', category: 'dates', confidence: 'V',
        title: { fr: 'CPOM EHPAD de durée différente de cinq ans', en: 'EHPAD CPOM not lasting five years' },
        message: {
            fr: 'Un CPOM relevant du IV ter de l\'article L.313-12 est conclu pour cinq ans ; celui-ci court du {effect} au {end}.',
            en: 'A CPOM under L.313-12 IV ter is concluded for five years; this one runs from {effect} to {end}.'
        },
        rationale: 'The cahier des charges of the EHPAD/PUV CPOM sets a term of five years. Shorter terms are seen in practice (alignment of several contracts), hence a warning.',
        source: 'Arrêté du 3 mars 2017 fixant le cahier des charges du CPOM (L.313-12 IV ter): CPOM "conclu pour une durée de cinq ans".'
    }),
    rule({
        code: 'CPOM014', name: 'signature-after-effect', severity: 'info', category: 'dates', confidence: 'S',
        title: { fr: "Signature postérieure à la date d'effet", en: 'Signed after its date of effect' },
        message: {
            fr: "Le contrat est signé le {signature}, après sa date d'effet ({effect}) : c'est permis, la date d'effet reste celle du contrat.",
            en: 'The contract is signed on {signature}, after its date of effect ({effect}): this is allowed, the date of effect stands.'
        },
        rationale: 'A contract may take effect before it is signed (MESSIDOR: effect 1 January 2013, signed 20 June 2013). The note makes the retroactivity visible to reviewers.',
        source: 'ARS Rhône-Alpes, announcement of the MESSIDOR CPOM (24 June 2013); DGCS FAQ 2017 distinguishes date of effect and date of signature.'
    }),
    rule({
        code: 'CPOM015', name: 'signature-after-end', severity: 'error', category: 'dates', confidence: 'T',
        title: { fr: 'Signature après la fin du contrat', en: 'Signed after the contract ends' },
        message: {
            fr: 'La date de signature ({signature}) est postérieure à la fin du contrat ({end}).',
            en: 'The signature date ({signature}) is after the end of the contract ({end}).'
        },
        rationale: 'A contract cannot be signed once its term is over.',
        source: 'CASF L.313-11.'
    }),

    // --- parties ----------------------------------------------------------------------------
    rule({
        code: 'CPOM020', name: 'tarification-authority-signs', severity: 'error', category: 'parties', confidence: 'V',
        title: { fr: "Autorité de tarification non signataire", en: 'Tarification authority does not sign' },
        message: {
            fr: "{authority}, autorité de tarification de {establishment}, ne signe pas le contrat.",
            en: '{authority}, tarification authority of {establishment}, does not sign the contract.'
        },
        rationale: 'The CPOM is concluded with "la ou les autorités chargées de la tarification": every authority that fixes the tariff of an establishment of the perimeter is a party and signs.',
        source: 'CASF L.313-11; model CPOM of the arrêté du 25 octobre 2019 (L.313-11-2): "l\'autorité de tarification… est co-signataire".'
    }),
    rule({
        code: 'CPOM021', name: 'signatory-funds-nothing', severity: 'warning', category: 'parties', confidence: 'G',
        title: { fr: 'Autorité signataire sans rôle financier', en: 'Signatory authority with no funding role' },
        message: {
            fr: "{authority} signe le contrat mais ne tarifie ni ne finance aucun établissement du périmètre.",
            en: '{authority} signs the contract but neither tarifies nor funds any establishment of the perimeter.'
        },
        rationale: 'Usually a signatory authority is a tarification authority of the perimeter. Social-protection bodies (`organisme`) may be parties without funding, so they are not reported.',
        source: 'CASF L.313-11 (parties to the CPOM); proposal of the cpom project.'
    }),
    rule({
        code: 'CPOM022', name: 'gestionnaire-signs', severity: 'error', category: 'parties', confidence: 'V',
        title: { fr: 'Gestionnaire non signataire', en: 'Gestionnaire does not sign' },
        message: {
            fr: "Le gestionnaire {gestionnaire} ne figure pas parmi les signataires.",
            en: 'The gestionnaire {gestionnaire} is not among the signatories.'
        },
        rationale: 'The CPOM is concluded between the personne morale gestionnaire and the authorities: the gestionnaire signs.',
        source: 'CASF L.313-11; L.313-12 IV ter (signed by the DG ARS, the PCD and the gestionnaire).'
    }),
    rule({
        code: 'CPOM023', name: 'ivter-parties', severity: 'error', category: 'parties', confidence: 'V',
        title: { fr: 'CPOM EHPAD sans ARS ou sans département', en: 'EHPAD CPOM without ARS or département' },
        message: {
            fr: "Un CPOM relevant du IV ter de l'article L.313-12 est signé par le directeur général de l'ARS et le président du conseil départemental ; il manque : {missing}.",
            en: 'A CPOM under L.313-12 IV ter is signed by the director general of the ARS and the president of the conseil départemental; missing: {missing}.'
        },
        rationale: 'For EHPAD and PUV, the contract is tripartite: ARS, département and gestionnaire.',
        source: 'CASF L.313-12 IV ter; arrêté du 3 mars 2017, préambule.'
    }),
    rule({
        code: 'CPOM024', name: 'ivter-department-signs', severity: 'warning', category: 'parties', confidence: 'G',
        title: { fr: 'Département du périmètre non signataire', en: 'Département of the perimeter does not sign' },
        message: {
            fr: "L'établissement {establishment} est situé dans le département {department}, dont le conseil départemental ne signe pas ce CPOM EHPAD.",
            en: 'Establishment {establishment} is in département {department}, whose conseil départemental does not sign this EHPAD CPOM.'
        },
        rationale: 'An EHPAD CPOM covering several départements of one region involves the president of each concerned conseil départemental.',
        source: 'CASF L.313-12 IV ter (extension to several départements of the same region with their agreement); proposal of the cpom project.'
    }),
    rule({
        code: 'CPOM025', name: 'multi-region', severity: 'warning', category: 'parties', confidence: 'G',
        title: { fr: 'Périmètre sur plusieurs régions', en: 'Perimeter spanning several regions' },
        message: {
            fr: 'Le périmètre couvre plusieurs régions ({regions}).',
            en: 'The perimeter spans several regions ({regions}).'
        },
        rationale: 'Multi-department CPOM are allowed since the circulaire of 26 March 2007, and the IV ter contract may extend to several départements of the same region. A contract spanning regions involves several ARS and is unusual.',
        source: 'Circulaire interministérielle du 26 mars 2007; CASF L.313-12 IV ter ("plusieurs départements de la même région").'
    }),
    rule({
        code: 'CPOM026', name: 'unexpected-tarification', severity: 'warning', category: 'parties', confidence: 'S',
        title: { fr: 'Autorité de tarification inattendue', en: 'Unexpected tarification authority' },
        message: {
            fr: 'La catégorie {category} est habituellement tarifée par {expected} ; {establishment} déclare {actual}.',
            en: 'Category {category} is usually tarified by {expected}; {establishment} declares {actual}.'
        },
        rationale: 'Each category of ESMS has its tarification authorities (R.314-105 and the FINESS mode de fixation tarifaire): ARS for IME, ESAT, MAS, SSIAD; ARS and département jointly for EHPAD, FAM, SAMSAH, CAMSP; département alone for foyers de vie, SAVS, SAAD; préfet for CHRS.',
        source: 'CASF R.314-105 (pre-2016 version); décret 2016-1814 (EHPAD); FINESS nomenclature TRE_R74 (mode de fixation tarifaire).'
    }),
    rule({
        code: 'CPOM027', name: 'unknown-department', severity: 'error', category: 'parties', confidence: 'T',
        title: { fr: 'Département inconnu', en: 'Unknown département' },
        message: {
            fr: "« {code} » n'est pas un code de département français.",
            en: "'{code}' is not a French département code."
        },
        rationale: 'Department codes are the INSEE codes: 01 to 95 with 2A and 2B, and 971 to 976 overseas.',
        source: 'INSEE code officiel géographique.'
    }),

    // --- perimeter --------------------------------------------------------------------------
    rule({
        code: 'CPOM030', name: 'missing-finess', severity: 'error', category: 'perimeter', confidence: 'V',
        title: { fr: 'Numéro FINESS manquant', en: 'Missing FINESS number' },
        message: {
            fr: "{kind} « {name} » n'a pas de numéro FINESS.",
            en: "{kind} '{name}' has no FINESS number."
        },
        rationale: 'The contract identifies the gestionnaire by the FINESS number of its entité juridique, and each establishment or service of the perimeter by its FINESS number.',
        source: 'Arrêté du 3 mars 2017, titre I art. 1 (FINESS of the entité juridique and of each ESMS).'
    }),
    rule({
        code: 'CPOM031', name: 'duplicate-finess', severity: 'error', category: 'perimeter', confidence: 'V',
        title: { fr: 'Numéro FINESS en double', en: 'Duplicate FINESS number' },
        message: {
            fr: 'Le numéro FINESS {finess} est déjà celui de {other}.',
            en: 'FINESS number {finess} is already that of {other}.'
        },
        rationale: 'A FINESS établissement number identifies one site and one budget: two establishments of a perimeter cannot share it.',
        source: 'FINESS referential (one ET per site and per distinct budget).'
    }),
    rule({
        code: 'CPOM032', name: 'missing-category', severity: 'error', category: 'perimeter', confidence: 'V',
        title: { fr: 'Établissement incomplet', en: 'Incomplete establishment' },
        message: {
            fr: "L'établissement « {name} » ne précise pas {missing}.",
            en: "Establishment '{name}' does not state {missing}."
        },
        rationale: 'Each ESMS of the perimeter is described by its category, its capacity (autorisations) and its tarification authority.',
        source: 'Arrêté du 3 mars 2017, titre I art. 1 (per ESMS: autorisations, FINESS, activities and publics).'
    }),
    rule({
        code: 'CPOM033', name: 'unknown-category', severity: 'error', category: 'perimeter', confidence: 'T',
        title: { fr: 'Catégorie inconnue', en: 'Unknown category' },
        message: {
            fr: "« {category} » n'est pas une catégorie d'ESMS connue ; catégories possibles : {known}.",
            en: "'{category}' is not a known ESMS category; known categories: {known}."
        },
        rationale: 'Categories come from a closed list that carries the FINESS category codes (EHPAD 500, ESAT 246, IME 183…).',
        source: 'FINESS category nomenclature; ANAP, guide des indicateurs du tableau de bord (2021).'
    }),
    rule({
        code: 'CPOM034', name: 'category-code-mismatch', severity: 'warning', category: 'perimeter', confidence: 'V',
        title: { fr: 'Code de catégorie incohérent', en: 'Inconsistent category code' },
        message: {
            fr: "Le code de catégorie FINESS {code} ne correspond pas à {category} (code {expected}).",
            en: 'FINESS category code {code} does not match {category} (code {expected}).'
        },
        rationale: 'When both a category and a FINESS category code are written, they must agree.',
        source: 'FINESS category nomenclature; ANAP, guide des indicateurs du tableau de bord (2021).'
    }),
    rule({
        code: 'CPOM035', name: 'department-outside-perimeter', severity: 'warning', category: 'perimeter', confidence: 'C',
        title: { fr: 'Département hors du périmètre déclaré', en: 'Département outside the declared perimeter' },
        message: {
            fr: "L'établissement « {name} » est dans le département {department}, absent de la clause « départements » du contrat ({declared}).",
            en: "Establishment '{name}' is in département {department}, missing from the contract's 'départements' clause ({declared})."
        },
        rationale: 'The departments listed in the contract header should cover every establishment of the perimeter.',
        source: 'Consistency of the contract header with the perimeter.'
    }),
    rule({
        code: 'CPOM036', name: 'finess-department-mismatch', severity: 'warning', category: 'finess', confidence: 'V',
        title: { fr: 'FINESS et département discordants', en: 'FINESS and département disagree' },
        message: {
            fr: 'Le numéro FINESS {finess} désigne le département {finessDepartment}, mais « {name} » est déclaré dans le département {department}.',
            en: "FINESS number {finess} belongs to département {finessDepartment}, but '{name}' is declared in département {department}."
        },
        rationale: 'The first characters of a FINESS number are the département (97x overseas, 2A/2B for Corsica).',
        source: 'FINESS referential (ref_etab: the first two characters are the département; 97 + 4th character overseas).'
    }),
    rule({
        code: 'CPOM037', name: 'establishment-outside-perimeter', severity: 'error', category: 'perimeter', confidence: 'T',
        title: { fr: 'Établissement hors périmètre', en: 'Establishment outside the perimeter' },
        message: {
            fr: "« {name} » n'appartient pas au périmètre du contrat.",
            en: "'{name}' is not in the contract's perimeter."
        },
        rationale: 'Objectives, funding lines and distributions can only concern establishments of the perimeter (declared in `perimetre` or included from a catalogue with `inclut`). A new establishment enters the perimeter by an avenant.',
        source: 'Arrêté du 25 octobre 2019 (model CPOM): a new establishment is integrated by avenant.'
    }),
    rule({
        code: 'CPOM038', name: 'capacity-funded-above-authorised', severity: 'error', category: 'perimeter', confidence: 'S',
        title: { fr: 'Capacité financée supérieure à la capacité autorisée', en: 'Funded capacity above authorised capacity' },
        message: {
            fr: 'La capacité financée ({funded}) dépasse la capacité autorisée ({authorised}).',
            en: 'The funded capacity ({funded}) exceeds the authorised capacity ({authorised}).'
        },
        rationale: 'Places can be funded only within the authorisation (capacité autorisée et financée, R.314-43-2).',
        source: 'CASF R.314-43-2 (capacité autorisée et financée); L.313-1 (autorisation).'
    }),

    // --- FINESS -----------------------------------------------------------------------------
    rule({
        code: 'CPOM040', name: 'finess-format', severity: 'error', category: 'finess', confidence: 'V',
        title: { fr: 'Numéro FINESS mal formé', en: 'Malformed FINESS number' },
        message: {
            fr: "« {finess} » n'est pas un numéro FINESS : 9 caractères, deux chiffres de département (ou 2A, 2B) puis 7 chiffres.",
            en: "'{finess}' is not a FINESS number: 9 characters, two digits of département (or 2A, 2B) then 7 digits."
        },
        rationale: 'A FINESS number has nine characters: the département on two characters (digits, or 2A/2B for Corsica), six digits, and a check key.',
        source: 'FINESS+ JSON schema (finessId pattern); ref_etab (FINESS sans clef on 8 characters + 1 key character).'
    }),
    rule({
        code: 'CPOM041', name: 'finess-key', severity: 'error', category: 'finess', confidence: 'C',
        title: { fr: 'Clé FINESS invalide', en: 'Invalid FINESS key' },
        message: {
            fr: 'La clé du numéro FINESS {finess} est fausse : avec ces huit premiers caractères, la clé est {key} ({expected}).',
            en: 'The key of FINESS number {finess} is wrong: with these first eight characters the key is {key} ({expected}).'
        },
        rationale: 'The ninth character is a Luhn (mod 10) check digit computed over the number, with 2A read as 21 and 2B as 22. A wrong key almost always means a typing error.',
        source: 'Computed and cross-checked by the cpom project on 207 real FINESS numbers, including 21 Corsican ones (../shared/DOMAIN.md §2.2).'
    }),
    rule({
        code: 'CPOM042', name: 'finess-prefix', severity: 'warning', category: 'finess', confidence: 'G',
        title: { fr: 'Préfixe FINESS inexistant', en: 'Non-existent FINESS prefix' },
        message: {
            fr: 'Le numéro FINESS {finess} commence par {prefix}, qui ne correspond à aucun département.',
            en: 'FINESS number {finess} starts with {prefix}, which is no département.'
        },
        rationale: 'The prefixes 20 (Corsica is 2A/2B), 96 and 99 designate no département in FINESS.',
        source: 'FINESS referential; proposal of the cpom project.'
    }),
    rule({
        code: 'CPOM043', name: 'finess-normalised', severity: 'info', category: 'finess', confidence: 'T',
        title: { fr: 'Numéro FINESS normalisé', en: 'FINESS number normalised' },
        message: {
            fr: 'Numéro FINESS lu comme {finess}.',
            en: 'FINESS number read as {finess}.'
        },
        rationale: 'A FINESS number typed with spaces or in lower case is accepted and read in its canonical form; the note shows how it was read.',
        source: 'FINESS+ JSON schema (finessId on 9 characters).'
    }),
    rule({
        code: 'CPOM044', name: 'finess-ej-equals-et', severity: 'info', category: 'finess', confidence: 'V',
        title: { fr: 'FINESS EJ identique à un FINESS ET', en: 'EJ FINESS equal to an ET FINESS' },
        message: {
            fr: "Le numéro FINESS {finess} est à la fois celui de l'entité juridique et de l'établissement {name}.",
            en: 'FINESS number {finess} is both that of the entité juridique and of establishment {name}.'
        },
        rationale: 'An entité juridique number can equal an établissement number (e.g. 2A0000154); this is legitimate but worth a second look.',
        source: 'Arrêté du 4 mars 2015 (etalab annex): 2A0000154 is both EJ and ET.'
    }),

    // --- objectives and indicators ------------------------------------------------------------
    rule({
        code: 'CPOM050', name: 'objective-without-indicator', severity: 'error', category: 'indicators', confidence: 'V',
        title: { fr: 'Objectif sans indicateur', en: 'Objective without indicator' },
        message: {
            fr: "L'objectif « {name} » n'a aucun indicateur.",
            en: "Objective '{name}' has no indicator."
        },
        rationale: 'Objectives are "déclinés en actions, assortis d\'indicateurs" with a timetable: an objective without an indicator cannot be evaluated.',
        source: 'Arrêté du 25 octobre 2019, annex (model CPOM); arrêté du 3 mars 2017 (objectives and their indicators).'
    }),
    rule({
        code: 'CPOM051', name: 'indicator-baseline', severity: 'error', category: 'indicators', confidence: 'V',
        title: { fr: 'Indicateur sans valeur de référence', en: 'Indicator without baseline' },
        message: {
            fr: "L'indicateur « {name} » n'a pas de valeur de référence (clause « reference ANNÉE: valeur »).",
            en: "Indicator '{name}' has no baseline ('reference YEAR: value' clause)."
        },
        rationale: 'A trajectory is measured from a baseline: the value of the indicator in a known year, usually the year before the contract.',
        source: 'Arrêté du 25 octobre 2019, annex (indicators); ANAP tableau de bord de la performance.'
    }),
    rule({
        code: 'CPOM052', name: 'indicator-targets', severity: 'error', category: 'indicators', confidence: 'V',
        title: { fr: 'Indicateur sans cible', en: 'Indicator without target' },
        message: {
            fr: "L'indicateur « {name} » n'a aucune cible (clause « cibles ANNÉE: valeur, … »).",
            en: "Indicator '{name}' has no target ('cibles YEAR: value, …' clause)."
        },
        rationale: 'Each indicator carries the values to reach, year by year, within the contract period.',
        source: 'Arrêté du 25 octobre 2019, annex (indicators and timetable).'
    }),
    rule({
        code: 'CPOM053', name: 'target-outside-period', severity: 'error', category: 'indicators', confidence: 'V',
        title: { fr: 'Cible hors de la période du contrat', en: 'Target outside the contract period' },
        message: {
            fr: "La cible {year} est hors de la période du contrat ({first}–{last}).",
            en: 'The {year} target is outside the contract period ({first}–{last}).'
        },
        rationale: 'Targets are set for the years of the contract; a target after the end cannot be assessed in the bilan final.',
        source: 'CASF L.313-11 (objectives over the term of the contract).'
    }),
    rule({
        code: 'CPOM054', name: 'trajectory-direction', severity: 'warning', category: 'indicators', confidence: 'G',
        title: { fr: 'Trajectoire contraire au sens déclaré', en: 'Trajectory against its declared direction' },
        message: {
            fr: "L'indicateur « {name} » a pour sens « {direction} », mais la valeur passe de {from} ({fromYear}) à {to} ({toYear}).",
            en: "Indicator '{name}' has direction '{direction}', but its value goes from {from} ({fromYear}) to {to} ({toYear})."
        },
        rationale: 'With `sens hausse` each target is at least the previous value (baseline included); with `sens baisse` at most; with `sens maintien` equal. A step the other way is usually a typing error.',
        source: 'Proposal of the cpom project.'
    }),
    rule({
        code: 'CPOM055', name: 'percentage-range', severity: 'error', category: 'indicators', confidence: 'T',
        title: { fr: 'Pourcentage hors de 0–100', en: 'Percentage outside 0–100' },
        message: {
            fr: "{value} % n'est pas un pourcentage entre 0 et 100.",
            en: '{value} % is not a percentage between 0 and 100.'
        },
        rationale: 'Rates (occupancy, absenteeism, turnover…) are percentages between 0 and 100.',
        source: 'Definition of a rate.'
    }),
    rule({
        code: 'CPOM056', name: 'too-many-objectives', severity: 'warning', category: 'indicators', confidence: 'G',
        title: { fr: "Trop d'objectifs", en: 'Too many objectives' },
        message: {
            fr: 'Le contrat compte {count} objectifs ; les objectifs doivent être peu nombreux, réalistes et évaluables (au plus {max}).',
            en: 'The contract has {count} objectives; objectives should be few, realistic and measurable (at most {max}).'
        },
        rationale: 'The ARS method asks for objectives "peu nombreux, réalistes, évaluables". The threshold of 12 is a proposal.',
        source: 'ARS Midi-Pyrénées, séminaire des établissements médico-sociaux (26 May 2010); threshold proposed by the cpom project.'
    }),
    rule({
        code: 'CPOM057', name: 'baseline-year', severity: 'warning', category: 'indicators', confidence: 'G',
        title: { fr: 'Année de référence tardive', en: 'Late baseline year' },
        message: {
            fr: "L'année de référence {year} de l'indicateur « {name} » n'est pas antérieure à la première cible ({first}).",
            en: "Baseline year {year} of indicator '{name}' is not before its first target ({first})."
        },
        rationale: 'The baseline is a known value measured before the targets.',
        source: 'Proposal of the cpom project.'
    }),
    rule({
        code: 'CPOM058', name: 'duplicate-year', severity: 'error', category: 'indicators', confidence: 'T',
        title: { fr: 'Année en double', en: 'Duplicate year' },
        message: {
            fr: "L'année {year} apparaît plusieurs fois.",
            en: 'The year {year} appears more than once.'
        },
        rationale: 'A target or an amount is given once per year.',
        source: 'CPOM language structure.'
    }),
    rule({
        code: 'CPOM059', name: 'final-target', severity: 'warning', category: 'indicators', confidence: 'G',
        title: { fr: 'Pas de cible pour la dernière année', en: 'No target for the final year' },
        message: {
            fr: "L'indicateur « {name} » n'a pas de cible pour {year}, dernière année du contrat.",
            en: "Indicator '{name}' has no target for {year}, the final year of the contract."
        },
        rationale: 'The bilan final compares each indicator with its final target.',
        source: 'Arrêté du 3 mars 2017 (bilan final in year 5); proposal of the cpom project.'
    }),

    // --- funding ----------------------------------------------------------------------------
    rule({
        code: 'CPOM060', name: 'funding-year-missing', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Année non financée', en: 'Year without funding' },
        message: {
            fr: "La ligne de financement « {name} » n'a pas de montant pour {years}.",
            en: "Funding line '{name}' has no amount for {years}."
        },
        rationale: 'The financial volet fixes the means for each year of the contract (R.314-40): every funding line states an amount for each budget year of the period.',
        source: 'CASF R.314-40 (annual fixing of the means over the term of the contract).'
    }),
    rule({
        code: 'CPOM061', name: 'funding-year-outside-period', severity: 'error', category: 'funding', confidence: 'T',
        title: { fr: 'Montant hors de la période', en: 'Amount outside the period' },
        message: {
            fr: "Le montant {year} est hors de la période du contrat ({first}–{last}).",
            en: 'The {year} amount is outside the contract period ({first}–{last}).'
        },
        rationale: 'Amounts are given for the budget years of the contract.',
        source: 'CASF L.313-11, R.314-40.'
    }),
    rule({
        code: 'CPOM062', name: 'distribution-sum', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Répartition différente du montant', en: 'Distribution differs from the amount' },
        message: {
            fr: 'La répartition {year} de « {name} » totalise {sum}, au lieu de {amount} (écart {gap}).',
            en: "The {year} distribution of '{name}' sums to {sum} instead of {amount} (gap {gap})."
        },
        rationale: 'The provisional split of a dotation between establishments adds up, to the cent, to the dotation (R.314-43-1: the annual arrêté fixes the amount and its provisional distribution).',
        source: 'CASF R.314-43-1.'
    }),
    rule({
        code: 'CPOM063', name: 'dgc-homogeneity', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Dotation globalisée commune hétérogène', en: 'Heterogeneous dotation globalisée commune' },
        message: {
            fr: 'La dotation globalisée commune « {name} » réunit des établissements {difference} ({details}).',
            en: "The dotation globalisée commune '{name}' groups establishments {difference} ({details})."
        },
        rationale: 'A dotation globalisée commune can only group ESMS of the same personne morale, under the same tarification authority and with the same financements. cpom checks that the establishments have a tarification authority in common and share the financement of the dotation (État, assurance maladie or département): a FAM (ARS and département) and a MAS (ARS) may share an ARS dotation financed by the assurance maladie, an IME (ARS) and a SAVS (département) may not.',
        source: 'CASF R.314-43-1.'
    }),
    rule({
        code: 'CPOM064', name: 'funding-payer', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Financeur incompatible avec la nature du financement', en: 'Payer incompatible with the kind of funding' },
        message: {
            fr: 'Un financement de nature « {nature} » est versé par {expected} ; « {name} » a pour financeur {payer}.',
            en: "A {nature} is paid by {expected}; '{name}' is paid by {payer}."
        },
        rationale: 'For EHPAD the forfait global soins is fixed by the ARS, the forfait global dépendance and the tarif hébergement by the président du conseil départemental; the dotation of an ESAT is paid by the État and fixed by the ARS.',
        source: 'CASF R.314-105; décret n° 2016-1814 du 21 décembre 2016 (EHPAD forfaits); R.314-174.'
    }),
    rule({
        code: 'CPOM065', name: 'payer-signs', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Financeur non signataire', en: 'Payer does not sign' },
        message: {
            fr: '{payer}, financeur de « {name} », ne signe pas le contrat.',
            en: "{payer}, payer of '{name}', does not sign the contract."
        },
        rationale: 'The authority that commits funds in the contract is a party to it.',
        source: 'CASF L.313-11 ("la ou les autorités chargées de la tarification").'
    }),
    rule({
        code: 'CPOM066', name: 'funding-incomplete', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Ligne de financement incomplète', en: 'Incomplete funding line' },
        message: {
            fr: "La ligne de financement « {name} » ne précise pas {missing}.",
            en: "Funding line '{name}' does not state {missing}."
        },
        rationale: 'A funding line states its nature, its payer, the establishments it funds and its amounts per year; R.314-40 requires the method of annual actualisation.',
        source: 'CASF R.314-40 (method of annual fixing); R.314-43-1.'
    }),
    rule({
        code: 'CPOM067', name: 'modulation-scope', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Modulation hors champ', en: 'Modulation outside its scope' },
        message: {
            fr: "La modulation selon l'activité n'est prévue que pour les CPOM relevant du IV ter de l'article L.313-12, de l'article L.313-12-2 ou de l'article L.313-11-2 ; ce contrat relève de {frames}.",
            en: 'Modulation on activity is provided for CPOM under L.313-12 IV ter, L.313-12-2 or L.313-11-2 only; this contract is under {frames}.'
        },
        rationale: 'R.314-43-2 allows the dotation or forfait to be modulated on contractual activity targets for CPOM under L.313-12 IV ter and L.313-12-2; L.313-11-2 (CHRS) allows "une modulation du tarif en fonction d\'objectifs d\'activité".',
        source: 'CASF R.314-43-2; L.313-11-2.'
    }),
    rule({
        code: 'CPOM068', name: 'modulation-indicator', severity: 'warning', category: 'funding', confidence: 'V',
        title: { fr: 'Critère de modulation non justifié', en: 'Unjustified modulation criterion' },
        message: {
            fr: "La modulation de « {name} » repose sur un critère autre que le taux d'occupation, le nombre de personnes accompagnées ou de prestations, sans justification.",
            en: "The modulation of '{name}' uses a criterion other than occupancy, persons accompanied or prestations, without justification."
        },
        rationale: 'Unless justified, activity is measured by the occupancy rate, the number of persons accompanied in the year or the number of prestations delivered.',
        source: 'CASF R.314-43-2.'
    }),
    rule({
        code: 'CPOM069', name: 'modulation-abattement', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Abattement supérieur à la moitié de l\'écart', en: 'Abattement above half of the gap' },
        message: {
            fr: "L'abattement de {value} % de l'écart dépasse la moitié de l'écart entre la cible et l'activité réalisée.",
            en: 'An abattement of {value} % of the gap exceeds half of the gap between target and actual activity.'
        },
        rationale: 'The abattement cannot exceed half of the gap between the activity target and the last known actual activity.',
        source: 'CASF R.314-43-2.'
    }),
    rule({
        code: 'CPOM070', name: 'funding-establishment', severity: 'error', category: 'funding', confidence: 'T',
        title: { fr: 'Répartition vers un établissement non financé', en: 'Distribution to an establishment not funded' },
        message: {
            fr: "« {establishment} » reçoit une part de « {name} » mais n'est pas parmi les établissements financés par cette ligne.",
            en: "'{establishment}' receives a share of '{name}' but is not among the establishments funded by this line."
        },
        rationale: 'A distribution splits the line between the establishments it funds.',
        source: 'CASF R.314-43-1 (provisional distribution of the dotation).'
    }),
    rule({
        code: 'CPOM071', name: 'cnr-year', severity: 'error', category: 'funding', confidence: 'T',
        title: { fr: 'CNR hors période', en: 'CNR outside the period' },
        message: {
            fr: "Le crédit non reconductible « {name} » est prévu en {year}, hors de la période du contrat ({first}–{last}).",
            en: "Non-recurring credit '{name}' is planned for {year}, outside the contract period ({first}–{last})."
        },
        rationale: 'Crédits non reconductibles are year-specific and outside the recurring base; like every amount of the contract, they are planned within its years (a structural check of the period).',
        source: 'Circulaire campagne 2013 (NOR AFSA1307280C), annexe 5.'
    }),

    // --- follow-up --------------------------------------------------------------------------
    rule({
        code: 'CPOM080', name: 'ivter-comite', severity: 'error', category: 'follow-up', confidence: 'V',
        title: { fr: 'CPOM EHPAD sans comité de suivi', en: 'EHPAD CPOM without comité de suivi' },
        message: {
            fr: "Un CPOM relevant du IV ter de l'article L.313-12 prévoit un comité de suivi et sa composition.",
            en: 'A CPOM under L.313-12 IV ter provides a comité de suivi and its members.'
        },
        rationale: 'The cahier des charges sets up a comité de suivi (département or métropole, ARS, gestionnaire and others).',
        source: 'Arrêté du 3 mars 2017, art. 5 (comité de suivi).'
    }),
    rule({
        code: 'CPOM081', name: 'ivter-reviews', severity: 'error', category: 'follow-up', confidence: 'V',
        title: { fr: 'Revues de 3e et 5e année manquantes', en: 'Missing year-3 and year-5 reviews' },
        message: {
            fr: "Le comité de suivi d'un CPOM EHPAD se réunit la 3e année (revue à mi-parcours, {mid}) et la 5e année (bilan final, {final}) ; il manque : {missing}.",
            en: 'The comité de suivi of an EHPAD CPOM meets in year 3 (mid-term review, {mid}) and year 5 (final review, {final}); missing: {missing}.'
        },
        rationale: 'The comité de suivi meets in the third year for a mid-term review and in the fifth year for the final report.',
        source: 'Arrêté du 3 mars 2017, art. 5.'
    }),
    rule({
        code: 'CPOM082', name: 'gmp-pmp-year', severity: 'warning', category: 'follow-up', confidence: 'V',
        title: { fr: 'Évaluation GMP/PMP hors 3e année', en: 'GMP/PMP assessment not in year 3' },
        message: {
            fr: 'Le GMP et le PMP sont évalués la 3e année du contrat ({expected}) ; le contrat prévoit {actual}.',
            en: 'GMP and PMP are assessed in year 3 of the contract ({expected}); the contract plans {actual}.'
        },
        rationale: 'For EHPAD, the GMP and PMP are assessed before the contract and in its third year (validated by 30 June N-1 to apply in N).',
        source: 'Arrêté du 3 mars 2017.'
    }),
    rule({
        code: 'CPOM083', name: 'review-year', severity: 'error', category: 'follow-up', confidence: 'T',
        title: { fr: 'Revue hors période', en: 'Review outside the period' },
        message: {
            fr: "La revue prévue en {year} est hors de la période du contrat ({first}–{last}).",
            en: 'The review planned for {year} is outside the contract period ({first}–{last}).'
        },
        rationale: 'Reviews and assessments take place during the contract.',
        source: 'Arrêté du 3 mars 2017, art. 5.'
    }),
    rule({
        code: 'CPOM084', name: 'budget-deadline', severity: 'warning', category: 'follow-up', confidence: 'S',
        title: { fr: 'Échéance budgétaire tardive', en: 'Late budget deadline' },
        message: {
            fr: "La transmission de l'{document} au {date} est postérieure à l'échéance réglementaire ({deadline}).",
            en: 'Sending the {document} on {date} is later than the regulatory deadline ({deadline}).'
        },
        rationale: 'The EPRD is sent by 30 June of the year and the ERRD by 30 April of the following year.',
        source: 'CASF R.314-210 and R.314-232 (EPRD, ERRD calendar), as summarised by Nexem and Cabinet Albertine.'
    }),
    rule({
        code: 'CPOM085', name: 'comite-members', severity: 'warning', category: 'follow-up', confidence: 'V',
        title: { fr: 'Signataire absent du comité de suivi', en: 'Signatory missing from the comité de suivi' },
        message: {
            fr: "{party} signe le contrat mais ne siège pas au comité de suivi.",
            en: '{party} signs the contract but does not sit on the comité de suivi.'
        },
        rationale: 'The comité de suivi gathers the parties to the contract.',
        source: 'Arrêté du 3 mars 2017, art. 5 (composition of the comité de suivi).'
    }),

    // --- amendments -------------------------------------------------------------------------
    rule({
        code: 'CPOM090', name: 'avenant-period', severity: 'error', category: 'amendments', confidence: 'V',
        title: { fr: 'Avenant hors de la période du contrat', en: 'Amendment outside the contract period' },
        message: {
            fr: "L'avenant n° {number} prend effet le {effect}, hors de la période du contrat ({start} – {end}).",
            en: 'Amendment no. {number} takes effect on {effect}, outside the contract period ({start} – {end}).'
        },
        rationale: 'An avenant modifies a contract in force: it takes effect between the date of effect and the end of the contract (prorogation included).',
        source: 'Arrêté du 25 octobre 2019 (avenant to modify the contract); CASF L.313-11.'
    }),
    rule({
        code: 'CPOM091', name: 'avenant-signatories', severity: 'warning', category: 'amendments', confidence: 'G',
        title: { fr: "Avenant non signé par toutes les parties", en: 'Amendment not signed by every party' },
        message: {
            fr: "{party}, partie au contrat, ne signe pas l'avenant n° {number}.",
            en: '{party}, a party to the contract, does not sign amendment no. {number}.'
        },
        rationale: 'An avenant binds the same parties as the contract, plus any new tarification authority it brings in.',
        source: 'Arrêté du 25 octobre 2019 (avenant); signature rule proposed by the cpom project.'
    }),
    rule({
        code: 'CPOM092', name: 'avenant-establishment', severity: 'error', category: 'amendments', confidence: 'V',
        title: { fr: 'Établissement ajouté incomplet', en: 'Incomplete added establishment' },
        message: {
            fr: "L'établissement « {name} » ajouté par l'avenant n° {number} ne précise pas {missing}.",
            en: "Establishment '{name}' added by amendment no. {number} does not state {missing}."
        },
        rationale: 'An establishment enters the perimeter by avenant with its FINESS number, its capacity and its tarification authority.',
        source: 'Arrêté du 25 octobre 2019, annex: "un avenant devra être pris pour modifier la liste initiale".'
    }),
    rule({
        code: 'CPOM093', name: 'avenant-number', severity: 'error', category: 'amendments', confidence: 'T',
        title: { fr: "Numéro d'avenant en double", en: 'Duplicate amendment number' },
        message: {
            fr: "Le contrat {contract} a déjà un avenant n° {number}.",
            en: 'Contract {contract} already has an amendment no. {number}.'
        },
        rationale: 'Avenants are numbered in sequence.',
        source: 'CPOM language structure.'
    }),
    rule({
        code: 'CPOM094', name: 'avenant-signature', severity: 'error', category: 'amendments', confidence: 'T',
        title: { fr: "Avenant signé avant le contrat", en: 'Amendment signed before the contract' },
        message: {
            fr: "L'avenant n° {number} est signé le {signature}, avant le contrat ({contractSignature}).",
            en: 'Amendment no. {number} is signed on {signature}, before the contract ({contractSignature}).'
        },
        rationale: 'An avenant amends a signed contract.',
        source: 'CASF L.313-11.'
    }),
    rule({
        code: 'CPOM095', name: 'avenant-new-authority-signs', severity: 'error', category: 'amendments', confidence: 'V',
        title: { fr: "Nouvelle autorité non signataire de l'avenant", en: 'New authority does not sign the amendment' },
        message: {
            fr: "{authority}, autorité de tarification de l'établissement ajouté {establishment}, ne signe pas l'avenant n° {number}.",
            en: '{authority}, tarification authority of the added establishment {establishment}, does not sign amendment no. {number}.'
        },
        rationale: 'When an avenant brings in an ESMS under another tarification authority, that authority co-signs.',
        source: 'Arrêté du 25 octobre 2019, annex: "celle-ci est co-signataire".'
    }),

    // --- completeness -------------------------------------------------------------------------
    rule({
        code: 'CPOM096', name: 'diagnostic-axes', severity: 'warning', category: 'structure', confidence: 'S',
        title: { fr: 'Diagnostic incomplet', en: 'Incomplete diagnostic' },
        message: {
            fr: 'Le diagnostic ne traite pas : {missing}.',
            en: 'The diagnostic does not cover: {missing}.'
        },
        rationale: 'The shared diagnostic covers four axes: activité, organisation et fonctionnement, ressources, qualité.',
        source: 'Arrêté du 3 mars 2017 (diagnostic partagé, titre 1 art. 2); ARS Midi-Pyrénées method (2010).'
    }),
    rule({
        code: 'CPOM097', name: 'frame-category', severity: 'warning', category: 'perimeter', confidence: 'S',
        title: { fr: 'Cadre juridique et catégories discordants', en: 'Legal frame and categories disagree' },
        message: {
            fr: "{detail}",
            en: '{detail}'
        },
        rationale: 'The legal frame follows from the perimeter: L.313-12 IV ter for EHPAD and PUV; L.313-12-2 for ESMS under the exclusive or joint competence of the ARS (not CAMSP, not ESMS under the exclusive competence of the département); L.313-11-2 for CHRS; L.313-11-1 for SAAD.',
        source: 'CASF L.313-12 IV ter, L.313-12-2, L.313-11-1, L.313-11-2.'
    }),
] as const satisfies readonly RuleDefinition[];

export type DiagnosticCode = (typeof RULES)[number]['code'];

const BY_CODE = new Map<string, RuleDefinition>(RULES.map(r => [r.code, r]));
const BY_NAME = new Map<string, RuleDefinition>(RULES.map(r => [r.name, r]));

export function getRule(codeOrName: string): RuleDefinition | undefined {
    return BY_CODE.get(codeOrName) ?? BY_NAME.get(codeOrName);
}

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
    return typeof code === 'string' && BY_CODE.has(code);
}

export type MessageParams = Record<string, string | number>;

/** Fills a message template. Unknown placeholders are kept visible rather than silently dropped. */
export function formatMessage(code: DiagnosticCode, params: MessageParams, locale: Locale): string {
    const template = BY_CODE.get(code)!.message[locale];
    return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
