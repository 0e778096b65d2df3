/** Catalogue entries of the rules in funding.ts: amounts, funding lines, distributions, payers, modulation, CNR. */
import { defineRule } from '../../diagnostics/catalogue.js';
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
        code: 'CPOM062', name: 'distribution-sum', severity: 'error', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-43-1'],
        title: { fr: 'Répartition différente du montant', en: 'Distribution differs from the amount' },
        params: { year: 'text', name: 'text', sum: 'text', amount: 'text', gap: 'text' },
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
    defineRule({
        code: 'CPOM063', name: 'dgc-homogeneity', severity: 'error', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-43-1'],
        title: { fr: 'Dotation globalisée commune hétérogène', en: 'Heterogeneous dotation globalisée commune' },
        params: {
            name: 'text',
            difference: {
                choice: {
                    authority: { fr: 'sans autorité de tarification commune', en: 'with no common tarification authority' },
                    financement: { fr: 'aux financements différents', en: 'with different financements' },
                },
            },
            details: 'text',
        },
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
    defineRule({
        code: 'CPOM064', name: 'funding-payer', severity: 'error', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-105', 'DECRET:2016-1814', 'CASF:R314-174'],
        title: { fr: 'Financeur incompatible avec la nature du financement', en: 'Payer incompatible with the kind of funding' },
        params: { nature: { choice: PAYER_NATURES }, expected: { choices: AUTHORITY_ROLES }, name: 'text', payer: 'text' },
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
    defineRule({
        code: 'CPOM065', name: 'payer-signs', severity: 'error', category: 'funding', confidence: 'V',
        texts: ['CASF:L313-11'],
        title: { fr: 'Financeur non signataire', en: 'Payer does not sign' },
        params: { payer: 'text', name: 'text' },
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
    defineRule({
        code: 'CPOM066', name: 'funding-incomplete', severity: 'error', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-40', 'CASF:R314-43-1'],
        title: { fr: 'Ligne de financement incomplète', en: 'Incomplete funding line' },
        params: { name: 'text', missing: { choices: FUNDING_FACTS } },
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
    defineRule({
        code: 'CPOM067', name: 'modulation-scope', severity: 'error', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-43-2', 'CASF:L313-11-2'],
        title: { fr: 'Modulation hors champ', en: 'Modulation outside its scope' },
        params: { frames: 'text' },
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
    defineRule({
        code: 'CPOM068', name: 'modulation-indicator', severity: 'warning', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-43-2'],
        title: { fr: 'Critère de modulation non justifié', en: 'Unjustified modulation criterion' },
        params: { name: 'text' },
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
    defineRule({
        code: 'CPOM069', name: 'modulation-abattement', severity: 'error', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-43-2'],
        title: { fr: 'Abattement supérieur à la moitié de l\'écart', en: 'Abattement above half of the gap' },
        params: { value: 'text' },
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
    defineRule({
        code: 'CPOM070', name: 'funding-establishment', severity: 'error', category: 'funding', confidence: 'T',
        texts: ['CASF:R314-43-1'],
        title: { fr: 'Répartition vers un établissement non financé', en: 'Distribution to an establishment not funded' },
        params: { establishment: 'text', name: 'text' },
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
