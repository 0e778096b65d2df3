/** Catalogue entries of the rules in structure.ts: mandatory and repeated clauses, names, unused declarations, diagnostic axes. */
import { defineRule, variant } from '../../diagnostics/catalogue.js';

/** What each mandatory clause is for (CPOM005). */
const CLAUSE_PURPOSES = {
    cadre: { fr: 'cadre juridique : L313-11, L313-12-IVter, L313-12-2…', en: 'legal frame: L313-11, L313-12-IVter, L313-12-2…' },
    effet: { fr: "date d'entrée en vigueur", en: 'date of effect' },
    fin: { fr: 'date de fin, cinq ans au plus', en: 'end date, five years at most' },
    gestionnaire: { fr: 'organisme gestionnaire et son FINESS EJ', en: 'organisme gestionnaire and its EJ FINESS' },
    signataires: { fr: 'parties qui signent', en: 'signing parties' },
    perimetre: { fr: 'établissements et services couverts', en: 'establishments and services covered' },
    axe: { fr: 'objectifs stratégiques', en: 'strategic objectives' },
    moyens: { fr: 'volet financier', en: 'financial volet' },
    suivi: { fr: 'suivi et évaluation', en: 'follow-up and evaluation' },
    objet: { fr: "objet de l'avenant", en: 'purpose of the amendment' },
} as const;

/** The kinds of named elements (CPOM003). */
const NAME_KINDS = {
    etablissement: { fr: 'établissement', en: 'establishment' },
    partie: { fr: 'partie', en: 'party' },
    indicateur: { fr: 'indicateur', en: 'indicator' },
    financement: { fr: 'financement', en: 'funding line' },
    axe: { fr: 'axe', en: 'axis' },
    objectif: { fr: 'objectif', en: 'objective' },
    action: { fr: 'action', en: 'action' },
    contrat: { fr: 'contrat', en: 'contract' },
    catalogue: { fr: 'catalogue', en: 'catalogue' },
} as const;

/** The axes of the shared diagnostic (CPOM096), and its absence. */
const DIAGNOSTIC_AXES = {
    activite: { fr: 'activité', en: 'activity' },
    organisation: { fr: 'organisation et fonctionnement', en: 'organisation and functioning' },
    ressources: { fr: 'ressources', en: 'resources' },
    qualite: { fr: 'qualité', en: 'quality' },
    diagnostic: { fr: 'aucun diagnostic (clause « diagnostic »)', en: "no diagnostic at all ('diagnostic' clause)" },
} as const;

export const STRUCTURE_RULES = [
    defineRule({
        code: 'CPOM003', name: 'duplicate-name', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Nom déclaré deux fois', en: 'Duplicate name' },
        params: {
            name: 'text', kind: { choice: NAME_KINDS },
            where: {
                phrase: {
                    here: variant({ params: {}, fr: '', en: '' }),
                    avenant: variant({ params: { number: 'text' }, fr: " dans l'avenant n° {number}", en: ' in amendment no. {number}' }),
                    contract: variant({ params: { contract: 'text' }, fr: ' dans le contrat {contract}', en: ' in contract {contract}' }),
                },
            },
        },
        message: {
            fr: 'Le nom « {name} » est déjà déclaré ({kind}){where}.',
            en: "The name '{name}' is already declared ({kind}){where}."
        },
        rationale: {
            fr: "Chaque établissement, autorité, objectif, indicateur ou ligne de financement est désigné par son nom : un nom doit donc être unique dans son contrat ou son catalogue, et les noms de contrats et de catalogues uniques dans leur fichier. Deux fichiers peuvent déclarer le même contrat (deux versions côte à côte) : seule une référence qui les voit tous deux est ambiguë (CPOM113).",
            en: 'Every establishment, authority, objective, indicator or funding line is referred to by its name, so a name must be unique in its contract or catalogue, and contract and catalogue names unique in their file. Two files may declare the same contract (two versions side by side): only a reference that sees both is ambiguous (CPOM113).'
        },
        source: {
            fr: 'Règles de portée des noms du langage CPOM.',
            en: 'CPOM language scoping rules.'
        }
    }),
    defineRule({
        code: 'CPOM113', name: 'ambiguous-reference', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Référence ambiguë entre fichiers', en: 'Reference ambiguous between files' },
        params: {
            name: 'text', kind: { choice: { contrat: NAME_KINDS.contrat, catalogue: NAME_KINDS.catalogue } }, files: 'list',
            hint: {
                phrase: {
                    avenant: variant({ params: {}, fr: " : impossible de savoir quel contrat cet avenant modifie ; n'importez que le fichier de ce contrat", en: ': which contract this amendment amends cannot be told; import only the file of that contract' }),
                    other: variant({ params: {}, fr: " : impossible de savoir lequel est visé ; n'importez qu'un de ces fichiers", en: ': which one is meant cannot be told; import only one of these files' }),
                },
            },
        },
        message: {
            fr: '« {name} » ({kind}) est déclaré à la fois dans {files}{hint}.',
            en: "'{name}' ({kind}) is declared both in {files}{hint}."
        },
        rationale: {
            fr: "Deux versions d'un même contrat peuvent vivre côte à côte dans un dossier (celles que compare `cpom diff ANCIEN NOUVEAU`) : chacune se vérifie seule. Mais une référence qui voit les deux — un avenant `au CONTRAT` ou un nom `CATALOGUE.NOM` dans un fichier qui importe les deux, ou qui en déclare une et importe l'autre — ne peut pas dire laquelle elle désigne. N'importez que le fichier voulu.",
            en: 'Two versions of one contract may sit side by side in a folder (those `cpom diff OLD NEW` compares): each checks on its own. But a reference that sees both — an avenant `au CONTRACT` or a `CATALOGUE.NAME` in a file that imports both, or declares one and imports the other — cannot tell which one it means. Import only the file you mean.'
        },
        source: {
            fr: 'Règles de portée des noms du langage CPOM.',
            en: 'CPOM language scoping rules.'
        }
    }),
    defineRule({
        code: 'CPOM005', name: 'missing-clause', severity: 'error', category: 'structure', confidence: 'V',
        texts: ['CASF:L313-11', 'ARRETE:2017-03-03'],
        title: { fr: 'Clause obligatoire manquante', en: 'Missing mandatory clause' },
        params: {
            element: {
                phrase: {
                    contract: variant({ params: { name: 'text' }, fr: 'Le contrat « {name} »', en: "The contract '{name}'" }),
                    avenant: variant({ params: { number: 'text' }, fr: "L'avenant n° {number}", en: 'Amendment no. {number}' }),
                },
            },
            clause: 'text', why: { choice: CLAUSE_PURPOSES },
        },
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
    defineRule({
        code: 'CPOM006', name: 'duplicate-clause', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Clause en double', en: 'Duplicate clause' },
        params: { clause: 'text' },
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
    defineRule({
        code: 'CPOM007', name: 'unused-declaration', severity: 'warning', category: 'structure', confidence: 'T',
        title: { fr: 'Autorité ou établissement sans rôle dans le contrat', en: 'Authority or establishment with no role in the contract' },
        params: {
            what: {
                phrase: {
                    authority: variant({
                        params: { name: 'text' },
                        fr: "L'autorité {name} ne signe pas le contrat, ne tarifie ni ne finance aucun établissement : rattachez-la au contrat ou retirez-la",
                        en: 'Authority {name} does not sign the contract and neither tarifies nor funds any establishment: give it a role or remove it',
                    }),
                    establishment: variant({
                        params: { name: 'text' },
                        fr: "L'établissement {name} n'est rattaché à aucun objectif ni financement : nommez-le dans un objectif (`etablissements`) ou une ligne de financement, ou retirez-le du périmètre",
                        en: 'Establishment {name} is linked to no objective and no funding: name it in an objective (`etablissements`) or a funding line, or remove it from the perimeter',
                    }),
                },
            },
        },
        message: {
            fr: '{what}.',
            en: '{what}.'
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
    defineRule({
        code: 'CPOM096', name: 'diagnostic-axes', severity: 'warning', category: 'structure', confidence: 'S',
        texts: ['ARRETE:2017-03-03'],
        title: { fr: 'Diagnostic incomplet', en: 'Incomplete diagnostic' },
        params: { missing: { choices: DIAGNOSTIC_AXES, separator: ', ' } },
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
] as const;
