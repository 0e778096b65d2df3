/** Catalogue entries of the rules in omissions.ts: what a contract leaves out without anything saying so. */
import { defineRule } from '../../diagnostics/catalogue.js';

export const OMISSIONS_RULES = [
    defineRule({
        code: 'CPOM180', name: 'trajectory-gap', severity: 'warning', category: 'indicators', confidence: 'G',
        texts: ['ARRETE:2019-10-25'],
        title: { fr: 'Année manquante dans une trajectoire', en: 'Year missing in a trajectory' },
        params: { name: 'text', years: 'years', first: 'number', last: 'number' },
        message: {
            fr: "L'indicateur {name} a des cibles de {first} à {last}, mais aucune pour {years} : ajoutez à la clause « cibles » la valeur à atteindre pour {years}.",
            en: 'Indicator {name} has targets from {first} to {last}, but none for {years}: add to its `cibles` clause the value to reach in {years}.'
        },
        rationale: {
            fr: "Une trajectoire fixe la valeur à atteindre chaque année ; une année oubliée au milieu ne se voit pas à la lecture (« 2024: 90 %, 2026: 94 % »), mais le tableau de bord et le suivi annuel n'ont alors rien à comparer pour cette année (le suivi calcule une cible entre les deux années voisines, qu'aucune partie n'a signée). La règle ne vise que les trajectoires écrites année par année (plus d'années qui se suivent que de sauts) : des cibles fixées seulement certaines années (la 3e et la 5e, ou une année sur deux) sont un choix des parties. Aucun texte lu n'impose une cible pour chaque année : c'est une bonne pratique, signalée comme avertissement. Une année volontairement sans cible s'écrit avec sa valeur, ou s'ignore par un commentaire `// cpom-ignore CPOM180 : raison`.",
            en: "A trajectory sets the value to reach each year; a year forgotten in the middle is not seen when reading ('2024: 90 %, 2026: 94 %'), but the dashboard and the yearly follow-up then have nothing to compare that year with (the follow-up computes a target between the neighbouring years, which no party signed). The rule only looks at trajectories written year by year (more consecutive years than jumps): targets set only some years (the 3rd and the 5th, or every other year) are a choice of the parties. No text read requires a target for every year: good practice, reported as a warning. A year deliberately without a target is written with its value, or ignored with a comment `// cpom-ignore CPOM180 : reason`."
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019, annexe (indicateurs et calendrier) ; proposition du projet cpom.',
            en: 'Arrêté du 25 octobre 2019, annex (indicators and timetable); proposal of the cpom project.'
        }
    }),
    defineRule({
        code: 'CPOM181', name: 'forfait-without-distribution', severity: 'warning', category: 'funding', confidence: 'G',
        texts: ['CASF:R314-43-1'],
        title: { fr: 'Forfait commun sans répartition', en: 'Shared forfait without distribution' },
        params: { name: 'text', count: 'number', establishments: 'list', year: 'text' },
        message: {
            fr: 'Le forfait {name} finance {count} établissements ({establishments}) sans dire la part de chacun : ajoutez une clause `repartition {year}` qui la donne.',
            en: 'Forfait {name} funds {count} establishments ({establishments}) without saying the share of each: add a `repartition {year}` clause that gives it.'
        },
        rationale: {
            fr: "Un forfait (soins, dépendance, autonomie) est arrêté pour chaque établissement ; une ligne qui en réunit plusieurs sans répartition ne dit pas ce que reçoit chacun, ni ce que l'arrêté de tarification de chaque établissement reprendra. L'article R. 314-43-1 du CASF prévoit, pour la dotation globalisée commune, un montant et sa répartition prévisionnelle entre établissements ; aucun texte lu ne l'impose ligne par ligne pour un forfait : c'est une bonne pratique, signalée comme avertissement. Une répartition pour la première année suffit.",
            en: 'A forfait (soins, dépendance, autonomie) is fixed for each establishment; a line that groups several without a distribution does not say what each receives, nor what the tarification arrêté of each establishment will state. CASF R.314-43-1 provides, for the dotation globalisée commune, an amount and its provisional distribution between establishments; no text read requires it line by line for a forfait: good practice, reported as a warning. A distribution for the first year is enough.'
        },
        source: {
            fr: 'Article R. 314-43-1 du CASF (répartition prévisionnelle) ; proposition du projet cpom.',
            en: 'CASF R.314-43-1 (provisional distribution); proposal of the cpom project.'
        }
    }),
] as const;
