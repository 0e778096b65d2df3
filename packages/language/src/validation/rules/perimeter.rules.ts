/** Catalogue entries of the rules in perimeter.ts: establishments of the perimeter, their FINESS and départements. */
import { defineRule, variant } from '../../diagnostics/catalogue.js';

/** What every establishment of a perimeter states (CPOM032; CPOM092 for an establishment added by an avenant). */
export const ESTABLISHMENT_FACTS = {
    finess: { fr: 'son numéro FINESS (`finess`)', en: 'its FINESS number (`finess`)' },
    categorie: { fr: 'sa catégorie (`categorie`)', en: 'its category (`categorie`)' },
    capacite: { fr: 'sa capacité (`capacite`)', en: 'its capacity (`capacite`)' },
    tarification: { fr: 'son autorité de tarification (`tarification`)', en: 'its tarification authority (`tarification`)' },
} as const;

export const PERIMETER_RULES = [
    defineRule({
        code: 'CPOM027', name: 'unknown-department', severity: 'error', category: 'parties', confidence: 'T',
        title: { fr: 'Département inconnu', en: 'Unknown département' },
        params: { code: 'text' },
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
    defineRule({
        code: 'CPOM030', name: 'missing-finess', severity: 'error', category: 'perimeter', confidence: 'V',
        texts: ['ARRETE:2017-03-03'],
        title: { fr: 'Numéro FINESS manquant', en: 'Missing FINESS number' },
        params: {
            what: {
                phrase: {
                    establishment: variant({
                        params: { name: 'text' },
                        fr: "L'établissement {name} n'a pas de numéro FINESS : ajoutez `finess` suivi de son numéro d'établissement (FINESS ET, 9 caractères)",
                        en: 'Establishment {name} has no FINESS number: add `finess` followed by its establishment number (FINESS ET, 9 characters)',
                    }),
                    gestionnaire: variant({
                        params: { name: 'text' },
                        fr: "Le gestionnaire {name} n'a pas de numéro FINESS : ajoutez `finess` suivi du numéro de son entité juridique (FINESS EJ, 9 caractères)",
                        en: 'The gestionnaire {name} has no FINESS number: add `finess` followed by the number of its legal entity (FINESS EJ, 9 characters)',
                    }),
                },
            },
        },
        message: {
            fr: '{what}.',
            en: '{what}.'
        },
        rationale: {
            fr: 'Le contrat identifie le gestionnaire par le numéro FINESS de son entité juridique, et chaque établissement ou service du périmètre par son numéro FINESS. Erreur pour un CPOM relevant du IV ter de l\'article L. 313-12 dont la date d\'effet suit l\'entrée en vigueur de l\'arrêté du 3 mars 2017 (11 mars 2017, lendemain de sa publication au JORF du 10 mars 2017, article 1er du code civil) ; avertissement pour les autres contrats, que ce cahier des charges ne vise pas.',
            en: 'The contract identifies the gestionnaire by the FINESS number of its entité juridique, and each establishment or service of the perimeter by its FINESS number. An error for a CPOM under L.313-12 IV ter whose date d\'effet follows the entry into force of the arrêté of 3 March 2017 (11 March 2017, the day after its publication in the JORF of 10 March 2017, Code civil art. 1); a warning for other contracts, which these specifications do not cover.'
        },
        source: {
            fr: "Arrêté du 3 mars 2017, titre I, article 1 (FINESS de l'entité juridique et de chaque ESMS).",
            en: 'Arrêté du 3 mars 2017, titre I art. 1 (FINESS of the entité juridique and of each ESMS).'
        }
    }),
    defineRule({
        code: 'CPOM031', name: 'duplicate-finess', severity: 'error', category: 'perimeter', confidence: 'V',
        texts: ['REF:FINESS'],
        title: { fr: 'Numéro FINESS en double', en: 'Duplicate FINESS number' },
        params: { finess: 'text', name: 'text', other: 'text' },
        message: {
            fr: "Le numéro FINESS {finess} de l'établissement {name} est déjà celui de {other} : chaque établissement a le sien ; vérifiez-les dans le répertoire FINESS.",
            en: 'FINESS number {finess} of establishment {name} is already that of {other}: each establishment has its own; check them in the FINESS directory.'
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
    defineRule({
        code: 'CPOM032', name: 'missing-category', severity: 'error', category: 'perimeter', confidence: 'V',
        texts: ['ARRETE:2017-03-03'],
        title: { fr: 'Établissement incomplet', en: 'Incomplete establishment' },
        params: { name: 'text', missing: { choices: ESTABLISHMENT_FACTS } },
        message: {
            fr: "L'établissement {name} ne précise pas {missing}.",
            en: 'Establishment {name} does not state {missing}.'
        },
        rationale: {
            fr: 'Chaque ESMS du périmètre est décrit par sa catégorie, sa capacité (autorisations) et son autorité de tarification. Erreur pour un CPOM relevant du IV ter de l\'article L. 313-12 dont la date d\'effet suit l\'entrée en vigueur de l\'arrêté du 3 mars 2017 (11 mars 2017, lendemain de sa publication au JORF du 10 mars 2017, article 1er du code civil) ; avertissement pour les autres contrats, que ce cahier des charges ne vise pas.',
            en: 'Each ESMS of the perimeter is described by its category, its capacity (autorisations) and its tarification authority. An error for a CPOM under L.313-12 IV ter whose date d\'effet follows the entry into force of the arrêté of 3 March 2017 (11 March 2017, the day after its publication in the JORF of 10 March 2017, Code civil art. 1); a warning for other contracts, which these specifications do not cover.'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017, titre I, article 1 (pour chaque ESMS : autorisations, FINESS, activités et publics).',
            en: 'Arrêté du 3 mars 2017, titre I art. 1 (per ESMS: autorisations, FINESS, activities and publics).'
        }
    }),
    defineRule({
        code: 'CPOM033', name: 'unknown-category', severity: 'error', category: 'perimeter', confidence: 'T',
        title: { fr: 'Catégorie inconnue', en: 'Unknown category' },
        params: { category: 'text', known: 'text' },
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
    defineRule({
        code: 'CPOM034', name: 'category-code-mismatch', severity: 'warning', category: 'perimeter', confidence: 'V',
        texts: ['REF:FINESS'],
        title: { fr: 'Code de catégorie incohérent', en: 'Inconsistent category code' },
        params: {
            code: 'text', category: 'text',
            expected: {
                phrase: {
                    one: variant({ params: { code: 'number' }, fr: 'dont le code est {code}', en: 'whose code is {code}' }),
                    several: variant({ params: { codes: 'list' }, fr: 'dont les codes sont {codes}', en: 'whose codes are {codes}' }),
                },
            },
        },
        message: {
            fr: "Le code de catégorie FINESS {code} n'est pas celui de la catégorie {category}, {expected} : corrigez le code ou la catégorie.",
            en: 'FINESS category code {code} is not that of category {category}, {expected}: correct the code or the category.'
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
    defineRule({
        code: 'CPOM035', name: 'department-outside-perimeter', severity: 'warning', category: 'perimeter', confidence: 'T',
        title: { fr: 'Département hors du périmètre déclaré', en: 'Département outside the declared perimeter' },
        params: { name: 'text', department: 'text', declared: 'list', code: 'text' },
        message: {
            fr: "L'établissement {name} est dans le département {department}, absent de la clause « départements » du contrat ({declared}) : ajoutez-y {code}.",
            en: "Establishment {name} is in département {department}, missing from the contract's 'départements' clause ({declared}): add {code} to it."
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
    defineRule({
        code: 'CPOM036', name: 'finess-department-mismatch', severity: 'warning', category: 'finess', confidence: 'V',
        texts: ['REF:FINESS'],
        title: { fr: 'FINESS et département discordants', en: 'FINESS and département disagree' },
        params: { finess: 'text', finessDepartment: 'text', name: 'text', department: 'text' },
        message: {
            fr: "Le numéro FINESS {finess} de l'établissement {name} est celui d'un établissement du département {finessDepartment}, mais sa clause « département » dit {department} : corrigez l'un ou l'autre.",
            en: "FINESS number {finess} of establishment {name} is that of an establishment of département {finessDepartment}, but its 'département' clause says {department}: correct one or the other."
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
    defineRule({
        code: 'CPOM037', name: 'establishment-outside-perimeter', severity: 'error', category: 'perimeter', confidence: 'T',
        texts: ['ARRETE:2019-10-25'],
        title: { fr: 'Établissement hors périmètre', en: 'Establishment outside the perimeter' },
        params: { name: 'text' },
        message: {
            fr: "L'établissement {name} n'appartient pas au périmètre du contrat : ajoutez-le au périmètre (dans un avenant, par `ajoute`) ou ne le nommez pas ici.",
            en: "Establishment {name} is not in the contract's perimeter: add it to the perimeter (in an avenant, with `ajoute`) or do not name it here."
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
    defineRule({
        code: 'CPOM038', name: 'capacity-funded-above-authorised', severity: 'warning', category: 'perimeter', confidence: 'G',
        texts: ['CASF:R314-43-2', 'CASF:L313-1'],
        title: { fr: 'Capacité financée supérieure à la capacité autorisée', en: 'Funded capacity above authorised capacity' },
        params: {
            name: 'text', funded: 'text', authorised: 'text',
            modality: {
                phrase: {
                    none: variant({ params: {}, fr: '', en: '' }),
                    some: variant({ params: { modality: 'text' }, fr: ' en {modality}', en: ' in {modality}' }),
                },
            },
        },
        message: {
            fr: "L'établissement {name} a une capacité financée{modality} de {funded}, au-delà de sa capacité autorisée de {authorised}.",
            en: 'Establishment {name} has a funded capacity{modality} of {funded}, above its authorised capacity of {authorised}.'
        },
        rationale: {
            fr: "Des places financées au-delà de l'autorisation sont probablement une erreur de saisie. Aucun texte lu ne dit qu'un contrat ne peut pas financer plus que la capacité autorisée (l'article R. 314-43-2 du CASF parle de « capacité autorisée et financée » pour le taux d'occupation) : un avertissement, pas une erreur.",
            en: 'Places funded beyond the authorisation are probably a typing error. No text read says a contract cannot fund more than the authorised capacity (R.314-43-2 speaks of "capacité autorisée et financée" for the occupancy rate): a warning, not an error.'
        },
        source: {
            fr: 'Article R. 314-43-2 du CASF (capacité autorisée et financée) ; article L. 313-1 du CASF (autorisation).',
            en: 'CASF R.314-43-2 (capacité autorisée et financée); L.313-1 (autorisation).'
        }
    }),
    defineRule({
        code: 'CPOM039', name: 'habilitated-above-capacity', severity: 'warning', category: 'perimeter', confidence: 'G',
        title: { fr: "Places habilitées à l'aide sociale au-delà de la capacité", en: 'Places habilitated to social aid above capacity' },
        params: { name: 'text', habilitated: 'text', authorised: 'text' },
        message: {
            fr: "L'établissement {name} a {habilitated} habilitées à l'aide sociale pour une capacité autorisée de {authorised} : vérifiez le nombre écrit après `habilitation_aide_sociale`.",
            en: 'Establishment {name} has {habilitated} habilitated to social aid for an authorised capacity of {authorised}: check the number written after `habilitation_aide_sociale`.'
        },
        rationale: {
            fr: "L'habilitation à l'aide sociale porte sur des places de l'établissement : en déclarer plus que sa capacité autorisée (toutes modalités) est probablement une erreur de saisie. Aucun texte lu ne l'énonce : un avertissement.",
            en: 'The habilitation to social aid covers places of the establishment: declaring more than its authorised capacity (all modalities) is probably a typing error. No text read states it: a warning.'
        },
        source: {
            fr: 'Proposition du projet cpom (cohérence des capacités).',
            en: 'Proposal of the cpom project (consistency of capacities).'
        }
    }),
    defineRule({
        code: 'CPOM044', name: 'finess-ej-equals-et', severity: 'info', category: 'finess', confidence: 'G',
        texts: ['REF:FINESS'],
        title: { fr: 'FINESS EJ identique à un FINESS ET', en: 'EJ FINESS equal to an ET FINESS' },
        params: { finess: 'text', name: 'text', gestionnaire: 'text' },
        message: {
            fr: "Le numéro FINESS {finess} est à la fois celui de l'entité juridique du gestionnaire {gestionnaire} et celui de l'établissement {name} : vérifiez dans le répertoire FINESS le numéro propre à l'établissement (FINESS ET).",
            en: 'FINESS number {finess} is both that of the legal entity of the gestionnaire {gestionnaire} and that of establishment {name}: check in the FINESS directory the number of the establishment itself (FINESS ET).'
        },
        rationale: {
            fr: "Le répertoire FINESS numérote séparément l'entité juridique (EJ, la personne morale) et chacun de ses établissements (ET). Un même numéro pour l'EJ et un établissement n'est pas interdit par un texte connu, mais trahit souvent un numéro recopié au mauvais endroit : il mérite un second regard. L'exemple autrefois cité (2A0000154, EJ et ET de la même clinique) n'a pu être confirmé dans aucune copie publique, et une autre source l'associe à l'EJ 2A0000204 : il a été retiré.",
            en: 'The FINESS register numbers the entité juridique (EJ, the legal person) and each of its establishments (ET) separately. One number for the EJ and an establishment is forbidden by no known text, but often betrays a number copied to the wrong place: worth a second look. The example once cited (2A0000154, EJ and ET of the same clinic) could not be confirmed in any public copy, and another source pairs it with EJ 2A0000204: it was withdrawn.'
        },
        source: {
            fr: 'Référentiel FINESS (entité juridique et établissements géographiques numérotés séparément).',
            en: 'FINESS referential (legal entity and geographical establishments numbered separately).'
        }
    }),
    defineRule({
        code: 'CPOM045', name: 'finess-lookalike', severity: 'warning', category: 'finess', confidence: 'G',
        texts: ['REF:FINESS'],
        title: { fr: 'Numéros FINESS presque identiques', en: 'Nearly identical FINESS numbers' },
        params: { finess: 'text', name: 'text', other: 'text', otherName: 'text' },
        message: {
            fr: "Le numéro FINESS {finess} de l'établissement {name} ne diffère de {other}, celui de {otherName}, que d'un caractère ou d'une inversion : vérifiez qu'il ne s'agit pas du même établissement saisi deux fois ou d'un numéro mal recopié.",
            en: 'FINESS number {finess} of establishment {name} differs from {other}, that of {otherName}, by one character or a swap only: check that it is not the same establishment entered twice or a number miscopied.'
        },
        rationale: {
            fr: "Deux établissements d'un même périmètre dont les numéros FINESS ne diffèrent que d'un caractère, ou de deux caractères voisins inversés, trahissent souvent une faute de frappe : le même établissement saisi deux fois, ou un numéro mal recopié. Une faute sur un seul caractère fausse la clé (CPOM041) ; la règle signale donc les numéros aux clés justes que la clé de Luhn ne distingue pas (09 et 90 inversés). Ce n'est qu'un indice : un avertissement.",
            en: 'Two establishments of one perimeter whose FINESS numbers differ by one character, or by two neighbouring characters swapped, often betray a typing slip: the same establishment entered twice, or a number copied wrong. A slip on one character breaks the key (CPOM041); the rule therefore reports numbers with right keys that the Luhn key cannot tell apart (09 and 90 swapped). Only a hint: a warning.'
        },
        source: {
            fr: 'Référentiel FINESS (un numéro par établissement) ; proposition du projet cpom.',
            en: 'FINESS referential (one number per establishment); proposal of the cpom project.'
        }
    }),
] as const;
