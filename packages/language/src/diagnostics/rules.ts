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
    /** Why the rule exists and how to fix what it reports. */
    readonly rationale: Localized;
    /** Legal or documentary source. */
    readonly source: Localized;
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
        rationale: {
            fr: 'Le texte ne respecte pas la grammaire du langage CPOM. Le message indique ce qui était attendu à cet endroit.',
            en: 'The text does not follow the grammar of the CPOM language. The message says what was expected at that place.'
        },
        source: {
            fr: 'Grammaire du langage CPOM (grammar/cpom.langium).',
            en: 'CPOM language grammar (grammar/cpom.langium).'
        }
    }),
    rule({
        code: 'CPOM002', name: 'unresolved-reference', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Référence non résolue', en: 'Unresolved reference' },
        message: {
            fr: '« {name} » est introuvable parmi les {kinds}{hint}.',
            en: "'{name}' is not among the known {kinds}{hint}."
        },
        rationale: {
            fr: "Un nom est utilisé sans être déclaré à un endroit visible : dans le même contrat, dans le même fichier ou dans un catalogue importé (`importe \"…\"`). Les noms d'un autre fichier ne sont visibles qu'une fois ce fichier importé, sous leur nom qualifié (`CATALOGUE.NOM`).",
            en: 'A name is used that is declared nowhere visible: in the same contract, in the same file, or in an imported catalogue (`importe "…"`). Names from another file are visible only once that file is imported, under their qualified name (`CATALOGUE.NAME`).'
        },
        source: {
            fr: 'Règles de portée des noms du langage CPOM.',
            en: 'CPOM language scoping rules.'
        }
    }),
    rule({
        code: 'CPOM003', name: 'duplicate-name', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Nom déclaré deux fois', en: 'Duplicate name' },
        message: {
            fr: 'Le nom « {name} » est déjà déclaré ({kind}){where}.',
            en: "The name '{name}' is already declared ({kind}){where}."
        },
        rationale: {
            fr: "Chaque établissement, autorité, objectif, indicateur ou ligne de financement est désigné par son nom : un nom doit donc être unique dans son contrat ou son catalogue, et les noms de contrats et de catalogues doivent être uniques dans l'espace de travail.",
            en: 'Every establishment, authority, objective, indicator or funding line is referred to by its name, so a name must be unique in its contract or catalogue, and contract and catalogue names must be unique in the workspace.'
        },
        source: {
            fr: 'Règles de portée des noms du langage CPOM.',
            en: 'CPOM language scoping rules.'
        }
    }),
    rule({
        code: 'CPOM004', name: 'import-not-found', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Fichier importé introuvable', en: 'Imported file not found' },
        message: {
            fr: 'Le fichier importé « {path} » est introuvable.',
            en: "The imported file '{path}' cannot be found."
        },
        rationale: {
            fr: "Une clause `importe` désigne un fichier, relatif au fichier qui l'importe, qui n'existe pas ou qui n'est pas un fichier `.cpom` de l'espace de travail.",
            en: 'An `importe` clause names a file, relative to the importing file, that does not exist or is not a `.cpom` file of the workspace.'
        },
        source: {
            fr: "Règles d'import du langage CPOM.",
            en: 'CPOM language import rules.'
        }
    }),
    rule({
        code: 'CPOM005', name: 'missing-clause', severity: 'error', category: 'structure', confidence: 'V',
        title: { fr: 'Clause obligatoire manquante', en: 'Missing mandatory clause' },
        message: {
            fr: '{element} ne comporte pas de clause « {clause} » ({why}).',
            en: "{element} has no '{clause}' clause ({why})."
        },
        rationale: {
            fr: "Un contrat doit indiquer son cadre juridique, ses dates d'effet et de fin, son gestionnaire, ses signataires, son périmètre, ses objectifs, ses moyens et son suivi. L'arrêté du 3 mars 2017 (cahier des charges) énumère le contenu obligatoire d'un CPOM : identification des parties et du périmètre, diagnostic partagé, objectifs, moyens, suivi et durée.",
            en: 'A contract must state its legal frame, its date of effect and end, its gestionnaire, its signatories, its perimeter, its objectives, its means and its follow-up. The arrêté of 3 March 2017 (cahier des charges) lists the mandatory content of a CPOM: identification of the parties and of the perimeter, shared diagnostic, objectives, means, follow-up and duration.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF ; arrêté du 3 mars 2017, titre I, article 1 et annexe (socle du contrat).',
            en: 'CASF L.313-11; arrêté du 3 mars 2017, titre I art. 1 and annex (socle of the contract).'
        }
    }),
    rule({
        code: 'CPOM006', name: 'duplicate-clause', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Clause en double', en: 'Duplicate clause' },
        message: {
            fr: 'La clause « {clause} » apparaît plusieurs fois ; une seule est permise ici.',
            en: "The '{clause}' clause appears more than once; only one is allowed here."
        },
        rationale: {
            fr: "Les clauses telles que `effet`, `fin`, `finess` ou `categorie` n'ont qu'une seule valeur ; une seconde contredirait silencieusement la première.",
            en: 'Clauses such as `effet`, `fin`, `finess` or `categorie` have one value; a second one would silently contradict the first.'
        },
        source: {
            fr: 'Structure du langage CPOM.',
            en: 'CPOM language structure.'
        }
    }),
    rule({
        code: 'CPOM007', name: 'unused-declaration', severity: 'warning', category: 'structure', confidence: 'T',
        title: { fr: 'Déclaration inutilisée', en: 'Unused declaration' },
        message: {
            fr: 'Rien dans le contrat ne fait référence à {kind} « {name} » : déclaration inutilisée.',
            en: "Nothing in the contract refers to {kind} '{name}': unused declaration."
        },
        rationale: {
            fr: "Une autorité qui ne signe pas, ne finance pas et ne tarifie pas, ou un établissement du périmètre qui n'est ni financé ni concerné par aucun objectif, est le plus souvent un reliquat d'une version de travail antérieure.",
            en: 'An authority that neither signs, funds nor tarifies, or an establishment of the perimeter that is neither funded nor concerned by any objective, is usually a leftover of an earlier draft.'
        },
        source: {
            fr: 'Contrôle de complétude du langage CPOM.',
            en: 'Completeness check of the CPOM language.'
        }
    }),
    rule({
        code: 'CPOM008', name: 'invalid-date', severity: 'error', category: 'dates', confidence: 'T',
        title: { fr: 'Date impossible', en: 'Impossible date' },
        message: {
            fr: "La date « {date} » n'existe pas.",
            en: "The date '{date}' does not exist."
        },
        rationale: {
            fr: "Les dates s'écrivent `AAAA-MM-JJ` (ISO 8601). Un mois supérieur à 12 ou un jour au-delà de la fin du mois (2013-02-30) est une erreur de saisie.",
            en: 'Dates are written `AAAA-MM-JJ` (ISO 8601). A month above 12 or a day past the end of the month (2013-02-30) is a typing error.'
        },
        source: {
            fr: 'Norme ISO 8601.',
            en: 'ISO 8601.'
        }
    }),
    rule({
        code: 'CPOM009', name: 'invalid-amount', severity: 'error', category: 'funding', confidence: 'T',
        title: { fr: 'Montant invalide', en: 'Invalid amount' },
        message: {
            fr: "Le montant « {amount} » n'est pas exprimé au centime près.",
            en: "The amount '{amount}' is not expressed to the cent."
        },
        rationale: {
            fr: 'Les montants sont exprimés en euros, avec au plus deux décimales (`68,50 €`).',
            en: 'Amounts are in euros with at most two decimals (`68,50 €`).'
        },
        source: {
            fr: 'Règles budgétaires et comptables (montants en euros et centimes).',
            en: 'Budgetary and accounting rules (amounts in euros and cents).'
        }
    }),

    // --- dates and duration ---------------------------------------------------------------
    rule({
        code: 'CPOM010', name: 'end-before-effect', severity: 'error', category: 'dates', confidence: 'T',
        title: { fr: "Fin avant la date d'effet", en: 'End before the date of effect' },
        message: {
            fr: "La date de fin ({end}) précède la date d'effet ({effect}).",
            en: 'The end date ({end}) is before the date of effect ({effect}).'
        },
        rationale: {
            fr: "Un contrat prend fin après sa date d'effet.",
            en: 'A contract ends after it takes effect.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF (contrat conclu pour une durée donnée).',
            en: 'CASF L.313-11 (contract concluded for a duration).'
        }
    }),
    rule({
        code: 'CPOM011', name: 'duration-max', severity: 'error', category: 'dates', confidence: 'V',
        title: { fr: 'Durée supérieure à cinq ans', en: 'Term longer than five years' },
        message: {
            fr: 'Le contrat court du {effect} au {end}, soit plus de cinq ans (fin au plus tard le {max}).',
            en: 'The contract runs from {effect} to {end}, more than five years (latest end {max}).'
        },
        rationale: {
            fr: "Un CPOM est conclu « sur une durée maximale de cinq ans ». Le dernier jour d'un contrat de cinq ans est la veille du cinquième anniversaire de sa date d'effet (effet : 2013-01-01, fin : 2017-12-31).",
            en: 'A CPOM is concluded "sur une durée maximale de cinq ans". The last day of a five-year contract is the day before the fifth anniversary of its date of effect (effect 2013-01-01, end 2017-12-31).'
        },
        source: {
            fr: 'Article L. 313-11 du CASF (version en vigueur depuis le 4 mars 2022) : « sur une durée maximale de cinq ans ».',
            en: 'CASF L.313-11 (version in force since 4 March 2022): "sur une durée maximale de cinq ans".'
        }
    }),
    rule({
        code: 'CPOM012', name: 'prorogation-max', severity: 'error', category: 'dates', confidence: 'V',
        title: { fr: 'Prorogation au-delà de la sixième année', en: 'Prorogation beyond a sixth year' },
        message: {
            fr: 'La prorogation au {prorogation} porte la durée totale au-delà de six ans (au plus tard le {max}).',
            en: 'The prorogation to {prorogation} takes the total term beyond six years (latest {max}).'
        },
        rationale: {
            fr: "Le contrat est « prorogeable dans la limite d'une sixième année » : prorogation comprise, un CPOM dure six ans au plus. Une prorogation doit en outre prendre fin après la date de fin initiale.",
            en: 'The contract is "prorogeable dans la limite d\'une sixième année": with its prorogation, a CPOM lasts six years at most. A prorogation must also end after the initial end date.'
        },
        source: {
            fr: "Article L. 313-11 du CASF : « prorogeable dans la limite d'une sixième année » ; arrêté du 3 mars 2017 (prorogation d'un an au plus).",
            en: 'CASF L.313-11: "prorogeable dans la limite d\'une sixième année"; arrêté du 3 mars 2017 (prorogation ≤ 1 year).'
        }
    }),
    rule({
        code: 'CPOM016', name: 'prorogation-before-end', severity: 'error', category: 'dates', confidence: 'T',
        title: { fr: 'Prorogation qui ne prolonge pas', en: 'Prorogation that does not extend' },
        message: {
            fr: 'La prorogation au {prorogation} ne prolonge pas le contrat, qui finit le {end}.',
            en: 'The prorogation to {prorogation} does not extend the contract, which ends on {end}.'
        },
        rationale: {
            fr: "Une prorogation prolonge le contrat au-delà de sa date de fin initiale (d'un an au plus).",
            en: 'A prorogation extends the contract beyond its initial end date (by one year at most).'
        },
        source: {
            fr: "Article L. 313-11 du CASF (« prorogeable dans la limite d'une sixième année »).",
            en: 'CASF L.313-11 ("prorogeable dans la limite d\'une sixième année").'
        }
    }),
    rule({
        code: 'CPOM013', name: 'ivter-duration', severity: 'warning', category: 'dates', confidence: 'V',
        title: { fr: 'CPOM EHPAD de durée différente de cinq ans', en: 'EHPAD CPOM not lasting five years' },
        message: {
            fr: 'Un CPOM relevant du IV ter de l\'article L.313-12 est conclu pour cinq ans ; celui-ci court du {effect} au {end}.',
            en: 'A CPOM under L.313-12 IV ter is concluded for five years; this one runs from {effect} to {end}.'
        },
        rationale: {
            fr: "Le cahier des charges du CPOM des EHPAD et des PUV fixe une durée de cinq ans. Des durées plus courtes se rencontrent en pratique (alignement de plusieurs contrats), d'où un simple avertissement.",
            en: 'The cahier des charges of the EHPAD/PUV CPOM sets a term of five years. Shorter terms are seen in practice (alignment of several contracts), hence a warning.'
        },
        source: {
            fr: "Arrêté du 3 mars 2017 fixant le cahier des charges du CPOM (IV ter de l'article L. 313-12 du CASF) : CPOM « conclu pour une durée de cinq ans ».",
            en: 'Arrêté du 3 mars 2017 fixant le cahier des charges du CPOM (L.313-12 IV ter): CPOM "conclu pour une durée de cinq ans".'
        }
    }),
    rule({
        code: 'CPOM014', name: 'signature-after-effect', severity: 'info', category: 'dates', confidence: 'S',
        title: { fr: "Signature postérieure à la date d'effet", en: 'Signed after its date of effect' },
        message: {
            fr: "Le contrat est signé le {signature}, après sa date d'effet ({effect}) : c'est permis, la date d'effet reste celle du contrat.",
            en: 'The contract is signed on {signature}, after its date of effect ({effect}): this is allowed, the date of effect stands.'
        },
        rationale: {
            fr: 'Un contrat peut prendre effet avant sa signature (MESSIDOR : effet au 1er janvier 2013, signature le 20 juin 2013). La note rend la rétroactivité visible aux relecteurs.',
            en: 'A contract may take effect before it is signed (MESSIDOR: effect 1 January 2013, signed 20 June 2013). The note makes the retroactivity visible to reviewers.'
        },
        source: {
            fr: "ARS Rhône-Alpes, annonce du CPOM MESSIDOR (24 juin 2013) ; la FAQ 2017 de la DGCS distingue date d'effet et date de signature.",
            en: 'ARS Rhône-Alpes, announcement of the MESSIDOR CPOM (24 June 2013); DGCS FAQ 2017 distinguishes date of effect and date of signature.'
        }
    }),
    rule({
        code: 'CPOM015', name: 'signature-after-end', severity: 'error', category: 'dates', confidence: 'T',
        title: { fr: 'Signature après la fin du contrat', en: 'Signed after the contract ends' },
        message: {
            fr: 'La date de signature ({signature}) est postérieure à la fin du contrat ({end}).',
            en: 'The signature date ({signature}) is after the end of the contract ({end}).'
        },
        rationale: {
            fr: 'Un contrat ne peut pas être signé une fois son terme échu.',
            en: 'A contract cannot be signed once its term is over.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF.',
            en: 'CASF L.313-11.'
        }
    }),

    // --- parties ----------------------------------------------------------------------------
    rule({
        code: 'CPOM020', name: 'tarification-authority-signs', severity: 'error', category: 'parties', confidence: 'V',
        title: { fr: "Autorité de tarification non signataire", en: 'Tarification authority does not sign' },
        message: {
            fr: "{authority}, autorité de tarification de {establishment}, ne signe pas le contrat.",
            en: '{authority}, tarification authority of {establishment}, does not sign the contract.'
        },
        rationale: {
            fr: "Le CPOM est conclu avec « la ou les autorités chargées de la tarification » : toute autorité qui fixe le tarif d'un établissement du périmètre est partie au contrat et le signe.",
            en: 'The CPOM is concluded with "la ou les autorités chargées de la tarification": every authority that fixes the tariff of an establishment of the perimeter is a party and signs.'
        },
        source: {
            fr: "Article L. 313-11 du CASF ; modèle de CPOM de l'arrêté du 25 octobre 2019 (article L. 313-11-2) : « l'autorité de tarification… est co-signataire ».",
            en: 'CASF L.313-11; model CPOM of the arrêté du 25 octobre 2019 (L.313-11-2): "l\'autorité de tarification… est co-signataire".'
        }
    }),
    rule({
        code: 'CPOM021', name: 'signatory-funds-nothing', severity: 'warning', category: 'parties', confidence: 'G',
        title: { fr: 'Autorité signataire sans rôle financier', en: 'Signatory authority with no funding role' },
        message: {
            fr: "{authority} signe le contrat mais ne tarifie ni ne finance aucun établissement du périmètre.",
            en: '{authority} signs the contract but neither tarifies nor funds any establishment of the perimeter.'
        },
        rationale: {
            fr: "D'ordinaire, une autorité signataire est une autorité de tarification du périmètre. Les organismes de protection sociale (`organisme`) peuvent être parties sans financer : ils ne sont donc pas signalés.",
            en: 'Usually a signatory authority is a tarification authority of the perimeter. Social-protection bodies (`organisme`) may be parties without funding, so they are not reported.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF (parties au CPOM) ; proposition du projet cpom.',
            en: 'CASF L.313-11 (parties to the CPOM); proposal of the cpom project.'
        }
    }),
    rule({
        code: 'CPOM022', name: 'gestionnaire-signs', severity: 'error', category: 'parties', confidence: 'V',
        title: { fr: 'Gestionnaire non signataire', en: 'Gestionnaire does not sign' },
        message: {
            fr: "Le gestionnaire {gestionnaire} ne figure pas parmi les signataires.",
            en: 'The gestionnaire {gestionnaire} is not among the signatories.'
        },
        rationale: {
            fr: 'Le CPOM est conclu entre la personne morale gestionnaire et les autorités : le gestionnaire le signe.',
            en: 'The CPOM is concluded between the personne morale gestionnaire and the authorities: the gestionnaire signs.'
        },
        source: {
            fr: "Article L. 313-11 du CASF ; IV ter de l'article L. 313-12 du CASF (contrat signé par le DG ARS, le PCD et le gestionnaire).",
            en: 'CASF L.313-11; L.313-12 IV ter (signed by the DG ARS, the PCD and the gestionnaire).'
        }
    }),
    rule({
        code: 'CPOM023', name: 'ivter-parties', severity: 'error', category: 'parties', confidence: 'V',
        title: { fr: 'CPOM EHPAD sans ARS ou sans département', en: 'EHPAD CPOM without ARS or département' },
        message: {
            fr: "Un CPOM relevant du IV ter de l'article L.313-12 est signé par le directeur général de l'ARS et le président du conseil départemental ; il manque : {missing}.",
            en: 'A CPOM under L.313-12 IV ter is signed by the director general of the ARS and the president of the conseil départemental; missing: {missing}.'
        },
        rationale: {
            fr: 'Pour les EHPAD et les PUV, le contrat est tripartite : ARS, département et gestionnaire.',
            en: 'For EHPAD and PUV, the contract is tripartite: ARS, département and gestionnaire.'
        },
        source: {
            fr: "IV ter de l'article L. 313-12 du CASF ; arrêté du 3 mars 2017, préambule.",
            en: 'CASF L.313-12 IV ter; arrêté du 3 mars 2017, préambule.'
        }
    }),
    rule({
        code: 'CPOM024', name: 'ivter-department-signs', severity: 'warning', category: 'parties', confidence: 'G',
        title: { fr: 'Département du périmètre non signataire', en: 'Département of the perimeter does not sign' },
        message: {
            fr: "L'établissement {establishment} est situé dans le département {department}, dont le conseil départemental ne signe pas ce CPOM EHPAD.",
            en: 'Establishment {establishment} is in département {department}, whose conseil départemental does not sign this EHPAD CPOM.'
        },
        rationale: {
            fr: "Un CPOM EHPAD couvrant plusieurs départements d'une même région associe le président de chaque conseil départemental concerné.",
            en: 'An EHPAD CPOM covering several départements of one region involves the president of each concerned conseil départemental.'
        },
        source: {
            fr: "IV ter de l'article L. 313-12 du CASF (extension à plusieurs départements de la même région, avec leur accord) ; proposition du projet cpom.",
            en: 'CASF L.313-12 IV ter (extension to several départements of the same region with their agreement); proposal of the cpom project.'
        }
    }),
    rule({
        code: 'CPOM025', name: 'multi-region', severity: 'warning', category: 'parties', confidence: 'G',
        title: { fr: 'Périmètre sur plusieurs régions', en: 'Perimeter spanning several regions' },
        message: {
            fr: 'Le périmètre couvre plusieurs régions ({regions}).',
            en: 'The perimeter spans several regions ({regions}).'
        },
        rationale: {
            fr: "Les CPOM pluri-départementaux sont permis depuis la circulaire du 26 mars 2007, et le contrat relevant du IV ter peut s'étendre à plusieurs départements de la même région. Un contrat couvrant plusieurs régions fait intervenir plusieurs ARS et est inhabituel.",
            en: 'Multi-department CPOM are allowed since the circulaire of 26 March 2007, and the IV ter contract may extend to several départements of the same region. A contract spanning regions involves several ARS and is unusual.'
        },
        source: {
            fr: "Circulaire interministérielle du 26 mars 2007 ; IV ter de l'article L. 313-12 du CASF (« plusieurs départements de la même région »).",
            en: 'Circulaire interministérielle du 26 mars 2007; CASF L.313-12 IV ter ("plusieurs départements de la même région").'
        }
    }),
    rule({
        code: 'CPOM026', name: 'unexpected-tarification', severity: 'warning', category: 'parties', confidence: 'S',
        title: { fr: 'Autorité de tarification inattendue', en: 'Unexpected tarification authority' },
        message: {
            fr: 'La catégorie {category} est habituellement tarifée par {expected} ; {establishment} déclare {actual}.',
            en: 'Category {category} is usually tarified by {expected}; {establishment} declares {actual}.'
        },
        rationale: {
            fr: "Chaque catégorie d'ESMS a ses autorités de tarification (article R. 314-105 du CASF et mode de fixation tarifaire FINESS) : l'ARS pour les IME, ESAT, MAS et SSIAD ; l'ARS et le département conjointement pour les EHPAD, FAM, SAMSAH et CAMSP ; le département seul pour les foyers de vie, SAVS et SAAD ; le préfet pour les CHRS.",
            en: 'Each category of ESMS has its tarification authorities (R.314-105 and the FINESS mode de fixation tarifaire): ARS for IME, ESAT, MAS, SSIAD; ARS and département jointly for EHPAD, FAM, SAMSAH, CAMSP; département alone for foyers de vie, SAVS, SAAD; préfet for CHRS.'
        },
        source: {
            fr: 'Article R. 314-105 du CASF (version antérieure à 2016) ; décret n° 2016-1814 (EHPAD) ; nomenclature FINESS TRE_R74 (mode de fixation tarifaire).',
            en: 'CASF R.314-105 (pre-2016 version); décret 2016-1814 (EHPAD); FINESS nomenclature TRE_R74 (mode de fixation tarifaire).'
        }
    }),
    rule({
        code: 'CPOM027', name: 'unknown-department', severity: 'error', category: 'parties', confidence: 'T',
        title: { fr: 'Département inconnu', en: 'Unknown département' },
        message: {
            fr: "« {code} » n'est pas un code de département français.",
            en: "'{code}' is not a French département code."
        },
        rationale: {
            fr: 'Les codes de département sont les codes INSEE : 01 à 95, avec 2A et 2B, et 971 à 976 outre-mer.',
            en: 'Department codes are the INSEE codes: 01 to 95 with 2A and 2B, and 971 to 976 overseas.'
        },
        source: {
            fr: "Code officiel géographique de l'INSEE.",
            en: 'INSEE code officiel géographique.'
        }
    }),

    // --- perimeter --------------------------------------------------------------------------
    rule({
        code: 'CPOM030', name: 'missing-finess', severity: 'error', category: 'perimeter', confidence: 'V',
        title: { fr: 'Numéro FINESS manquant', en: 'Missing FINESS number' },
        message: {
            fr: "{kind} « {name} » n'a pas de numéro FINESS.",
            en: "{kind} '{name}' has no FINESS number."
        },
        rationale: {
            fr: 'Le contrat identifie le gestionnaire par le numéro FINESS de son entité juridique, et chaque établissement ou service du périmètre par son numéro FINESS.',
            en: 'The contract identifies the gestionnaire by the FINESS number of its entité juridique, and each establishment or service of the perimeter by its FINESS number.'
        },
        source: {
            fr: "Arrêté du 3 mars 2017, titre I, article 1 (FINESS de l'entité juridique et de chaque ESMS).",
            en: 'Arrêté du 3 mars 2017, titre I art. 1 (FINESS of the entité juridique and of each ESMS).'
        }
    }),
    rule({
        code: 'CPOM031', name: 'duplicate-finess', severity: 'error', category: 'perimeter', confidence: 'V',
        title: { fr: 'Numéro FINESS en double', en: 'Duplicate FINESS number' },
        message: {
            fr: 'Le numéro FINESS {finess} est déjà celui de {other}.',
            en: 'FINESS number {finess} is already that of {other}.'
        },
        rationale: {
            fr: "Un numéro FINESS d'établissement identifie un site et un budget : deux établissements d'un même périmètre ne peuvent pas le partager.",
            en: 'A FINESS établissement number identifies one site and one budget: two establishments of a perimeter cannot share it.'
        },
        source: {
            fr: 'Référentiel FINESS (un ET par site et par budget distinct).',
            en: 'FINESS referential (one ET per site and per distinct budget).'
        }
    }),
    rule({
        code: 'CPOM032', name: 'missing-category', severity: 'error', category: 'perimeter', confidence: 'V',
        title: { fr: 'Établissement incomplet', en: 'Incomplete establishment' },
        message: {
            fr: "L'établissement « {name} » ne précise pas {missing}.",
            en: "Establishment '{name}' does not state {missing}."
        },
        rationale: {
            fr: 'Chaque ESMS du périmètre est décrit par sa catégorie, sa capacité (autorisations) et son autorité de tarification.',
            en: 'Each ESMS of the perimeter is described by its category, its capacity (autorisations) and its tarification authority.'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017, titre I, article 1 (pour chaque ESMS : autorisations, FINESS, activités et publics).',
            en: 'Arrêté du 3 mars 2017, titre I art. 1 (per ESMS: autorisations, FINESS, activities and publics).'
        }
    }),
    rule({
        code: 'CPOM033', name: 'unknown-category', severity: 'error', category: 'perimeter', confidence: 'T',
        title: { fr: 'Catégorie inconnue', en: 'Unknown category' },
        message: {
            fr: "« {category} » n'est pas une catégorie d'ESMS connue ; catégories possibles : {known}.",
            en: "'{category}' is not a known ESMS category; known categories: {known}."
        },
        rationale: {
            fr: 'Les catégories sont prises dans une liste fermée qui porte les codes de catégorie FINESS (EHPAD 500, ESAT 246, IME 183…).',
            en: 'Categories come from a closed list that carries the FINESS category codes (EHPAD 500, ESAT 246, IME 183…).'
        },
        source: {
            fr: 'Nomenclature FINESS des catégories ; ANAP, guide des indicateurs du tableau de bord (2021).',
            en: 'FINESS category nomenclature; ANAP, guide des indicateurs du tableau de bord (2021).'
        }
    }),
    rule({
        code: 'CPOM034', name: 'category-code-mismatch', severity: 'warning', category: 'perimeter', confidence: 'V',
        title: { fr: 'Code de catégorie incohérent', en: 'Inconsistent category code' },
        message: {
            fr: "Le code de catégorie FINESS {code} ne correspond pas à {category} (code {expected}).",
            en: 'FINESS category code {code} does not match {category} (code {expected}).'
        },
        rationale: {
            fr: "Lorsqu'une catégorie et un code de catégorie FINESS sont tous deux indiqués, ils doivent concorder.",
            en: 'When both a category and a FINESS category code are written, they must agree.'
        },
        source: {
            fr: 'Nomenclature FINESS des catégories ; ANAP, guide des indicateurs du tableau de bord (2021).',
            en: 'FINESS category nomenclature; ANAP, guide des indicateurs du tableau de bord (2021).'
        }
    }),
    rule({
        code: 'CPOM035', name: 'department-outside-perimeter', severity: 'warning', category: 'perimeter', confidence: 'C',
        title: { fr: 'Département hors du périmètre déclaré', en: 'Département outside the declared perimeter' },
        message: {
            fr: "L'établissement « {name} » est dans le département {department}, absent de la clause « départements » du contrat ({declared}).",
            en: "Establishment '{name}' is in département {department}, missing from the contract's 'départements' clause ({declared})."
        },
        rationale: {
            fr: "Les départements indiqués dans l'en-tête du contrat devraient couvrir tous les établissements du périmètre.",
            en: 'The departments listed in the contract header should cover every establishment of the perimeter.'
        },
        source: {
            fr: "Cohérence de l'en-tête du contrat avec le périmètre.",
            en: 'Consistency of the contract header with the perimeter.'
        }
    }),
    rule({
        code: 'CPOM036', name: 'finess-department-mismatch', severity: 'warning', category: 'finess', confidence: 'V',
        title: { fr: 'FINESS et département discordants', en: 'FINESS and département disagree' },
        message: {
            fr: 'Le numéro FINESS {finess} désigne le département {finessDepartment}, mais « {name} » est déclaré dans le département {department}.',
            en: "FINESS number {finess} belongs to département {finessDepartment}, but '{name}' is declared in département {department}."
        },
        rationale: {
            fr: "Les premiers caractères d'un numéro FINESS désignent le département (97x outre-mer, 2A/2B pour la Corse).",
            en: 'The first characters of a FINESS number are the département (97x overseas, 2A/2B for Corsica).'
        },
        source: {
            fr: 'Référentiel FINESS (ref_etab : les deux premiers caractères sont le département ; outre-mer, 97 suivi du 4e caractère).',
            en: 'FINESS referential (ref_etab: the first two characters are the département; 97 + 4th character overseas).'
        }
    }),
    rule({
        code: 'CPOM037', name: 'establishment-outside-perimeter', severity: 'error', category: 'perimeter', confidence: 'T',
        title: { fr: 'Établissement hors périmètre', en: 'Establishment outside the perimeter' },
        message: {
            fr: "« {name} » n'appartient pas au périmètre du contrat.",
            en: "'{name}' is not in the contract's perimeter."
        },
        rationale: {
            fr: 'Les objectifs, les lignes de financement et les répartitions ne peuvent concerner que des établissements du périmètre (déclarés dans `perimetre` ou inclus depuis un catalogue avec `inclut`). Un nouvel établissement entre dans le périmètre par avenant.',
            en: 'Objectives, funding lines and distributions can only concern establishments of the perimeter (declared in `perimetre` or included from a catalogue with `inclut`). A new establishment enters the perimeter by an avenant.'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019 (modèle de CPOM) : un nouvel établissement est intégré par avenant.',
            en: 'Arrêté du 25 octobre 2019 (model CPOM): a new establishment is integrated by avenant.'
        }
    }),
    rule({
        code: 'CPOM038', name: 'capacity-funded-above-authorised', severity: 'error', category: 'perimeter', confidence: 'S',
        title: { fr: 'Capacité financée supérieure à la capacité autorisée', en: 'Funded capacity above authorised capacity' },
        message: {
            fr: 'La capacité financée ({funded}) dépasse la capacité autorisée ({authorised}).',
            en: 'The funded capacity ({funded}) exceeds the authorised capacity ({authorised}).'
        },
        rationale: {
            fr: "Des places ne peuvent être financées que dans la limite de l'autorisation (capacité autorisée et financée, article R. 314-43-2 du CASF).",
            en: 'Places can be funded only within the authorisation (capacité autorisée et financée, R.314-43-2).'
        },
        source: {
            fr: 'Article R. 314-43-2 du CASF (capacité autorisée et financée) ; article L. 313-1 du CASF (autorisation).',
            en: 'CASF R.314-43-2 (capacité autorisée et financée); L.313-1 (autorisation).'
        }
    }),

    // --- FINESS -----------------------------------------------------------------------------
    rule({
        code: 'CPOM040', name: 'finess-format', severity: 'error', category: 'finess', confidence: 'V',
        title: { fr: 'Numéro FINESS mal formé', en: 'Malformed FINESS number' },
        message: {
            fr: "« {finess} » n'est pas un numéro FINESS : 9 caractères, deux chiffres de département (ou 2A, 2B) puis 7 chiffres.",
            en: "'{finess}' is not a FINESS number: 9 characters, two digits of département (or 2A, 2B) then 7 digits."
        },
        rationale: {
            fr: 'Un numéro FINESS compte neuf caractères : le département sur deux caractères (chiffres, ou 2A/2B pour la Corse), six chiffres et une clé de contrôle.',
            en: 'A FINESS number has nine characters: the département on two characters (digits, or 2A/2B for Corsica), six digits, and a check key.'
        },
        source: {
            fr: 'Schéma JSON FINESS+ (motif de finessId) ; ref_etab (FINESS sans clef sur 8 caractères + 1 caractère de clé).',
            en: 'FINESS+ JSON schema (finessId pattern); ref_etab (FINESS sans clef on 8 characters + 1 key character).'
        }
    }),
    rule({
        code: 'CPOM041', name: 'finess-key', severity: 'error', category: 'finess', confidence: 'C',
        title: { fr: 'Clé FINESS invalide', en: 'Invalid FINESS key' },
        message: {
            fr: 'La clé du numéro FINESS {finess} est fausse : avec ces huit premiers caractères, la clé est {key} ({expected}).',
            en: 'The key of FINESS number {finess} is wrong: with these first eight characters the key is {key} ({expected}).'
        },
        rationale: {
            fr: 'Le neuvième caractère est une clé de contrôle de Luhn (modulo 10) calculée sur le numéro, 2A étant lu 21 et 2B lu 22. Une clé fausse signale presque toujours une erreur de saisie.',
            en: 'The ninth character is a Luhn (mod 10) check digit computed over the number, with 2A read as 21 and 2B as 22. A wrong key almost always means a typing error.'
        },
        source: {
            fr: 'Calculé et recoupé par le projet cpom sur 207 numéros FINESS réels, dont 21 numéros corses (../shared/DOMAIN.md §2.2).',
            en: 'Computed and cross-checked by the cpom project on 207 real FINESS numbers, including 21 Corsican ones (../shared/DOMAIN.md §2.2).'
        }
    }),
    rule({
        code: 'CPOM042', name: 'finess-prefix', severity: 'warning', category: 'finess', confidence: 'G',
        title: { fr: 'Préfixe FINESS inexistant', en: 'Non-existent FINESS prefix' },
        message: {
            fr: 'Le numéro FINESS {finess} commence par {prefix}, qui ne correspond à aucun département.',
            en: 'FINESS number {finess} starts with {prefix}, which is no département.'
        },
        rationale: {
            fr: 'Les préfixes 20 (la Corse est codée 2A/2B), 96 et 99 ne désignent aucun département dans FINESS.',
            en: 'The prefixes 20 (Corsica is 2A/2B), 96 and 99 designate no département in FINESS.'
        },
        source: {
            fr: 'Référentiel FINESS ; proposition du projet cpom.',
            en: 'FINESS referential; proposal of the cpom project.'
        }
    }),
    rule({
        code: 'CPOM043', name: 'finess-normalised', severity: 'info', category: 'finess', confidence: 'T',
        title: { fr: 'Numéro FINESS normalisé', en: 'FINESS number normalised' },
        message: {
            fr: 'Numéro FINESS lu comme {finess}.',
            en: 'FINESS number read as {finess}.'
        },
        rationale: {
            fr: 'Un numéro FINESS saisi avec des espaces ou en minuscules est accepté et lu sous sa forme canonique ; la note indique comment il a été lu.',
            en: 'A FINESS number typed with spaces or in lower case is accepted and read in its canonical form; the note shows how it was read.'
        },
        source: {
            fr: 'Schéma JSON FINESS+ (finessId sur 9 caractères).',
            en: 'FINESS+ JSON schema (finessId on 9 characters).'
        }
    }),
    rule({
        code: 'CPOM044', name: 'finess-ej-equals-et', severity: 'info', category: 'finess', confidence: 'V',
        title: { fr: 'FINESS EJ identique à un FINESS ET', en: 'EJ FINESS equal to an ET FINESS' },
        message: {
            fr: "Le numéro FINESS {finess} est à la fois celui de l'entité juridique et de l'établissement {name}.",
            en: 'FINESS number {finess} is both that of the entité juridique and of establishment {name}.'
        },
        rationale: {
            fr: "Un numéro d'entité juridique peut être identique à un numéro d'établissement (par exemple 2A0000154) ; c'est légitime, mais mérite un second regard.",
            en: 'An entité juridique number can equal an établissement number (e.g. 2A0000154); this is legitimate but worth a second look.'
        },
        source: {
            fr: 'Arrêté du 4 mars 2015 (annexe publiée par Etalab) : 2A0000154 est à la fois EJ et ET.',
            en: 'Arrêté du 4 mars 2015 (etalab annex): 2A0000154 is both EJ and ET.'
        }
    }),

    // --- objectives and indicators ------------------------------------------------------------
    rule({
        code: 'CPOM050', name: 'objective-without-indicator', severity: 'error', category: 'indicators', confidence: 'V',
        title: { fr: 'Objectif sans indicateur', en: 'Objective without indicator' },
        message: {
            fr: "L'objectif « {name} » n'a aucun indicateur.",
            en: "Objective '{name}' has no indicator."
        },
        rationale: {
            fr: "Les objectifs sont « déclinés en actions, assortis d'indicateurs » et d'un calendrier : un objectif sans indicateur ne peut pas être évalué.",
            en: 'Objectives are "déclinés en actions, assortis d\'indicateurs" with a timetable: an objective without an indicator cannot be evaluated.'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019, annexe (modèle de CPOM) ; arrêté du 3 mars 2017 (objectifs et leurs indicateurs).',
            en: 'Arrêté du 25 octobre 2019, annex (model CPOM); arrêté du 3 mars 2017 (objectives and their indicators).'
        }
    }),
    rule({
        code: 'CPOM051', name: 'indicator-baseline', severity: 'error', category: 'indicators', confidence: 'V',
        title: { fr: 'Indicateur sans valeur de référence', en: 'Indicator without baseline' },
        message: {
            fr: "L'indicateur « {name} » n'a pas de valeur de référence (clause « reference ANNÉE: valeur »).",
            en: "Indicator '{name}' has no baseline ('reference YEAR: value' clause)."
        },
        rationale: {
            fr: "Une trajectoire se mesure à partir d'une valeur de référence : la valeur de l'indicateur pour une année connue, en général l'année qui précède le contrat.",
            en: 'A trajectory is measured from a baseline: the value of the indicator in a known year, usually the year before the contract.'
        },
        source: {
            fr: "Arrêté du 25 octobre 2019, annexe (indicateurs) ; tableau de bord de la performance de l'ANAP.",
            en: 'Arrêté du 25 octobre 2019, annex (indicators); ANAP tableau de bord de la performance.'
        }
    }),
    rule({
        code: 'CPOM052', name: 'indicator-targets', severity: 'error', category: 'indicators', confidence: 'V',
        title: { fr: 'Indicateur sans cible', en: 'Indicator without target' },
        message: {
            fr: "L'indicateur « {name} » n'a aucune cible (clause « cibles ANNÉE: valeur, … »).",
            en: "Indicator '{name}' has no target ('cibles YEAR: value, …' clause)."
        },
        rationale: {
            fr: 'Chaque indicateur porte les valeurs à atteindre, année par année, sur la période du contrat.',
            en: 'Each indicator carries the values to reach, year by year, within the contract period.'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019, annexe (indicateurs et calendrier).',
            en: 'Arrêté du 25 octobre 2019, annex (indicators and timetable).'
        }
    }),
    rule({
        code: 'CPOM053', name: 'target-outside-period', severity: 'error', category: 'indicators', confidence: 'V',
        title: { fr: 'Cible hors de la période du contrat', en: 'Target outside the contract period' },
        message: {
            fr: "La cible {year} est hors de la période du contrat ({first}–{last}).",
            en: 'The {year} target is outside the contract period ({first}–{last}).'
        },
        rationale: {
            fr: 'Les cibles sont fixées pour les années du contrat ; une cible postérieure à sa fin ne peut pas être appréciée lors du bilan final.',
            en: 'Targets are set for the years of the contract; a target after the end cannot be assessed in the bilan final.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF (objectifs sur la durée du contrat).',
            en: 'CASF L.313-11 (objectives over the term of the contract).'
        }
    }),
    rule({
        code: 'CPOM054', name: 'trajectory-direction', severity: 'warning', category: 'indicators', confidence: 'G',
        title: { fr: 'Trajectoire contraire au sens déclaré', en: 'Trajectory against its declared direction' },
        message: {
            fr: "L'indicateur « {name} » a pour sens « {direction} », mais la valeur passe de {from} ({fromYear}) à {to} ({toYear}).",
            en: "Indicator '{name}' has direction '{direction}', but its value goes from {from} ({fromYear}) to {to} ({toYear})."
        },
        rationale: {
            fr: "Avec `sens hausse`, chaque cible est au moins égale à la valeur précédente (valeur de référence comprise) ; avec `sens baisse`, au plus égale ; avec `sens maintien`, égale. Un pas dans l'autre sens est généralement une erreur de saisie.",
            en: 'With `sens hausse` each target is at least the previous value (baseline included); with `sens baisse` at most; with `sens maintien` equal. A step the other way is usually a typing error.'
        },
        source: {
            fr: 'Proposition du projet cpom.',
            en: 'Proposal of the cpom project.'
        }
    }),
    rule({
        code: 'CPOM055', name: 'percentage-range', severity: 'error', category: 'indicators', confidence: 'T',
        title: { fr: 'Pourcentage hors de 0–100', en: 'Percentage outside 0–100' },
        message: {
            fr: "{value} % n'est pas un pourcentage entre 0 et 100.",
            en: '{value} % is not a percentage between 0 and 100.'
        },
        rationale: {
            fr: 'Les taux (occupation, absentéisme, rotation…) sont des pourcentages compris entre 0 et 100.',
            en: 'Rates (occupancy, absenteeism, turnover…) are percentages between 0 and 100.'
        },
        source: {
            fr: "Définition d'un taux.",
            en: 'Definition of a rate.'
        }
    }),
    rule({
        code: 'CPOM056', name: 'too-many-objectives', severity: 'warning', category: 'indicators', confidence: 'G',
        title: { fr: "Trop d'objectifs", en: 'Too many objectives' },
        message: {
            fr: 'Le contrat compte {count} objectifs ; les objectifs doivent être peu nombreux, réalistes et évaluables (au plus {max}).',
            en: 'The contract has {count} objectives; objectives should be few, realistic and measurable (at most {max}).'
        },
        rationale: {
            fr: "La méthode de l'ARS demande des objectifs « peu nombreux, réalistes, évaluables ». Le seuil de 12 est une proposition.",
            en: 'The ARS method asks for objectives "peu nombreux, réalistes, évaluables". The threshold of 12 is a proposal.'
        },
        source: {
            fr: 'ARS Midi-Pyrénées, séminaire des établissements médico-sociaux (26 mai 2010) ; seuil proposé par le projet cpom.',
            en: 'ARS Midi-Pyrénées, séminaire des établissements médico-sociaux (26 May 2010); threshold proposed by the cpom project.'
        }
    }),
    rule({
        code: 'CPOM057', name: 'baseline-year', severity: 'warning', category: 'indicators', confidence: 'G',
        title: { fr: 'Année de référence tardive', en: 'Late baseline year' },
        message: {
            fr: "L'année de référence {year} de l'indicateur « {name} » n'est pas antérieure à la première cible ({first}).",
            en: "Baseline year {year} of indicator '{name}' is not before its first target ({first})."
        },
        rationale: {
            fr: 'La valeur de référence est une valeur connue, mesurée avant les cibles.',
            en: 'The baseline is a known value measured before the targets.'
        },
        source: {
            fr: 'Proposition du projet cpom.',
            en: 'Proposal of the cpom project.'
        }
    }),
    rule({
        code: 'CPOM058', name: 'duplicate-year', severity: 'error', category: 'indicators', confidence: 'T',
        title: { fr: 'Année en double', en: 'Duplicate year' },
        message: {
            fr: "L'année {year} apparaît plusieurs fois.",
            en: 'The year {year} appears more than once.'
        },
        rationale: {
            fr: "Une cible ou un montant n'est indiqué qu'une fois par année.",
            en: 'A target or an amount is given once per year.'
        },
        source: {
            fr: 'Structure du langage CPOM.',
            en: 'CPOM language structure.'
        }
    }),
    rule({
        code: 'CPOM059', name: 'final-target', severity: 'warning', category: 'indicators', confidence: 'G',
        title: { fr: 'Pas de cible pour la dernière année', en: 'No target for the final year' },
        message: {
            fr: "L'indicateur « {name} » n'a pas de cible pour {year}, dernière année du contrat.",
            en: "Indicator '{name}' has no target for {year}, the final year of the contract."
        },
        rationale: {
            fr: 'Le bilan final compare chaque indicateur à sa cible finale.',
            en: 'The bilan final compares each indicator with its final target.'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017 (bilan final la 5e année) ; proposition du projet cpom.',
            en: 'Arrêté du 3 mars 2017 (bilan final in year 5); proposal of the cpom project.'
        }
    }),

    // --- funding ----------------------------------------------------------------------------
    rule({
        code: 'CPOM060', name: 'funding-year-missing', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Année non financée', en: 'Year without funding' },
        message: {
            fr: "La ligne de financement « {name} » n'a pas de montant pour {years}.",
            en: "Funding line '{name}' has no amount for {years}."
        },
        rationale: {
            fr: 'Le volet financier fixe les moyens pour chaque année du contrat (article R. 314-40 du CASF) : chaque ligne de financement indique un montant pour chaque exercice budgétaire de la période.',
            en: 'The financial volet fixes the means for each year of the contract (R.314-40): every funding line states an amount for each budget year of the period.'
        },
        source: {
            fr: 'Article R. 314-40 du CASF (fixation annuelle des moyens sur la durée du contrat).',
            en: 'CASF R.314-40 (annual fixing of the means over the term of the contract).'
        }
    }),
    rule({
        code: 'CPOM061', name: 'funding-year-outside-period', severity: 'error', category: 'funding', confidence: 'T',
        title: { fr: 'Montant hors de la période', en: 'Amount outside the period' },
        message: {
            fr: "Le montant {year} est hors de la période du contrat ({first}–{last}).",
            en: 'The {year} amount is outside the contract period ({first}–{last}).'
        },
        rationale: {
            fr: 'Les montants sont indiqués pour les exercices budgétaires du contrat.',
            en: 'Amounts are given for the budget years of the contract.'
        },
        source: {
            fr: 'Articles L. 313-11 et R. 314-40 du CASF.',
            en: 'CASF L.313-11, R.314-40.'
        }
    }),
    rule({
        code: 'CPOM062', name: 'distribution-sum', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Répartition différente du montant', en: 'Distribution differs from the amount' },
        message: {
            fr: 'La répartition {year} de « {name} » totalise {sum}, au lieu de {amount} (écart {gap}).',
            en: "The {year} distribution of '{name}' sums to {sum} instead of {amount} (gap {gap})."
        },
        rationale: {
            fr: "La répartition prévisionnelle d'une dotation entre établissements a pour total, au centime près, le montant de la dotation (article R. 314-43-1 du CASF : l'arrêté annuel fixe le montant et sa répartition prévisionnelle).",
            en: 'The provisional split of a dotation between establishments adds up, to the cent, to the dotation (R.314-43-1: the annual arrêté fixes the amount and its provisional distribution).'
        },
        source: {
            fr: 'Article R. 314-43-1 du CASF.',
            en: 'CASF R.314-43-1.'
        }
    }),
    rule({
        code: 'CPOM063', name: 'dgc-homogeneity', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Dotation globalisée commune hétérogène', en: 'Heterogeneous dotation globalisée commune' },
        message: {
            fr: 'La dotation globalisée commune « {name} » réunit des établissements {difference} ({details}).',
            en: "The dotation globalisée commune '{name}' groups establishments {difference} ({details})."
        },
        rationale: {
            fr: "Une dotation globalisée commune ne peut regrouper que des ESMS d'une même personne morale, relevant de la même autorité de tarification et des mêmes financements. cpom vérifie que les établissements ont une autorité de tarification en commun et partagent le financement de la dotation (État, assurance maladie ou département) : un FAM (ARS et département) et une MAS (ARS) peuvent partager une dotation de l'ARS financée par l'assurance maladie ; un IME (ARS) et un SAVS (département) ne le peuvent pas.",
            en: 'A dotation globalisée commune can only group ESMS of the same personne morale, under the same tarification authority and with the same financements. cpom checks that the establishments have a tarification authority in common and share the financement of the dotation (État, assurance maladie or département): a FAM (ARS and département) and a MAS (ARS) may share an ARS dotation financed by the assurance maladie, an IME (ARS) and a SAVS (département) may not.'
        },
        source: {
            fr: 'Article R. 314-43-1 du CASF.',
            en: 'CASF R.314-43-1.'
        }
    }),
    rule({
        code: 'CPOM064', name: 'funding-payer', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Financeur incompatible avec la nature du financement', en: 'Payer incompatible with the kind of funding' },
        message: {
            fr: 'Un financement de nature « {nature} » est versé par {expected} ; « {name} » a pour financeur {payer}.',
            en: "A {nature} is paid by {expected}; '{name}' is paid by {payer}."
        },
        rationale: {
            fr: "Pour les EHPAD, le forfait global soins est fixé par l'ARS, le forfait global dépendance et le tarif hébergement par le président du conseil départemental ; la dotation d'un ESAT est versée par l'État et fixée par l'ARS.",
            en: 'For EHPAD the forfait global soins is fixed by the ARS, the forfait global dépendance and the tarif hébergement by the président du conseil départemental; the dotation of an ESAT is paid by the État and fixed by the ARS.'
        },
        source: {
            fr: 'Article R. 314-105 du CASF ; décret n° 2016-1814 du 21 décembre 2016 (forfaits des EHPAD) ; article R. 314-174 du CASF.',
            en: 'CASF R.314-105; décret n° 2016-1814 du 21 décembre 2016 (EHPAD forfaits); R.314-174.'
        }
    }),
    rule({
        code: 'CPOM065', name: 'payer-signs', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Financeur non signataire', en: 'Payer does not sign' },
        message: {
            fr: '{payer}, financeur de « {name} », ne signe pas le contrat.',
            en: "{payer}, payer of '{name}', does not sign the contract."
        },
        rationale: {
            fr: "L'autorité qui engage des financements dans le contrat y est partie.",
            en: 'The authority that commits funds in the contract is a party to it.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF (« la ou les autorités chargées de la tarification »).',
            en: 'CASF L.313-11 ("la ou les autorités chargées de la tarification").'
        }
    }),
    rule({
        code: 'CPOM066', name: 'funding-incomplete', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Ligne de financement incomplète', en: 'Incomplete funding line' },
        message: {
            fr: "La ligne de financement « {name} » ne précise pas {missing}.",
            en: "Funding line '{name}' does not state {missing}."
        },
        rationale: {
            fr: "Une ligne de financement indique sa nature, son financeur, les établissements qu'elle finance et ses montants par année ; l'article R. 314-40 du CASF impose de préciser la méthode d'actualisation annuelle.",
            en: 'A funding line states its nature, its payer, the establishments it funds and its amounts per year; R.314-40 requires the method of annual actualisation.'
        },
        source: {
            fr: 'Article R. 314-40 du CASF (méthode de fixation annuelle) ; article R. 314-43-1 du CASF.',
            en: 'CASF R.314-40 (method of annual fixing); R.314-43-1.'
        }
    }),
    rule({
        code: 'CPOM067', name: 'modulation-scope', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Modulation hors champ', en: 'Modulation outside its scope' },
        message: {
            fr: "La modulation selon l'activité n'est prévue que pour les CPOM relevant du IV ter de l'article L.313-12, de l'article L.313-12-2 ou de l'article L.313-11-2 ; ce contrat relève de {frames}.",
            en: 'Modulation on activity is provided for CPOM under L.313-12 IV ter, L.313-12-2 or L.313-11-2 only; this contract is under {frames}.'
        },
        rationale: {
            fr: "L'article R. 314-43-2 du CASF permet de moduler la dotation ou le forfait selon des objectifs d'activité contractuels pour les CPOM relevant du IV ter de l'article L. 313-12 et de l'article L. 313-12-2 ; l'article L. 313-11-2 (CHRS) permet « une modulation du tarif en fonction d'objectifs d'activité ».",
            en: 'R.314-43-2 allows the dotation or forfait to be modulated on contractual activity targets for CPOM under L.313-12 IV ter and L.313-12-2; L.313-11-2 (CHRS) allows "une modulation du tarif en fonction d\'objectifs d\'activité".'
        },
        source: {
            fr: 'Articles R. 314-43-2 et L. 313-11-2 du CASF.',
            en: 'CASF R.314-43-2; L.313-11-2.'
        }
    }),
    rule({
        code: 'CPOM068', name: 'modulation-indicator', severity: 'warning', category: 'funding', confidence: 'V',
        title: { fr: 'Critère de modulation non justifié', en: 'Unjustified modulation criterion' },
        message: {
            fr: "La modulation de « {name} » repose sur un critère autre que le taux d'occupation, le nombre de personnes accompagnées ou de prestations, sans justification.",
            en: "The modulation of '{name}' uses a criterion other than occupancy, persons accompanied or prestations, without justification."
        },
        rationale: {
            fr: "Sauf justification, l'activité se mesure par le taux d'occupation, le nombre de personnes accompagnées dans l'année ou le nombre de prestations délivrées.",
            en: 'Unless justified, activity is measured by the occupancy rate, the number of persons accompanied in the year or the number of prestations delivered.'
        },
        source: {
            fr: 'Article R. 314-43-2 du CASF.',
            en: 'CASF R.314-43-2.'
        }
    }),
    rule({
        code: 'CPOM069', name: 'modulation-abattement', severity: 'error', category: 'funding', confidence: 'V',
        title: { fr: 'Abattement supérieur à la moitié de l\'écart', en: 'Abattement above half of the gap' },
        message: {
            fr: "L'abattement de {value} % de l'écart dépasse la moitié de l'écart entre la cible et l'activité réalisée.",
            en: 'An abattement of {value} % of the gap exceeds half of the gap between target and actual activity.'
        },
        rationale: {
            fr: "L'abattement ne peut excéder la moitié de l'écart entre l'objectif d'activité et la dernière activité réalisée connue.",
            en: 'The abattement cannot exceed half of the gap between the activity target and the last known actual activity.'
        },
        source: {
            fr: 'Article R. 314-43-2 du CASF.',
            en: 'CASF R.314-43-2.'
        }
    }),
    rule({
        code: 'CPOM070', name: 'funding-establishment', severity: 'error', category: 'funding', confidence: 'T',
        title: { fr: 'Répartition vers un établissement non financé', en: 'Distribution to an establishment not funded' },
        message: {
            fr: "« {establishment} » reçoit une part de « {name} » mais n'est pas parmi les établissements financés par cette ligne.",
            en: "'{establishment}' receives a share of '{name}' but is not among the establishments funded by this line."
        },
        rationale: {
            fr: "Une répartition ventile la ligne entre les établissements qu'elle finance.",
            en: 'A distribution splits the line between the establishments it funds.'
        },
        source: {
            fr: 'Article R. 314-43-1 du CASF (répartition prévisionnelle de la dotation).',
            en: 'CASF R.314-43-1 (provisional distribution of the dotation).'
        }
    }),
    rule({
        code: 'CPOM071', name: 'cnr-year', severity: 'error', category: 'funding', confidence: 'T',
        title: { fr: 'CNR hors période', en: 'CNR outside the period' },
        message: {
            fr: "Le crédit non reconductible « {name} » est prévu en {year}, hors de la période du contrat ({first}–{last}).",
            en: "Non-recurring credit '{name}' is planned for {year}, outside the contract period ({first}–{last})."
        },
        rationale: {
            fr: 'Les crédits non reconductibles sont propres à une année et hors base reconductible ; comme tout montant du contrat, ils sont prévus sur les années du contrat (contrôle structurel de la période).',
            en: 'Crédits non reconductibles are year-specific and outside the recurring base; like every amount of the contract, they are planned within its years (a structural check of the period).'
        },
        source: {
            fr: 'Circulaire de campagne 2013 (NOR : AFSA1307280C), annexe 5.',
            en: 'Circulaire campagne 2013 (NOR AFSA1307280C), annexe 5.'
        }
    }),

    // --- follow-up --------------------------------------------------------------------------
    rule({
        code: 'CPOM080', name: 'ivter-comite', severity: 'error', category: 'follow-up', confidence: 'V',
        title: { fr: 'CPOM EHPAD sans comité de suivi', en: 'EHPAD CPOM without comité de suivi' },
        message: {
            fr: "Un CPOM relevant du IV ter de l'article L.313-12 prévoit un comité de suivi et sa composition.",
            en: 'A CPOM under L.313-12 IV ter provides a comité de suivi and its members.'
        },
        rationale: {
            fr: 'Le cahier des charges institue un comité de suivi (département ou métropole, ARS, gestionnaire et autres membres).',
            en: 'The cahier des charges sets up a comité de suivi (département or métropole, ARS, gestionnaire and others).'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017, article 5 (comité de suivi).',
            en: 'Arrêté du 3 mars 2017, art. 5 (comité de suivi).'
        }
    }),
    rule({
        code: 'CPOM081', name: 'ivter-reviews', severity: 'error', category: 'follow-up', confidence: 'V',
        title: { fr: 'Revues de 3e et 5e année manquantes', en: 'Missing year-3 and year-5 reviews' },
        message: {
            fr: "Le comité de suivi d'un CPOM EHPAD se réunit la 3e année (revue à mi-parcours, {mid}) et la 5e année (bilan final, {final}) ; il manque : {missing}.",
            en: 'The comité de suivi of an EHPAD CPOM meets in year 3 (mid-term review, {mid}) and year 5 (final review, {final}); missing: {missing}.'
        },
        rationale: {
            fr: 'Le comité de suivi se réunit la troisième année pour une revue à mi-parcours et la cinquième année pour le bilan final.',
            en: 'The comité de suivi meets in the third year for a mid-term review and in the fifth year for the final report.'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017, article 5.',
            en: 'Arrêté du 3 mars 2017, art. 5.'
        }
    }),
    rule({
        code: 'CPOM082', name: 'gmp-pmp-year', severity: 'warning', category: 'follow-up', confidence: 'V',
        title: { fr: 'Évaluation GMP/PMP hors 3e année', en: 'GMP/PMP assessment not in year 3' },
        message: {
            fr: 'Le GMP et le PMP sont évalués la 3e année du contrat ({expected}) ; le contrat prévoit {actual}.',
            en: 'GMP and PMP are assessed in year 3 of the contract ({expected}); the contract plans {actual}.'
        },
        rationale: {
            fr: 'Pour les EHPAD, le GMP et le PMP sont évalués avant le contrat et au cours de sa troisième année (validation au plus tard le 30 juin N-1 pour une application en N).',
            en: 'For EHPAD, the GMP and PMP are assessed before the contract and in its third year (validated by 30 June N-1 to apply in N).'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017.',
            en: 'Arrêté du 3 mars 2017.'
        }
    }),
    rule({
        code: 'CPOM083', name: 'review-year', severity: 'error', category: 'follow-up', confidence: 'T',
        title: { fr: 'Revue hors période', en: 'Review outside the period' },
        message: {
            fr: "La revue prévue en {year} est hors de la période du contrat ({first}–{last}).",
            en: 'The review planned for {year} is outside the contract period ({first}–{last}).'
        },
        rationale: {
            fr: 'Les revues et les évaluations ont lieu pendant la durée du contrat.',
            en: 'Reviews and assessments take place during the contract.'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017, article 5.',
            en: 'Arrêté du 3 mars 2017, art. 5.'
        }
    }),
    rule({
        code: 'CPOM084', name: 'budget-deadline', severity: 'warning', category: 'follow-up', confidence: 'S',
        title: { fr: 'Échéance budgétaire tardive', en: 'Late budget deadline' },
        message: {
            fr: "La transmission de l'{document} au {date} est postérieure à l'échéance réglementaire ({deadline}).",
            en: 'Sending the {document} on {date} is later than the regulatory deadline ({deadline}).'
        },
        rationale: {
            fr: "L'EPRD est transmis au plus tard le 30 juin de l'année, et l'ERRD au plus tard le 30 avril de l'année suivante.",
            en: 'The EPRD is sent by 30 June of the year and the ERRD by 30 April of the following year.'
        },
        source: {
            fr: "Articles R. 314-210 et R. 314-232 du CASF (calendrier de l'EPRD et de l'ERRD), tels que résumés par Nexem et le cabinet Albertine.",
            en: 'CASF R.314-210 and R.314-232 (EPRD, ERRD calendar), as summarised by Nexem and Cabinet Albertine.'
        }
    }),
    rule({
        code: 'CPOM085', name: 'comite-members', severity: 'warning', category: 'follow-up', confidence: 'V',
        title: { fr: 'Signataire absent du comité de suivi', en: 'Signatory missing from the comité de suivi' },
        message: {
            fr: "{party} signe le contrat mais ne siège pas au comité de suivi.",
            en: '{party} signs the contract but does not sit on the comité de suivi.'
        },
        rationale: {
            fr: 'Le comité de suivi réunit les parties au contrat.',
            en: 'The comité de suivi gathers the parties to the contract.'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017, article 5 (composition du comité de suivi).',
            en: 'Arrêté du 3 mars 2017, art. 5 (composition of the comité de suivi).'
        }
    }),

    // --- amendments -------------------------------------------------------------------------
    rule({
        code: 'CPOM090', name: 'avenant-period', severity: 'error', category: 'amendments', confidence: 'V',
        title: { fr: 'Avenant hors de la période du contrat', en: 'Amendment outside the contract period' },
        message: {
            fr: "L'avenant n° {number} prend effet le {effect}, hors de la période du contrat ({start} – {end}).",
            en: 'Amendment no. {number} takes effect on {effect}, outside the contract period ({start} – {end}).'
        },
        rationale: {
            fr: "Un avenant modifie un contrat en vigueur : il prend effet entre la date d'effet et la fin du contrat (prorogation comprise).",
            en: 'An avenant modifies a contract in force: it takes effect between the date of effect and the end of the contract (prorogation included).'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019 (avenant pour modifier le contrat) ; article L. 313-11 du CASF.',
            en: 'Arrêté du 25 octobre 2019 (avenant to modify the contract); CASF L.313-11.'
        }
    }),
    rule({
        code: 'CPOM091', name: 'avenant-signatories', severity: 'warning', category: 'amendments', confidence: 'G',
        title: { fr: "Avenant non signé par toutes les parties", en: 'Amendment not signed by every party' },
        message: {
            fr: "{party}, partie au contrat, ne signe pas l'avenant n° {number}.",
            en: '{party}, a party to the contract, does not sign amendment no. {number}.'
        },
        rationale: {
            fr: "Un avenant engage les mêmes parties que le contrat, ainsi que toute nouvelle autorité de tarification qu'il fait entrer.",
            en: 'An avenant binds the same parties as the contract, plus any new tarification authority it brings in.'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019 (avenant) ; règle de signature proposée par le projet cpom.',
            en: 'Arrêté du 25 octobre 2019 (avenant); signature rule proposed by the cpom project.'
        }
    }),
    rule({
        code: 'CPOM092', name: 'avenant-establishment', severity: 'error', category: 'amendments', confidence: 'V',
        title: { fr: 'Établissement ajouté incomplet', en: 'Incomplete added establishment' },
        message: {
            fr: "L'établissement « {name} » ajouté par l'avenant n° {number} ne précise pas {missing}.",
            en: "Establishment '{name}' added by amendment no. {number} does not state {missing}."
        },
        rationale: {
            fr: 'Un établissement entre dans le périmètre par avenant, avec son numéro FINESS, sa capacité et son autorité de tarification.',
            en: 'An establishment enters the perimeter by avenant with its FINESS number, its capacity and its tarification authority.'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019, annexe : « un avenant devra être pris pour modifier la liste initiale ».',
            en: 'Arrêté du 25 octobre 2019, annex: "un avenant devra être pris pour modifier la liste initiale".'
        }
    }),
    rule({
        code: 'CPOM093', name: 'avenant-number', severity: 'error', category: 'amendments', confidence: 'T',
        title: { fr: "Numéro d'avenant en double", en: 'Duplicate amendment number' },
        message: {
            fr: "Le contrat {contract} a déjà un avenant n° {number}.",
            en: 'Contract {contract} already has an amendment no. {number}.'
        },
        rationale: {
            fr: 'Les avenants sont numérotés successivement.',
            en: 'Avenants are numbered in sequence.'
        },
        source: {
            fr: 'Structure du langage CPOM.',
            en: 'CPOM language structure.'
        }
    }),
    rule({
        code: 'CPOM094', name: 'avenant-signature', severity: 'error', category: 'amendments', confidence: 'T',
        title: { fr: "Avenant signé avant le contrat", en: 'Amendment signed before the contract' },
        message: {
            fr: "L'avenant n° {number} est signé le {signature}, avant le contrat ({contractSignature}).",
            en: 'Amendment no. {number} is signed on {signature}, before the contract ({contractSignature}).'
        },
        rationale: {
            fr: 'Un avenant modifie un contrat déjà signé.',
            en: 'An avenant amends a signed contract.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF.',
            en: 'CASF L.313-11.'
        }
    }),
    rule({
        code: 'CPOM095', name: 'avenant-new-authority-signs', severity: 'error', category: 'amendments', confidence: 'V',
        title: { fr: "Nouvelle autorité non signataire de l'avenant", en: 'New authority does not sign the amendment' },
        message: {
            fr: "{authority}, autorité de tarification de l'établissement ajouté {establishment}, ne signe pas l'avenant n° {number}.",
            en: '{authority}, tarification authority of the added establishment {establishment}, does not sign amendment no. {number}.'
        },
        rationale: {
            fr: "Lorsqu'un avenant fait entrer un ESMS relevant d'une autre autorité de tarification, celle-ci est cosignataire.",
            en: 'When an avenant brings in an ESMS under another tarification authority, that authority co-signs.'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019, annexe : « celle-ci est co-signataire ».',
            en: 'Arrêté du 25 octobre 2019, annex: "celle-ci est co-signataire".'
        }
    }),

    // --- completeness -------------------------------------------------------------------------
    rule({
        code: 'CPOM096', name: 'diagnostic-axes', severity: 'warning', category: 'structure', confidence: 'S',
        title: { fr: 'Diagnostic incomplet', en: 'Incomplete diagnostic' },
        message: {
            fr: 'Le diagnostic ne traite pas : {missing}.',
            en: 'The diagnostic does not cover: {missing}.'
        },
        rationale: {
            fr: 'Le diagnostic partagé porte sur quatre axes : activité, organisation et fonctionnement, ressources, qualité.',
            en: 'The shared diagnostic covers four axes: activité, organisation et fonctionnement, ressources, qualité.'
        },
        source: {
            fr: "Arrêté du 3 mars 2017 (diagnostic partagé, titre 1, article 2) ; méthode de l'ARS Midi-Pyrénées (2010).",
            en: 'Arrêté du 3 mars 2017 (diagnostic partagé, titre 1 art. 2); ARS Midi-Pyrénées method (2010).'
        }
    }),
    rule({
        code: 'CPOM097', name: 'frame-category', severity: 'warning', category: 'perimeter', confidence: 'S',
        title: { fr: 'Cadre juridique et catégories discordants', en: 'Legal frame and categories disagree' },
        message: {
            fr: "{detail}",
            en: '{detail}'
        },
        rationale: {
            fr: "Le cadre juridique découle du périmètre : IV ter de l'article L. 313-12 pour les EHPAD et les PUV ; article L. 313-12-2 pour les ESMS relevant de la compétence exclusive ou conjointe de l'ARS (hors CAMSP et hors ESMS relevant de la compétence exclusive du département) ; article L. 313-11-2 pour les CHRS ; article L. 313-11-1 pour les SAAD.",
            en: 'The legal frame follows from the perimeter: L.313-12 IV ter for EHPAD and PUV; L.313-12-2 for ESMS under the exclusive or joint competence of the ARS (not CAMSP, not ESMS under the exclusive competence of the département); L.313-11-2 for CHRS; L.313-11-1 for SAAD.'
        },
        source: {
            fr: 'Articles L. 313-12 (IV ter), L. 313-12-2, L. 313-11-1 et L. 313-11-2 du CASF.',
            en: 'CASF L.313-12 IV ter, L.313-12-2, L.313-11-1, L.313-11-2.'
        }
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
