/**
 * Catalogue entries of the rules in actuals.ts: the yearly follow-up files (`suivi_annuel du contrat X annee N`), values
 * achieved against the contract. Not to be confused with followup.rules.ts (the contract's comité de suivi clauses).
 */
import { defineRule, variant } from '../../diagnostics/catalogue.js';

const PROPOSAL = { fr: 'Proposition du projet cpom.', en: 'Proposal of the cpom project.' } as const;

export const ACTUALS_RULES = [
    defineRule({
        code: 'CPOM120', name: 'actuals-year-outside-contract', severity: 'warning', category: 'follow-up', confidence: 'T',
        title: { fr: 'Suivi d\'une année hors du contrat', en: 'Follow-up of a year outside the contract' },
        params: { year: 'number', first: 'number', last: 'number' },
        message: {
            fr: "Le suivi porte sur {year}, hors de la période du contrat ({first}–{last}).",
            en: 'The follow-up is for {year}, outside the contract period ({first}–{last}).'
        },
        rationale: {
            fr: "Un suivi annuel rend compte d'un exercice couvert par le contrat (durée initiale et prorogation) : une autre année est le plus souvent une faute de frappe, ou relève du contrat suivant.",
            en: 'A yearly follow-up reports on a budget year covered by the contract (initial term and prorogation): another year is usually a typo, or belongs to the next contract.'
        },
        source: PROPOSAL,
    }),
    defineRule({
        code: 'CPOM121', name: 'actuals-year-not-closed', severity: 'warning', category: 'follow-up', confidence: 'T',
        title: { fr: 'Suivi d\'une année non close', en: 'Follow-up of a year not yet closed' },
        params: { year: 'number' },
        message: {
            fr: "L'exercice {year} n'est pas clos : ses valeurs réalisées ne sont pas encore connues.",
            en: 'Budget year {year} is not closed: its actual values are not known yet.'
        },
        rationale: {
            fr: "Les valeurs réalisées d'un exercice se constatent après sa clôture (ERRD transmis au plus tard le 30 avril de l'année suivante). Un suivi de l'année en cours ou d'une année future donne des prévisions, pas des réalisations.",
            en: 'The actual values of a budget year are known after it closes (ERRD sent by 30 April of the next year). A follow-up of the current or a future year gives forecasts, not actuals.'
        },
        source: PROPOSAL,
    }),
    defineRule({
        code: 'CPOM122', name: 'actuals-missing-value', severity: 'warning', category: 'follow-up', confidence: 'G',
        texts: ['ARRETE:2019-10-25'],
        title: { fr: 'Indicateur sans valeur réalisée', en: 'Indicator without an actual value' },
        params: { year: 'number', names: 'list' },
        message: {
            fr: "Le suivi {year} ne donne pas de valeur pour : {names}.",
            en: 'The {year} follow-up gives no value for: {names}.'
        },
        rationale: {
            fr: "Le bilan annuel renseigne chaque indicateur qui a une cible cette année-là : sans valeur, le comité de suivi ne peut apprécier l'objectif. Ajoutez `indicateur NOM : valeur` (avec sa source), ou expliquez l'absence en commentaire et ignorez le diagnostic (`// cpom-ignore CPOM122 : raison`).",
            en: 'The yearly report gives every indicator that has a target that year: without a value the comité de suivi cannot assess the objective. Add `indicateur NAME : value` (with its source), or explain the gap in a comment and suppress the diagnostic (`// cpom-ignore CPOM122 : reason`).'
        },
        source: {
            fr: "Bonne pratique ; le modèle de CPOM de l'arrêté du 25 octobre 2019 prévoit un bilan d'étape annuel.",
            en: 'Good practice; the model CPOM of the arrêté of 25 October 2019 provides a yearly progress report.'
        },
    }),
    defineRule({
        code: 'CPOM123', name: 'actuals-indicator-off-track', severity: 'info', category: 'follow-up', confidence: 'G',
        title: { fr: 'Indicateur hors trajectoire', en: 'Indicator off track' },
        params: {
            name: 'text', value: 'text', target: 'text', year: 'number',
            status: { choice: { en_retard: { fr: 'en retard', en: 'behind' }, en_ecart: { fr: 'en écart', en: 'off track' } } },
        },
        message: {
            fr: "« {name} » : {value} en {year} pour une cible de {target} : {status}.",
            en: "'{name}': {value} in {year} for a target of {target}: {status}."
        },
        rationale: {
            fr: "La cible de l'année est celle du contrat (interpolée entre deux cibles écrites, la dernière au-delà). « En retard » : en deçà de la cible mais au moins au niveau de la trajectoire de l'année précédente ; « en écart » : plus loin, ou dans le mauvais sens. Pour un indicateur de maintien : à plus de 2 % de la cible (en retard), de 5 % (en écart). Une information pour le dialogue de gestion, non une irrégularité.",
            en: "The target of the year is the contract's (interpolated between two written targets, the last one beyond). 'Behind': short of the target but at least at the previous year's trajectory; 'off track': further, or the wrong way. For a steady indicator: more than 2 % from the target (behind), 5 % (off track). Information for the dialogue de gestion, not an irregularity."
        },
        source: PROPOSAL,
    }),
    defineRule({
        code: 'CPOM124', name: 'actuals-activity-below-threshold', severity: 'info', category: 'follow-up', confidence: 'S',
        texts: ['CASF:R314-160', 'CASF:R314-174', 'CASF:R314-43-2', 'ARRETE:2017-09-04'],
        title: { fr: 'Activité sous le seuil de modulation', en: 'Activity below the modulation threshold' },
        params: {
            establishment: 'text', rate: 'text', threshold: 'text',
            origin: {
                phrase: {
                    ecrit: variant({ params: {}, fr: 'seuil indiqué dans le suivi', en: 'threshold given in the follow-up' }),
                    contrat: variant({ params: {}, fr: 'seuil fixé par la clause de modulation du contrat', en: "threshold set by the contract's modulation clause" }),
                    arrete: variant({ params: {}, fr: "seuil de 95 % de l'arrêté du 4 septembre 2017", en: '95 % threshold of the arrêté of 4 September 2017' }),
                    objectif: variant({ params: {}, fr: "objectif d'activité du contrat", en: "the contract's activity target" }),
                },
            },
        },
        message: {
            fr: "« {establishment} » : taux d'occupation de {rate}, sous le seuil de {threshold} ({origin}) ; le financement de l'exercice suivant peut être minoré.",
            en: "'{establishment}': occupancy of {rate}, below the threshold of {threshold} ({origin}); the next year's funding may be reduced."
        },
        rationale: {
            fr: "Pour un EHPAD, quand le taux d'occupation de l'hébergement permanent est inférieur au seuil fixé par arrêté, le forfait global soins (article R. 314-160 du CASF) et le forfait global dépendance (article R. 314-174) sont minorés d'un pourcentage égal à la moitié de la différence entre le seuil et le taux, sur la tarification de l'exercice en cours et au vu du dernier taux connu. Pour les autres ESMS, le contrat peut prévoir une modulation selon l'objectif d'activité (article R. 314-43-2). Le survol du taux montre le calcul pas à pas. Le seuil de 95 % vaut dès 2024 ; de 2018 à 2023, il dépendait de la situation de l'établissement au regard de l'équation tarifaire : indiquez-le par `seuil`.",
            en: 'For an EHPAD whose permanent-stay occupancy is below the threshold set by arrêté, the care forfait (CASF R.314-160) and the dependency forfait (R.314-174) are reduced by half of the difference between threshold and rate, on the current year and from the last known rate. For other ESMS the contract may modulate on the activity target (R.314-43-2). Hovering the rate shows the calculation step by step. The 95 % threshold applies from 2024; from 2018 to 2023 it depended on the establishment\'s position against the tariff equation: give it with `seuil`.'
        },
        source: {
            fr: "Articles R. 314-160, R. 314-174 et R. 314-43-2 du CASF ; arrêté du 4 septembre 2017 (seuils).",
            en: 'CASF R.314-160, R.314-174 and R.314-43-2; arrêté of 4 September 2017 (thresholds).'
        },
    }),
    defineRule({
        code: 'CPOM125', name: 'actuals-cnr-overspent', severity: 'warning', category: 'follow-up', confidence: 'G',
        title: { fr: 'CNR dépensés au-delà de l\'accordé', en: 'CNR spent beyond what was granted' },
        params: { title: 'text', spent: 'text', granted: 'text' },
        message: {
            fr: "« {title} » : {spent} dépensés pour {granted} accordés.",
            en: "'{title}': {spent} spent for {granted} granted."
        },
        rationale: {
            fr: "Les crédits non reconductibles sont accordés pour un objet et un montant ; la part dépensée au-delà n'est pas financée par eux et doit être imputée ailleurs (ou faire l'objet d'une nouvelle demande).",
            en: 'Non-reconductible credits are granted for a purpose and an amount; spending beyond is not funded by them and must be charged elsewhere (or requested anew).'
        },
        source: PROPOSAL,
    }),
    defineRule({
        code: 'CPOM126', name: 'actuals-cnr-unknown', severity: 'warning', category: 'follow-up', confidence: 'T',
        title: { fr: 'CNR absents du contrat', en: 'CNR not in the contract' },
        params: { title: 'text' },
        message: {
            fr: "Le contrat et ses avenants n'accordent pas de CNR intitulés « {title} ».",
            en: "The contract and its avenants grant no CNR titled '{title}'."
        },
        rationale: {
            fr: "Une dépense de CNR se rapporte à une ligne `cnr` du contrat ou d'un avenant, reprise par son intitulé (la casse et les accents ne comptent pas).",
            en: 'CNR spending refers to a `cnr` line of the contract or of an avenant, by its title (case and accents do not matter).'
        },
        source: PROPOSAL,
    }),
    defineRule({
        code: 'CPOM127', name: 'actuals-outside-perimeter', severity: 'warning', category: 'follow-up', confidence: 'T',
        title: { fr: 'Activité d\'un établissement hors du périmètre', en: 'Activity of an establishment outside the perimeter' },
        params: { establishment: 'text', year: 'number' },
        message: {
            fr: "« {establishment} » n'est pas dans le périmètre du contrat en {year} (avenants compris).",
            en: "'{establishment}' is not in the contract's perimeter in {year} (avenants included)."
        },
        rationale: {
            fr: "Le suivi rend compte des établissements couverts par le contrat pendant l'année : ceux du périmètre initial et ceux qu'un avenant ajoute avec effet au plus tard cette année-là, moins ceux qu'un avenant retire avant elle.",
            en: 'The follow-up reports on the establishments the contract covers during the year: those of the initial perimeter and those added by an avenant in effect by that year, less those retired by an avenant before it.'
        },
        source: PROPOSAL,
    }),
    defineRule({
        code: 'CPOM128', name: 'actuals-repeated', severity: 'warning', category: 'follow-up', confidence: 'T',
        title: { fr: 'Valeur donnée deux fois', en: 'Value given twice' },
        params: { name: 'text' },
        message: {
            fr: "« {name} » a déjà une valeur dans ce suivi : seule la première est lue.",
            en: "'{name}' already has a value in this follow-up: only the first one is read."
        },
        rationale: {
            fr: "Un suivi donne une valeur par indicateur et une activité par établissement pour l'année ; une seconde ligne est le plus souvent un copier-coller à corriger.",
            en: 'A follow-up gives one value per indicator and one activity per establishment for the year; a second line is usually a copy and paste to fix.'
        },
        source: PROPOSAL,
    }),
    defineRule({
        code: 'CPOM140', name: 'actuals-same-year-twice', severity: 'warning', category: 'follow-up', confidence: 'T',
        title: { fr: 'Deux suivis de la même année', en: 'Two follow-ups of the same year' },
        params: {
            year: 'number',
            where: {
                phrase: {
                    meme_fichier: variant({ params: {}, fr: 'dans ce même fichier', en: 'in this same file' }),
                    autres_fichiers: variant({ params: { files: 'list' }, fr: 'dans {files}', en: 'in {files}' }),
                },
            },
        },
        message: {
            fr: "Le contrat a un autre suivi de l'année {year} ({where}) : le rapport de suivi et les modulations n'en lisent qu'un.",
            en: 'The contract has another follow-up of year {year} ({where}): the follow-up report and the modulations read only one.'
        },
        rationale: {
            fr: "Un exercice a un bilan : un second fichier de suivi pour la même année est le plus souvent une copie (version corrigée gardée à côté de l'ancienne) dont les valeurs peuvent se contredire. Aucun texte n'interdit de répartir un bilan sur deux fichiers, d'où un avertissement : gardez un seul fichier par année, ou réunissez les deux.",
            en: 'A budget year has one report: a second follow-up file for the same year is usually a copy (a corrected version kept beside the old one) whose values may contradict each other. No text forbids splitting a report over two files, hence a warning: keep one file per year, or merge them.'
        },
        source: PROPOSAL,
    }),
    defineRule({
        code: 'CPOM141', name: 'actuals-received-differs', severity: 'info', category: 'follow-up', confidence: 'G',
        title: { fr: 'Montant reçu différent du montant prévu', en: 'Amount received differs from the planned amount' },
        params: { funding: 'text', received: 'text', planned: 'text', year: 'number', difference: 'text' },
        message: {
            fr: "« {funding} » : {received} reçus en {year} pour {planned} prévus au contrat (écart de {difference}).",
            en: "'{funding}': {received} received in {year} for {planned} planned in the contract (difference of {difference})."
        },
        rationale: {
            fr: "Le montant reçu d'une ligne de financement diffère de celui que le contrat (ou un avenant qui porte cette ligne) prévoit pour l'année. L'écart peut être régulier (modulation sur l'activité, reprise de résultat, actualisation des tarifs, crédits en cours d'année) : il est à expliquer au comité de suivi, et à reporter dans un avenant s'il est durable. Une information, non une irrégularité.",
            en: 'The amount received on a funding line differs from what the contract (or an avenant carrying the line) plans for the year. The difference may be regular (modulation on activity, reprise de résultat, tariff updates, credits granted during the year): it is to be explained to the comité de suivi, and carried into an avenant if it lasts. Information, not an irregularity.'
        },
        source: PROPOSAL,
    }),
] as const;
