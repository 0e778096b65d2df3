/**
 * The articles a contract officer meets in a CPOM, summarised in French for hovers and completion
 * (../shared/DOMAIN.md §1 and §3; summaries, not the text of the law). Keys are the article numbers
 * without dots or spaces: `L313-12-IVter`, `R314-43-1`.
 */

export interface LegalText {
    /** How the article is cited in French: `article L. 313-11 du CASF`. */
    readonly citation: string;
    /** One line: what the frame or article is about. */
    readonly label: string;
    /** A few sentences in plain French. */
    readonly summary: string;
}

const CASF = 'du code de l\'action sociale et des familles';

export const LEGAL_TEXTS: Readonly<Record<string, LegalText>> = {
    'L313-11': {
        citation: `article L. 313-11 ${CASF}`,
        label: 'CPOM de droit commun',
        summary: 'Contrat conclu entre le gestionnaire et la ou les autorités de tarification, éventuellement avec des '
            + 'organismes de protection sociale. Il fixe les obligations de chacun et les moyens alloués, pour cinq ans au '
            + 'plus, prorogeable une sixième année, et peut couvrir plusieurs établissements et services.',
    },
    'L313-11-1': {
        citation: `article L. 313-11-1 ${CASF}`,
        label: 'CPOM d\'un service d\'aide à domicile (SAAD) avec le département',
        summary: 'Contrat facultatif entre un SAAD et le président du conseil départemental : personnes servies chaque '
            + 'année, territoire et horaires, objectifs et moyens, calcul de l\'APA, actions de prévention, qualification '
            + 'des intervenants, prévention de la maltraitance et documents à transmettre.',
    },
    'L313-11-2': {
        citation: `article L. 313-11-2 ${CASF}`,
        label: 'CPOM obligatoire des CHRS',
        summary: 'Contrat obligatoire des centres d\'hébergement et de réinsertion sociale, signé avec le préfet. Il peut '
            + 'inclure d\'autres établissements relevant du préfet ou du seul département (l\'autre autorité de '
            + 'tarification signe alors aussi), un plan de retour à l\'équilibre et une modulation selon l\'activité ; '
            + 'tout nouvel établissement entre par avenant (modèle : arrêté du 25 octobre 2019).',
    },
    'L313-12-IVter': {
        citation: `IV ter de l'article L. 313-12 ${CASF}`,
        label: 'CPOM obligatoire des EHPAD et petites unités de vie',
        summary: 'Contrat de cinq ans signé par le directeur général de l\'ARS, le président du conseil départemental et '
            + 'le gestionnaire. Il remplace les conventions tripartites, couvre les EHPAD d\'un même gestionnaire dans un '
            + 'département (ou, par accord, dans plusieurs départements d\'une même région) et place les établissements '
            + 'sous le régime de l\'EPRD. Cahier des charges : arrêté du 3 mars 2017 (diagnostic partagé, comité de '
            + 'suivi, revues en 3e et 5e années, évaluation du GMP et du PMP).',
    },
    'L313-12-2': {
        citation: `article L. 313-12-2 ${CASF}`,
        label: 'CPOM obligatoire du handicap et des SSIAD (compétence de l\'ARS)',
        summary: 'Depuis la LFSS pour 2016, contrat obligatoire pour les établissements et services relevant, seul ou '
            + 'conjointement, du directeur général de l\'ARS : SSIAD, établissements pour enfants, ESAT, MAS, FAM, CRP, '
            + 'SAMSAH. Les structures relevant du seul département (foyers, SAVS, SAAD) et les CAMSP en sont exclues. '
            + 'Le cadre budgétaire est l\'EPRD.',
    },
    'R314-40': {
        citation: `article R. 314-40 ${CASF}`,
        label: 'Évolution annuelle des moyens',
        summary: 'Le volet financier fixe, par groupe fonctionnel ou section tarifaire, comment les moyens évoluent chaque '
            + 'année : taux d\'actualisation régional ou départemental, formule d\'indexation, avenant annuel, ou '
            + 'équation tarifaire, plafond ou algorithme.',
    },
    'R314-43-1': {
        citation: `article R. 314-43-1 ${CASF}`,
        label: 'Dotation globalisée commune',
        summary: 'Une dotation commune à plusieurs établissements n\'est possible que s\'ils relèvent de la même personne '
            + 'morale, de la même autorité de tarification et des mêmes financements. Un arrêté annuel en fixe le montant '
            + 'et la répartition provisoire, que le gestionnaire peut ajuster par décision modificative.',
    },
    'R314-43-2': {
        citation: `article R. 314-43-2 ${CASF}`,
        label: 'Modulation selon l\'activité',
        summary: 'Un CPOM du IV ter de l\'article L. 313-12 ou de l\'article L. 313-12-2 peut moduler la dotation ou le '
            + 'forfait selon l\'activité réalisée : taux d\'occupation, personnes accompagnées ou prestations, sauf '
            + 'justification. L\'abattement ne dépasse pas la moitié de l\'écart entre la cible et la dernière mesure '
            + 'connue, et le projet de modulation est communiqué au gestionnaire avant la décision.',
    },
    'R314-87': {
        citation: `articles R. 314-87 et suivants ${CASF}`,
        label: 'Frais de siège social',
        summary: 'La quote-part des frais du siège imputée aux établissements suppose une autorisation de l\'autorité de '
            + 'tarification, qui en fixe le taux et la durée.',
    },
    'R314-105': {
        citation: `article R. 314-105 ${CASF}`,
        label: 'Qui finance quoi',
        summary: 'Répartit la prise en charge des établissements et services entre l\'assurance maladie, l\'État et le '
            + 'département selon leur catégorie (forfaits soins, dépendance et hébergement pour les EHPAD).',
    },
    'R314-174': {
        citation: `article R. 314-174 ${CASF}`,
        label: 'Modulation du forfait dépendance des EHPAD',
        summary: 'Le président du conseil départemental peut minorer le forfait global dépendance quand le taux '
            + 'd\'occupation de l\'hébergement permanent est inférieur à un seuil fixé par arrêté.',
    },
    'R314-213': {
        citation: `article R. 314-213 ${CASF}`,
        label: 'État prévisionnel des recettes et des dépenses (EPRD)',
        summary: 'Contenu de l\'EPRD : compte de résultat prévisionnel principal et annexes, capacité d\'autofinancement, '
            + 'tableau de financement, plan global de financement pluriannuel sur six ans. Il est transmis au plus tard '
            + 'le 30 juin ; l\'ERRD, au plus tard le 30 avril de l\'année suivante.',
    },
};

/** `L313-12` alone is cited for its IV ter in a CPOM. */
const ALIASES: Readonly<Record<string, string>> = { 'L313-12': 'L313-12-IVter' };

/** Keywords of the language that apply an article. */
export const KEYWORD_ARTICLES: Readonly<Record<string, string>> = {
    actualisation: 'R314-40',
    modulation: 'R314-43-2',
    abattement: 'R314-43-2',
    dotation_globalisee_commune: 'R314-43-1',
    frais_de_siege: 'R314-87',
    eprd: 'R314-213',
    errd: 'R314-213',
    prorogeable: 'L313-11',
    conventions_tripartites: 'L313-12-IVter',
};

/** `L.313-12 IV ter`, `L. 313-11-1`, `R314-43-2`, `L313-12-IVter`: letter, article number, optional IV ter. */
const ARTICLE = /\b([LRD])\.?\s?(\d{3})-(\d+)(?:-(\d+))?(?:(?:-|\s)?(IV\s?ter))?/g;

export function legalText(key: string): LegalText | undefined {
    return LEGAL_TEXTS[key] ?? LEGAL_TEXTS[ALIASES[key] ?? ''];
}

/** The article cited at a column of a line of text (a frame, a comment, a string), with its key. */
export function articleAt(line: string, column: number): { key: string; text: LegalText } | undefined {
    for (const match of line.matchAll(ARTICLE)) {
        const start = match.index ?? 0;
        if (column < start || column > start + match[0].length) continue;
        const key = `${match[1]}${match[2]}-${match[3]}${match[4] ? `-${match[4]}` : ''}${match[5] ? '-IVter' : ''}`;
        const text = legalText(key);
        return text ? { key, text } : undefined;
    }
    return undefined;
}

/** Markdown of an article for a hover. */
export function legalTextMarkdown(text: LegalText): string {
    return `**${text.label}** — ${text.citation}\n\n${text.summary}`;
}
