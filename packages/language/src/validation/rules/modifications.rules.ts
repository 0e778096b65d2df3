/** Catalogue entries of the rules in modifications.ts: what an avenant modifies, dates typed the French way, duration clauses. */
import { defineRule, variant } from '../../diagnostics/catalogue.js';

const TARGET_KINDS = {
    establishment: { fr: 'un établissement', en: 'an establishment' },
    indicator: { fr: 'un indicateur', en: 'an indicator' },
    funding: { fr: 'une ligne de financement', en: 'a funding line' },
    objective: { fr: 'un objectif', en: 'an objective' },
} as const;

export const MODIFICATIONS_RULES = [
    defineRule({
        code: 'CPOM130', name: 'modification-clause', severity: 'error', category: 'amendments', confidence: 'T',
        title: { fr: 'Clause sans objet dans une modification', en: 'Clause that does not apply in a modification' },
        params: { clause: 'text', target: 'text', kind: { choice: TARGET_KINDS } },
        message: {
            fr: "La clause « {clause} » ne s'applique pas à {target}, qui est {kind} : l'avenant ne la modifie pas ; retirez-la de cette modification.",
            en: "Clause '{clause}' does not apply to {target}, which is {kind}: the avenant does not change it; remove it from this modification."
        },
        rationale: {
            fr: "`modifie X { … }` remplace, dans X, les clauses données. Une clause qu'un élément de ce genre ne peut pas avoir (une capacité pour un indicateur, des cibles pour un établissement) ne modifierait rien : le texte de l'avenant dirait une chose que le contrat consolidé ne contient pas.",
            en: '`modifie X { … }` replaces the given clauses in X. A clause that an element of this kind cannot have (a capacity for an indicator, targets for an establishment) would change nothing: the avenant would say something the consolidated contract does not contain.'
        },
        source: { fr: 'Structure du langage CPOM.', en: 'CPOM language structure.' }
    }),
    defineRule({
        code: 'CPOM131', name: 'french-date', severity: 'info', category: 'dates', confidence: 'T',
        title: { fr: 'Date écrite à la française', en: 'Date written the French way' },
        params: { typed: 'text', iso: 'date', written: 'text' },
        message: {
            fr: 'La date {typed} est lue comme le {iso} ; le correctif l\'écrit {written} (année-mois-jour).',
            en: 'Date {typed} is read as {iso}; the quick fix writes it {written} (year-month-day).'
        },
        rationale: {
            fr: "Une date saisie comme on l'écrit en France (jour/mois/année) est acceptée et lue sous la forme ISO (année-mois-jour), la seule qui ne laisse aucun doute entre le jour et le mois. Le correctif (et `cpom check --fix`) la réécrit sous cette forme.",
            en: 'A date typed as it is written in France (day/month/year) is accepted and read in the ISO form (year-month-day), the only one that leaves no doubt between day and month. The quick fix (and `cpom check --fix`) rewrites it in that form.'
        },
        source: { fr: 'Norme ISO 8601 (dates du langage CPOM).', en: 'ISO 8601 (dates of the CPOM language).' }
    }),
    defineRule({
        code: 'CPOM132', name: 'modification-outside-perimeter', severity: 'warning', category: 'amendments', confidence: 'S',
        texts: ['ARRETE:2019-10-25'],
        title: { fr: 'Modification d\'un établissement hors du périmètre', en: 'Modification of an establishment outside the perimeter' },
        params: { name: 'text', number: 'text' },
        message: {
            fr: "L'avenant n° {number} modifie l'établissement {name}, qui n'est pas dans le périmètre du contrat à cette date (retiré par un avenant antérieur, ou jamais inclus) : ajoutez-le d'abord (`ajoute`).",
            en: "Amendment no. {number} modifies establishment {name}, which is not in the contract's perimeter at that date (withdrawn by an earlier avenant, or never included): add it first (`ajoute`)."
        },
        rationale: {
            fr: "Un avenant modifie ce que le contrat contient à sa date. Un établissement retiré, ou seulement déclaré dans un catalogue sans être inclus, n'est pas couvert par le contrat : le modifier n'a pas d'effet, et l'entrée d'un établissement dans le périmètre se fait par un avenant qui l'ajoute avec son numéro FINESS, sa capacité et son autorité de tarification.",
            en: 'An avenant modifies what the contract contains at its date. An establishment withdrawn, or only declared in a catalogue without being included, is not covered by the contract: modifying it has no effect, and an establishment enters the perimeter by an avenant that adds it with its FINESS number, capacity and tarification authority.'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019, annexe : « un avenant devra être pris pour modifier la liste initiale ».',
            en: 'Arrêté du 25 octobre 2019, annex: "un avenant devra être pris pour modifier la liste initiale".'
        }
    }),
    defineRule({
        code: 'CPOM133', name: 'prorogeable-max', severity: 'error', category: 'dates', confidence: 'V',
        texts: ['CASF:L313-11'],
        title: { fr: 'Prorogation prévue au-delà de la sixième année', en: 'Planned prorogation beyond a sixth year' },
        params: {
            years: {
                phrase: {
                    one: variant({ params: {}, fr: 'un an', en: 'one year' }),
                    several: variant({ params: { count: 'number' }, fr: '{count} ans', en: '{count} years' }),
                },
            },
            end: 'date', max: 'date',
        },
        message: {
            fr: 'Le contrat se dit prorogeable pour {years} après le {end} : la durée totale dépasserait six ans (fin au plus tard le {max}) ; réduisez la durée de la clause « prorogeable ».',
            en: "The contract says it may be prorogued for {years} after {end}: the total term would exceed six years (end on {max} at the latest); shorten the 'prorogeable' clause."
        },
        rationale: {
            fr: "La clause « prorogeable par avenant pour un an » (ou N ans) annonce une prorogation que les parties pourront décider ; elle n'en est pas une (`prorogation` l'est). Une prorogation ne peut porter la durée du contrat au-delà d'une sixième année.",
            en: 'The clause "prorogeable par avenant pour un an" (or N ans) announces a prorogation the parties may decide; it is not one (`prorogation` is). A prorogation cannot take the contract beyond a sixth year.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF (version en vigueur depuis le 4 mars 2022) : prorogation « pour une durée d\'un an », « sixième année ».',
            en: 'CASF L.313-11 (version in force since 4 March 2022): prorogation "pour une durée d\'un an", "sixième année".'
        }
    }),
] as const;
