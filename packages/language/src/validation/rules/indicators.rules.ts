/** Catalogue entries of the rules in indicators.ts (and CPOM058, also reported by funding.ts): objectives and indicators. */
import { defineRule } from '../../diagnostics/catalogue.js';

export const INDICATORS_RULES = [
    defineRule({
        code: 'CPOM050', name: 'objective-without-indicator', severity: 'warning', category: 'indicators', confidence: 'V',
        texts: ['ARRETE:2019-10-25', 'ARRETE:2017-03-03'],
        title: { fr: 'Objectif sans indicateur', en: 'Objective without indicator' },
        params: { name: 'text' },
        message: {
            fr: "L'objectif {name} n'a aucun indicateur : ajoutez-lui une clause « indicateur » qui mesure son atteinte.",
            en: "Objective {name} has no indicator: add an 'indicateur' clause that measures its achievement."
        },
        rationale: {
            fr: "Les objectifs sont « déclinés en actions, assortis d'indicateurs » et d'un calendrier : un objectif sans indicateur ne peut pas être évalué. L'article 1er de l'arrêté du 25 octobre 2019 rend obligatoire le cahier des charges (annexe I) mais permet aux parties d'adapter le modèle de contrat (annexe II), et aucun autre texte lu n'impose cette exigence à tous les CPOM : c'est une bonne pratique, signalée comme avertissement.",
            en: 'Objectives are "déclinés en actions, assortis d\'indicateurs" with a timetable: an objective without an indicator cannot be evaluated. Article 1 of the arrêté of 25 October 2019 makes the specifications (annex I) binding but lets the parties adapt the model contract (annex II), and no other text read imposes this on every CPOM: good practice, reported as a warning.'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019, annexe (modèle de CPOM) ; arrêté du 3 mars 2017 (objectifs et leurs indicateurs).',
            en: 'Arrêté du 25 octobre 2019, annex (model CPOM); arrêté du 3 mars 2017 (objectives and their indicators).'
        }
    }),
    defineRule({
        code: 'CPOM051', name: 'indicator-baseline', severity: 'warning', category: 'indicators', confidence: 'V',
        texts: ['ARRETE:2019-10-25'],
        title: { fr: 'Indicateur sans valeur de référence', en: 'Indicator without baseline' },
        params: { name: 'text' },
        message: {
            fr: "L'indicateur {name} n'a pas de valeur de référence : ajoutez une clause « reference ANNÉE: valeur ».",
            en: "Indicator {name} has no baseline: add a 'reference YEAR: value' clause."
        },
        rationale: {
            fr: "Une trajectoire se mesure à partir d'une valeur de référence : la valeur de l'indicateur pour une année connue, en général l'année qui précède le contrat. L'article 1er de l'arrêté du 25 octobre 2019 rend obligatoire le cahier des charges (annexe I) mais permet aux parties d'adapter le modèle de contrat (annexe II), et aucun autre texte lu n'impose cette exigence à tous les CPOM : c'est une bonne pratique, signalée comme avertissement.",
            en: 'A trajectory is measured from a baseline: the value of the indicator in a known year, usually the year before the contract. Article 1 of the arrêté of 25 October 2019 makes the specifications (annex I) binding but lets the parties adapt the model contract (annex II), and no other text read imposes this on every CPOM: good practice, reported as a warning.'
        },
        source: {
            fr: "Arrêté du 25 octobre 2019, annexe (indicateurs) ; tableau de bord de la performance de l'ANAP.",
            en: 'Arrêté du 25 octobre 2019, annex (indicators); ANAP tableau de bord de la performance.'
        }
    }),
    defineRule({
        code: 'CPOM052', name: 'indicator-targets', severity: 'warning', category: 'indicators', confidence: 'V',
        texts: ['ARRETE:2019-10-25'],
        title: { fr: 'Indicateur sans cible', en: 'Indicator without target' },
        params: { name: 'text' },
        message: {
            fr: "L'indicateur {name} n'a aucune cible : ajoutez une clause « cibles ANNÉE: valeur, … ».",
            en: "Indicator {name} has no target: add a 'cibles YEAR: value, …' clause."
        },
        rationale: {
            fr: 'Chaque indicateur porte les valeurs à atteindre, année par année, sur la période du contrat. L\'article 1er de l\'arrêté du 25 octobre 2019 rend obligatoire le cahier des charges (annexe I) mais permet aux parties d\'adapter le modèle de contrat (annexe II), et aucun autre texte lu n\'impose cette exigence à tous les CPOM : c\'est une bonne pratique, signalée comme avertissement.',
            en: 'Each indicator carries the values to reach, year by year, within the contract period. Article 1 of the arrêté of 25 October 2019 makes the specifications (annex I) binding but lets the parties adapt the model contract (annex II), and no other text read imposes this on every CPOM: good practice, reported as a warning.'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019, annexe (indicateurs et calendrier).',
            en: 'Arrêté du 25 octobre 2019, annex (indicators and timetable).'
        }
    }),
    defineRule({
        code: 'CPOM053', name: 'target-outside-period', severity: 'error', category: 'indicators', confidence: 'V',
        texts: ['CASF:L313-11'],
        title: { fr: 'Cible hors de la période du contrat', en: 'Target outside the contract period' },
        params: { year: 'text', first: 'number', last: 'number' },
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
    defineRule({
        code: 'CPOM054', name: 'trajectory-direction', severity: 'warning', category: 'indicators', confidence: 'G',
        title: { fr: 'Trajectoire contraire au sens déclaré', en: 'Trajectory against its declared direction' },
        params: { name: 'text', direction: { choice: { hausse: { fr: 'hausse', en: 'up' }, baisse: { fr: 'baisse', en: 'down' }, maintien: { fr: 'maintien', en: 'steady' } } }, from: 'text', fromYear: 'number', to: 'text', toYear: 'number' },
        message: {
            fr: "L'indicateur {name} a pour sens « {direction} », mais sa valeur passe de {from} en {fromYear} à {to} en {toYear}.",
            en: "Indicator {name} has direction '{direction}', but its value goes from {from} in {fromYear} to {to} in {toYear}."
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
    defineRule({
        code: 'CPOM055', name: 'percentage-range', severity: 'error', category: 'indicators', confidence: 'T',
        title: { fr: 'Pourcentage hors de 0–100', en: 'Percentage outside 0–100' },
        params: { value: 'text' },
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
    defineRule({
        code: 'CPOM056', name: 'too-many-objectives', severity: 'warning', category: 'indicators', confidence: 'G',
        title: { fr: "Trop d'objectifs", en: 'Too many objectives' },
        // The most objectives before the rule speaks up; cpom.config.json may set another.
        options: { max: { type: 'integer', minimum: 1, default: 12 } },
        params: { count: 'number', max: 'number' },
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
    defineRule({
        code: 'CPOM057', name: 'baseline-year', severity: 'warning', category: 'indicators', confidence: 'G',
        title: { fr: 'Année de référence tardive', en: 'Late baseline year' },
        params: { year: 'text', name: 'text', first: 'number' },
        message: {
            fr: "L'année de référence {year} de l'indicateur {name} n'est pas antérieure à sa première cible ({first}) : la référence est une valeur déjà mesurée, d'une année qui précède les cibles.",
            en: "Baseline year {year} of indicator {name} is not before its first target ({first}): the baseline is a value already measured, of a year before the targets."
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
    defineRule({
        code: 'CPOM058', name: 'duplicate-year', severity: 'error', category: 'indicators', confidence: 'T',
        title: { fr: 'Année en double', en: 'Duplicate year' },
        params: { year: 'text' },
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
    defineRule({
        code: 'CPOM059', name: 'final-target', severity: 'warning', category: 'indicators', confidence: 'G',
        texts: ['ARRETE:2017-03-03'],
        title: { fr: 'Pas de cible pour la dernière année', en: 'No target for the final year' },
        params: { name: 'text', year: 'number' },
        message: {
            fr: "L'indicateur {name} n'a pas de cible pour {year}, dernière année du contrat : ajoutez « {year}: valeur » à ses cibles.",
            en: "Indicator {name} has no target for {year}, the final year of the contract: add '{year}: value' to its targets."
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
] as const;
