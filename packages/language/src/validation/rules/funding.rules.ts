/** Catalogue entries of the rules in funding.ts: amounts, funding lines, distributions, payers, modulation, CNR. */
import { defineRule, variant } from '../../diagnostics/catalogue.js';
import { AUTHORITY_ROLES } from './parties.rules.js';

/** What a funding line states (CPOM066). */
const FUNDING_FACTS = {
    nature: { fr: 'sa nature', en: 'its nature' },
    financeur: { fr: 'son financeur', en: 'its payer' },
    etablissements: { fr: 'les établissements financés', en: 'the establishments funded' },
    montants: { fr: 'ses montants annuels', en: 'its yearly amounts' },
    actualisation: { fr: "sa méthode d'actualisation (R.314-40)", en: 'its actualisation method (R.314-40)' },
} as const;

/** The natures of funding whose payer is set by law (CPOM064). */
const PAYER_NATURES = {
    forfait_global_soins: { fr: 'forfait global soins', en: 'forfait global soins' },
    forfait_soins: { fr: 'forfait soins', en: 'forfait soins' },
    forfait_global_dependance: { fr: 'forfait global dépendance', en: 'forfait global dépendance' },
    tarif_hebergement: { fr: 'tarif hébergement', en: 'tarif hébergement' },
    forfait_autonomie: { fr: 'forfait autonomie', en: 'forfait autonomie' },
    dotation_esat: { fr: "dotation d'ESAT", en: 'ESAT dotation' },
} as const;

export const FUNDING_RULES = [
    defineRule({
        code: 'CPOM009', name: 'invalid-amount', severity: 'error', category: 'funding', confidence: 'T',
        title: { fr: 'Montant invalide', en: 'Invalid amount' },
        params: { amount: 'text' },
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
    defineRule({
        code: 'CPOM060', name: 'funding-year-missing', severity: 'error', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-40'],
        title: { fr: 'Année non financée', en: 'Year without funding' },
        params: { name: 'text', years: 'years' },
        message: {
            fr: "La ligne de financement {name} n'a pas de montant pour {years} : ajoutez-les à sa clause « montants ».",
            en: "Funding line {name} has no amount for {years}: add them to its 'montants' clause."
        },
        rationale: {
            fr: "Le volet financier fixe, pour chaque ligne, la méthode de fixation annuelle des moyens (article R. 314-40 du CASF). Sous une formule d'indexation (2°) ou une équation tarifaire, un plafond ou un algorithme (4°), les montants de chaque exercice se calculent dès la signature : un montant manquant est une erreur. Sous le taux d'actualisation régional ou départemental (1°), les montants futurs ne sont pas connus à la signature : un montant manquant n'est qu'un avertissement, de même quand la ligne ne dit pas sa méthode (`actualisation`). Sous des avenants annuels (3° : « la conclusion d'avenants annuels d'actualisation ou de revalorisation »), chaque montant futur est l'objet de son avenant : la règle n'est qu'une information.",
            en: 'The financial volet fixes, per line, the method of the yearly fixing of the means (R.314-40). Under an indexation formula (2°) or a tariff equation, ceiling or algorithm (4°), the amount of every year follows at signature: a missing amount is an error. Under the regional or departmental rate (1°), future amounts are unknown at signature: a missing amount is only a warning, and so when the line does not say its method (`actualisation`). Under yearly avenants (3°: "la conclusion d\'avenants annuels d\'actualisation ou de revalorisation"), each future amount is the object of its avenant: the rule is only a note.'
        },
        source: {
            fr: 'Article R. 314-40 du CASF (fixation annuelle des moyens sur la durée du contrat).',
            en: 'CASF R.314-40 (annual fixing of the means over the term of the contract).'
        }
    }),
    defineRule({
        code: 'CPOM061', name: 'funding-year-outside-period', severity: 'error', category: 'funding', confidence: 'T',
        texts: ['CASF:L313-11', 'CASF:R314-40'],
        title: { fr: 'Montant hors de la période', en: 'Amount outside the period' },
        params: { year: 'text', first: 'number', last: 'number' },
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
    defineRule({
        code: 'CPOM062', name: 'distribution-sum', severity: 'error', category: 'funding', confidence: 'T',
        texts: ['CASF:R314-43-1'],
        title: { fr: 'Répartition différente du montant', en: 'Distribution differs from the amount' },
        params: { year: 'text', name: 'text', sum: 'text', amount: 'text', gap: 'text' },
        message: {
            fr: 'La répartition {year} de la ligne {name} totalise {sum}, au lieu de {amount} (écart de {gap}) : corrigez les parts ou le montant {year}.',
            en: 'The {year} distribution of line {name} sums to {sum} instead of {amount} (gap of {gap}): correct the shares or the {year} amount.'
        },
        rationale: {
            fr: "La répartition prévisionnelle d'une dotation entre établissements a pour total, au centime près, le montant de la dotation (article R. 314-43-1 du CASF : l'arrêté annuel fixe le montant et sa répartition prévisionnelle). La règle tient à la cohérence du contrat : une répartition qui ne totalise pas le montant qu'elle ventile donne deux montants pour la même chose (contrôle arithmétique, comme CPOM070).",
            en: 'The provisional split of a dotation between establishments adds up, to the cent, to the dotation (R.314-43-1: the annual arrêté fixes the amount and its provisional distribution). The rule rests on the contract\'s consistency: a distribution that does not add up to the amount it splits gives two amounts for one thing (an arithmetic check, like CPOM070).'
        },
        source: {
            fr: 'Article R. 314-43-1 du CASF.',
            en: 'CASF R.314-43-1.'
        }
    }),
    defineRule({
        code: 'CPOM063', name: 'dgc-homogeneity', severity: 'warning', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-43-1'],
        title: { fr: 'Dotation globalisée commune hétérogène', en: 'Heterogeneous dotation globalisée commune' },
        params: {
            name: 'text',
            difference: {
                choice: {
                    authority: { fr: 'qui ne relèvent pas de la même autorité de tarification', en: 'not under the same tarification authority' },
                    financement: { fr: 'aux financements différents', en: 'with different financements' },
                },
            },
            details: 'text',
        },
        message: {
            fr: 'La dotation globalisée commune {name} réunit des établissements {difference} ({details}).',
            en: 'The dotation globalisée commune {name} groups establishments {difference} ({details}).'
        },
        rationale: {
            fr: "Une dotation globalisée commune ne peut regrouper que des ESMS d'une même personne morale « relevant de la même autorité de tarification et des mêmes financements » : chaque établissement de la dotation relève d'une seule et même autorité (ou des mêmes autorités conjointes) et des mêmes financements. Un IME et une MAS (ARS, assurance maladie) le peuvent ; un FAM (ARS et département) et une MAS (ARS seule) ne le peuvent pas, ni un IME (ARS) et un SAVS (département). Le texte a été relu mot pour mot dans une copie non datée du code, mais la date de cette rédaction n'a pas été lue (registre du droit : S) : avertissement.",
            en: 'A dotation globalisée commune can only group ESMS of the same personne morale "relevant de la même autorité de tarification et des mêmes financements": every establishment of the dotation is under one and the same authority (or the same joint authorities) and the same financements. An IME and a MAS (ARS, assurance maladie) may; a FAM (ARS and département) and a MAS (ARS alone) may not, nor an IME (ARS) and a SAVS (département). The text was re-read word for word in an undated copy of the code, but the date of that wording was not read (law registry: S): a warning.'
        },
        source: {
            fr: "Article R. 314-43-1 du CASF : « relevant de la même autorité de tarification et des mêmes financements ».",
            en: 'CASF R.314-43-1: "relevant de la même autorité de tarification et des mêmes financements".'
        }
    }),
    defineRule({
        code: 'CPOM064', name: 'funding-payer', severity: 'error', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-159', 'CASF:R314-160', 'CASF:R314-172', 'CASF:R314-174', 'CASF:R314-105', 'LOI:2023-1250:79'],
        title: { fr: 'Financeur incompatible avec la nature du financement', en: 'Payer incompatible with the kind of funding' },
        params: { nature: { choice: PAYER_NATURES }, expected: { choices: AUTHORITY_ROLES }, name: 'text', payer: 'text' },
        message: {
            fr: 'Un financement de nature « {nature} » est versé par {expected} ; la ligne {name} a pour financeur {payer}.',
            en: 'A {nature} is paid by {expected}; line {name} is paid by {payer}.'
        },
        rationale: {
            fr: "Pour les EHPAD, le forfait global soins est fixé par l'ARS, le forfait global dépendance et le tarif hébergement par le président du conseil départemental ; la dotation d'un ESAT est versée par l'État et fixée par l'ARS. Exception : dans les départements de l'expérimentation du forfait global unique soins et entretien de l'autonomie (LFSS pour 2024, article 79, modifié ; 23 territoires depuis le 1er juillet 2025 selon le registre du droit), l'ARS fixe aussi la dépendance : un forfait dépendance versé par l'ARS n'y est pas une erreur. Dans le Rhône (69), où seule la Métropole de Lyon expérimente, la règle ne signale qu'un avertissement.",
            en: 'For EHPAD the forfait global soins is fixed by the ARS, the forfait global dépendance and the tarif hébergement by the président du conseil départemental; the dotation of an ESAT is paid by the État and fixed by the ARS. Exception: in the départements of the forfait global unique experiment (LFSS 2024 art. 79 as amended; 23 territories since 1 July 2025 per the law registry), the ARS fixes the dependency too: a dependency forfait paid by the ARS is no error there. In the Rhône (69), where only the Métropole de Lyon takes part, the rule reports a warning.'
        },
        source: {
            fr: "Articles R. 314-159 et R. 314-160 du CASF (forfait global de soins, ARS) ; articles R. 314-172 et R. 314-174 du CASF (forfait global dépendance, département) ; article R. 314-105 du CASF (dotation des ESAT) ; article 79 de la loi n° 2023-1250 du 26 décembre 2023 (forfait global unique expérimental, modifié par la LFSS pour 2025).",
            en: 'CASF R.314-159 and R.314-160 (care forfait, ARS); R.314-172 and R.314-174 (dependency forfait, département); R.314-105 (ESAT dotation); LFSS 2024 art. 79 (experimental forfait global unique, as amended by the LFSS for 2025).'
        }
    }),
    defineRule({
        code: 'CPOM065', name: 'payer-signs', severity: 'error', category: 'funding', confidence: 'V',
        texts: ['CASF:L313-11'],
        title: { fr: 'Financeur non signataire', en: 'Payer does not sign' },
        params: { payer: 'text', label: 'text', name: 'text' },
        message: {
            fr: '{label}, financeur de « {name} », ne signe pas le contrat : ajoutez {payer} aux signataires.',
            en: "{label}, payer of '{name}', does not sign the contract: add {payer} to the signatories."
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
    defineRule({
        code: 'CPOM066', name: 'funding-incomplete', severity: 'error', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-40', 'CASF:R314-43-1'],
        title: { fr: 'Ligne de financement incomplète', en: 'Incomplete funding line' },
        params: { name: 'text', missing: { choices: FUNDING_FACTS } },
        message: {
            fr: "La ligne de financement {name} ne précise pas {missing}.",
            en: "Funding line {name} does not state {missing}."
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
    defineRule({
        code: 'CPOM067', name: 'modulation-scope', severity: 'warning', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-43-2', 'CASF:L313-11-2'],
        title: { fr: 'Modulation hors champ', en: 'Modulation outside its scope' },
        params: { frames: 'text' },
        message: {
            fr: "La modulation selon l'activité n'est prévue que pour les CPOM relevant du IV ter de l'article L.313-12, de l'article L.313-12-2 ou de l'article L.313-11-2 ; ce contrat relève de {frames}.",
            en: 'Modulation on activity is provided for CPOM under L.313-12 IV ter, L.313-12-2 or L.313-11-2 only; this contract is under {frames}.'
        },
        rationale: {
            fr: "L'article R. 314-43-2 du CASF permet de moduler la dotation ou le forfait selon des objectifs d'activité contractuels pour les CPOM relevant du IV ter de l'article L. 313-12 et de l'article L. 313-12-2 ; l'article L. 313-11-2 (CHRS) permet « une modulation du tarif en fonction d'objectifs d'activité ». Aucun texte lu n'interdit expressément une modulation dans un autre contrat, et la date de la rédaction de l'article R. 314-43-2 n'a pas été lue (registre du droit : G) : avertissement.",
            en: 'R.314-43-2 allows the dotation or forfait to be modulated on contractual activity targets for CPOM under L.313-12 IV ter and L.313-12-2; L.313-11-2 (CHRS) allows "une modulation du tarif en fonction d\'objectifs d\'activité". No text read expressly forbids modulation in another contract, and the date of the wording of R.314-43-2 was not read (law registry: G): a warning.'
        },
        source: {
            fr: 'Articles R. 314-43-2 et L. 313-11-2 du CASF.',
            en: 'CASF R.314-43-2; L.313-11-2.'
        }
    }),
    defineRule({
        code: 'CPOM068', name: 'modulation-indicator', severity: 'warning', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-43-2'],
        title: { fr: 'Critère de modulation non justifié', en: 'Unjustified modulation criterion' },
        params: {
            name: 'text',
            criterion: {
                phrase: {
                    none: variant({
                        params: {},
                        fr: " ne précise pas son critère : écrivez `critere taux_occupation` (ou `personnes_accompagnees`, `prestations`), ou justifiez un autre critère (`justification \"…\"`)",
                        en: ' does not state its criterion: write `critere taux_occupation` (or `personnes_accompagnees`, `prestations`), or justify another criterion (`justification "…"`)',
                    }),
                    other: variant({
                        params: {},
                        fr: " repose sur un autre critère que le taux d'occupation, le nombre de personnes accompagnées ou celui des prestations, sans justification : donnez la raison de ce critère (`justification \"…\"`) ou choisissez-en un de ces trois",
                        en: ' rests on a criterion other than occupancy, the number of persons accompanied or of prestations, without justification: give the reason for this criterion (`justification "…"`) or choose one of these three',
                    }),
                },
            },
        },
        message: {
            fr: 'La modulation de la ligne {name}{criterion}.',
            en: 'The modulation of line {name}{criterion}.'
        },
        rationale: {
            fr: "Sous l'article R. 314-43-2 du CASF (CPOM de l'article L. 313-12-2 et, au IV ter de l'article L. 313-12, les ESMS autres que les EHPAD et PUV), l'activité se mesure, sauf justification, par le taux d'occupation, le nombre de personnes accompagnées dans l'année ou le nombre de prestations délivrées. La règle ne s'applique ni aux lignes des EHPAD (modulation réglementaire des articles R. 314-160 et R. 314-174) ni aux contrats de CHRS (article L. 313-11-2).",
            en: 'Under R.314-43-2 (CPOM of L.313-12-2 and, under L.313-12 IV ter, ESMS other than EHPAD and PUV), activity is measured, unless justified, by the occupancy rate, the number of persons accompanied in the year or the number of prestations delivered. The rule applies neither to EHPAD lines (regulatory modulation of R.314-160 and R.314-174) nor to CHRS contracts (L.313-11-2).'
        },
        source: {
            fr: 'Article R. 314-43-2 du CASF.',
            en: 'CASF R.314-43-2.'
        }
    }),
    defineRule({
        code: 'CPOM069', name: 'modulation-abattement', severity: 'warning', category: 'funding', confidence: 'G',
        texts: ['CASF:R314-43-2'],
        title: { fr: 'Abattement supérieur à la moitié de l\'écart', en: 'Abattement above half of the gap' },
        params: { value: 'text' },
        message: {
            fr: "L'abattement de {value} % de l'écart dépasse la moitié de l'écart entre la cible et l'activité réalisée.",
            en: 'An abattement of {value} % of the gap exceeds half of the gap between target and actual activity.'
        },
        rationale: {
            fr: "Sous l'article R. 314-43-2 du CASF, l'abattement ne peut excéder la moitié de l'écart entre l'objectif d'activité et la dernière activité réalisée connue ; il est fixé par établissement (III), après envoi d'un projet. La règle ne vise que les contrats de l'article L. 313-12-2 et, au IV ter de l'article L. 313-12, les lignes d'ESMS autres que les EHPAD et PUV : la modulation des EHPAD selon l'occupation est réglementaire (articles R. 314-160 et R. 314-174 : minoration = ½ × (seuil − taux), une formule et non un plafond) et un contrat de CHRS (article L. 313-11-2) n'est pas soumis à l'article R. 314-43-2. Le texte de l'article R. 314-43-2 n'a pas été relu dans une copie datée (registre du droit : G) : avertissement.",
            en: 'Under R.314-43-2, the abattement cannot exceed half of the gap between the activity target and the last known actual activity; it is set per establishment (III), after a draft is sent. The rule covers only L.313-12-2 contracts and, under L.313-12 IV ter, lines of ESMS other than EHPAD and PUV: EHPAD occupancy modulation is regulatory (R.314-160 and R.314-174: minoration = ½ × (threshold − rate), a formula, not a cap) and a CHRS contract (L.313-11-2) is not under R.314-43-2. The text of R.314-43-2 was not re-read in a dated copy (law registry: G): a warning.'
        },
        source: {
            fr: 'Article R. 314-43-2 du CASF.',
            en: 'CASF R.314-43-2.'
        }
    }),
    defineRule({
        code: 'CPOM150', name: 'modulation-departement-only', severity: 'warning', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-43-2', 'CASF:L313-12-2'],
        title: { fr: 'Modulation d\'un ESMS financé par le seul département', en: 'Modulation of an ESMS funded by the département alone' },
        params: {
            name: 'text',
            establishments: {
                phrase: {
                    one: variant({
                        params: { name: 'text' }, fr: "l'établissement {name}, tarifé par le seul département, que", en: 'establishment {name}, tarified by the département alone, which',
                    }),
                    several: variant({
                        params: { names: 'list' }, fr: 'des établissements tarifés par le seul département ({names}), que', en: 'establishments tarified by the département alone ({names}), which',
                    }),
                },
            },
        },
        message: {
            fr: "La modulation de la ligne {name} porte sur {establishments} le I de l'article R. 314-43-2 ne vise pas clairement : vérifiez avec le département qu'elle peut s'y appliquer.",
            en: 'The modulation of line {name} bears on {establishments} R.314-43-2 I does not clearly cover: check with the département that it may apply.'
        },
        rationale: {
            fr: "Le I de l'article R. 314-43-2 du CASF ne permet la modulation contractuelle selon l'activité que pour « le contrat mentionné au IV ter de l'article L. 313-12, pour les établissements et services définis au troisième alinéa du A de ce IV ter, et le contrat mentionné à l'article L. 313-12-2 ». Le CPOM de l'article L. 313-12-2 vise les ESMS relevant de la compétence tarifaire exclusive ou conjointe du directeur général de l'ARS ; un établissement tarifé par le seul président du conseil départemental (foyer de vie, foyer d'hébergement, SAVS, SAAD) n'en relève pas, et le troisième alinéa du A du IV ter n'a pas été relu. Le texte ne permet pas de conclure à coup sûr : avertissement, à vérifier avec le département.",
            en: 'R.314-43-2 I allows contractual modulation on activity only for "le contrat mentionné au IV ter de l\'article L. 313-12, pour les établissements et services définis au troisième alinéa du A de ce IV ter, et le contrat mentionné à l\'article L. 313-12-2". The L.313-12-2 CPOM covers ESMS under the exclusive or joint tarification competence of the ARS director general; an establishment tarified by the président du conseil départemental alone (foyer de vie, foyer d\'hébergement, SAVS, SAAD) is not among them, and the 3rd paragraph of A of IV ter was not re-read. The text does not settle it: a warning, to check with the département.'
        },
        source: {
            fr: "Article R. 314-43-2 du CASF, I ; article L. 313-12-2 du CASF.",
            en: 'CASF R.314-43-2 I; CASF L.313-12-2.'
        }
    }),
    defineRule({
        code: 'CPOM070', name: 'funding-establishment', severity: 'error', category: 'funding', confidence: 'T',
        texts: ['CASF:R314-43-1'],
        title: { fr: 'Répartition vers un établissement non financé', en: 'Distribution to an establishment not funded' },
        params: { establishment: 'text', name: 'text' },
        message: {
            fr: "L'établissement {establishment} reçoit une part de la ligne {name} mais n'est pas parmi les établissements qu'elle finance : ajoutez-le à sa clause « etablissements » ou retirez sa part.",
            en: "Establishment {establishment} receives a share of line {name} but is not among the establishments it funds: add it to its 'etablissements' clause or remove its share."
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
    defineRule({
        code: 'CPOM071', name: 'cnr-year', severity: 'error', category: 'funding', confidence: 'T',
        texts: ['CIRCULAIRE:AFSA1307280C'],
        title: { fr: 'CNR hors période', en: 'CNR outside the period' },
        params: { name: 'text', year: 'text', first: 'number', last: 'number' },
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
] as const;
