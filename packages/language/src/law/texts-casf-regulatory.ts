/**
 * The regulatory articles of the CASF that the rules cite: yearly fixing of the means, dotation globalisée commune,
 * modulation, payers of EHPAD forfaits, frais de siège, EPRD/ERRD calendar. Most version histories could not be read:
 * those versions are `attested` (known in force on a day, start unknown) with a note.
 */
import { source, type LegalText } from './types.js';

const CASF = "du code de l'action sociale et des familles";
/** Arrêté du 25 octobre 2019, model CPOM: its visas cite « les articles R. 314-39 à R. 314-43-1 » (JORF 9 Nov 2019). */
const ARRETE_2019_MODEL = 'https://juriblio.fr/arretes/arrete-du-25-octobre-2019/173574271/annexe';
/** Décret n° 2016-1814, transitional article: no activity modulation in 2017 under R.314-160, R.314-161, R.314-174. */
const DECRET_2016_1814_TRANSITION = 'https://legal.tricoteuses.fr/articles/JORFARTI000033670951';
const DECRET_2016_1814_IN_FORCE = 'http://uniopss.asso.fr/section/unio_detail.html?publicationId=p4891483052158352';
const FRAIS_DE_SIEGE_GUIDE = 'https://123dok.net/document/zlg50w8l-l-autorisation-si%C3%A8ge-social-guide-bonnes-pratiques.html';
const HISTORY_NOT_READ = 'Version history not read: in force at least from this date (attested), start unknown.';

export const CASF_REGULATORY: readonly LegalText[] = [
    {
        id: 'CASF:R314-40', kind: 'code-article',
        title: `article R. 314-40 ${CASF}`, titleEn: 'CASF R.314-40 (yearly fixing of the means under a CPOM)',
        versions: [{
            from: '2004-10-26', to: '2016-12-31', start: 'exact', confidence: 'V',
            enactedBy: 'décret n° 2004-1136 du 21 octobre 2004 (codification du décret n° 2003-1010, art. 39)',
            summary: {
                fr: 'Le volet financier du CPOM (L. 313-11) ou de la convention pluriannuelle fixe, par groupe fonctionnel ou section '
                    + "tarifaire, la méthode de fixation annuelle : 1° taux d'évolution des dotations régionales limitatives, 2° formule "
                    + "fixe d'actualisation, 3° avenants annuels. Sous 1° et 3°, les montants futurs ne sont pas connus à la signature.",
                en: 'The financial part of the CPOM (L.313-11) or multiannual convention sets, per functional group or tariff section, '
                    + 'the yearly fixing method: (1) rate of the regional limiting dotations, (2) fixed indexation formula, (3) yearly '
                    + 'avenants. Under (1) and (3) future amounts are unknown at signature.',
            },
            quote: "Ces modalités peuvent consister : 1° Soit en l'application directe à l'établissement ou au service du taux "
                + "d'évolution des dotations régionales limitatives […] ; 2° Soit en l'application d'une formule fixe d'actualisation ou "
                + "de revalorisation ; 3° Soit en la conclusion d'avenants annuels d'actualisation ou de revalorisation.",
            source: source('https://www.doctrine.fr/l/texts/codes/LEGITEXT000006074069/articles/LEGIARTI000006906824?version=LEGIARTI000006906824&date=2006-12-20&sourcePage=LegislationText&source=legislation-text'),
            note: 'Dates V: « Version 26/10/2004 > Version 01/01/2017 … Entrée en vigueur le 26 octobre 2004 … Sortie de vigueur le '
                + '1 janvier 2017 » (doctrine.fr, chronology of the article).',
        }, {
            from: '2017-01-01', start: 'exact', confidence: 'V',
            enactedBy: 'décret n° 2016-1815 du 21 décembre 2016 (en vigueur le 1er janvier 2017)',
            summary: {
                fr: 'Le volet financier fixe, pour chaque groupe fonctionnel ou section tarifaire, la méthode de fixation annuelle : '
                    + "1° taux d'actualisation régional ou départemental, 2° formule fixe d'indexation, 3° avenants annuels, "
                    + "4° équation tarifaire, plafond ou algorithme. Sous 1° et 3°, les montants futurs ne sont pas connus à la signature.",
                en: 'The financial part sets, per functional group or tariff section, the yearly fixing method: (1) regional or '
                    + 'departmental rate, (2) fixed indexation formula, (3) yearly avenants, (4) tariff equation, ceiling or '
                    + 'algorithm. Under (1) and (3) future amounts are unknown at signature.',
            },
            quote: "Ces modalités peuvent consister : 1° Soit en l'application directe à l'établissement ou au service du taux "
                + "d'actualisation des dotations régionales limitatives […] ; 2° Soit en l'application d'une formule fixe d'actualisation "
                + "ou de revalorisation ; 3° Soit en la conclusion d'avenants annuels d'actualisation ou de revalorisation ; 4° Soit en "
                + "l'application d'une équation tarifaire, d'un tarif plafond ou d'un algorithme.",
            source: source('https://tricoteuses.fr/legifrance/articles/LEGIARTI000033700243'),
            note: 'Start V: doctrine.fr chronology « Version 01/01/2017 ». Text V (LEGIARTI000033700243, the same article id '
                + 'Légifrance shows in force on 18 Apr 2024). Later amendments, if any, not read.',
        }],
    },
    {
        id: 'CASF:R314-43-1', kind: 'code-article',
        title: `article R. 314-43-1 ${CASF}`, titleEn: 'CASF R.314-43-1 (dotation globalisée commune)',
        versions: [{
            from: '2019-11-09', start: 'attested', confidence: 'S',
            enactedBy: 'non lu',
            summary: {
                fr: 'Une dotation globalisée commune ne réunit que des ESMS de la même personne morale, relevant de la même autorité '
                    + 'de tarification et des mêmes financements ; un arrêté annuel fixe le montant et la répartition prévisionnelle.',
                en: 'A dotation globalisée commune only groups ESMS of the same legal entity, under the same tarification '
                    + 'authority and the same funding; a yearly arrêté sets the amount and the provisional split.',
            },
            quote: 'peut être commune à plusieurs établissements et services, gérés par la même personne morale et relevant de la '
                + 'même autorité de tarification et des mêmes financements',
            source: source(ARRETE_2019_MODEL),
            note: `Attested by the visas of the 2019 model CPOM (« R. 314-39 à R. 314-43-1 »). Wording re-read verbatim in an `
                + `undated copy of the CASF (a public code corpus): it cites IV ter, L.313-12-2 and R.314-231, so it is the wording `
                + `of 2017 or later, but the day it took effect was not read: the dates stay S. ${HISTORY_NOT_READ}`,
        }],
    },
    {
        id: 'CASF:R314-43-2', kind: 'code-article',
        title: `article R. 314-43-2 ${CASF}`, titleEn: 'CASF R.314-43-2 (modulation on activity targets)',
        versions: [{
            from: '2017-01-01', start: 'attested', confidence: 'G',
            enactedBy: 'probablement le décret n° 2016-1815 du 21 décembre 2016 — non vérifié',
            summary: {
                fr: 'Les contrats de L. 313-12-2 et, au IV ter, ceux des ESMS du 3e alinéa du A, peuvent moduler la dotation selon '
                    + "des objectifs d'activité (taux d'occupation, personnes accompagnées, prestations) ; abattement par "
                    + "établissement, au plus la moitié de l'écart, sur la dernière mesure connue, projet communiqué avant.",
                en: 'L.313-12-2 contracts and, under IV ter, those of the ESMS in the 3rd paragraph of A may modulate the grant on '
                    + 'activity targets (occupancy, persons supported, services); reduction per establishment, at most half the '
                    + 'gap, on the last known measure, draft sent beforehand.',
            },
            source: source('https://www.legifrance.gouv.fr/affichTexte.do?cidTexte=LEGITEXT000033680322&dateTexte=20161223&categorieLien=cid'),
            note: 'G for the dates. Wording re-read verbatim in an undated copy of the CASF (a public code corpus): « I.-Le contrat '
                + 'mentionné au IV ter de l\'article L. 313-12, pour les établissements et services définis au troisième alinéa du A '
                + 'de ce IV ter, et le contrat mentionné à l\'article L. 313-12-2 peuvent prévoir une modulation de la dotation ou du '
                + 'forfait global en fonction d\'objectifs d\'activité contractualisés » ; III: « Le pourcentage d\'abattement … est '
                + 'défini par établissement et service … ne peut être supérieur au pourcentage correspondant à la moitié de la '
                + 'différence entre l\'objectif d\'activité fixé dans le contrat et l\'activité effectivement constatée ». Which décret '
                + 'created that wording was not read: décret n° 2016-1815 (in force 1 Jan 2017, S) or décret n° 2018-519 du 27 juin '
                + '2018 « relatif à la modulation des tarifs … en fonction de l\'activité » (Légifrance, JORF n° 0147 du 28 juin 2018, '
                + 'in force the day after; its notice: « la possibilité pour les contrats d\'objectifs et de moyens de prévoir la '
                + 'modulation du tarif en fonction d\'objectifs d\'activités », V). The start of 1 Jan 2017 is an inference.',
        }],
    },
    {
        id: 'CASF:R314-105', kind: 'code-article',
        title: `article R. 314-105 ${CASF}`, titleEn: 'CASF R.314-105 (who pays which tariff)',
        versions: [
            {
                from: '2007-11-21', to: '2016-12-31', start: 'attested', confidence: 'S',
                enactedBy: 'non lu',
                summary: {
                    fr: "Version antérieure à la réforme des EHPAD : répartit entre l'assurance maladie, l'État et le département "
                        + 'le financement des tarifs des ESMS, y compris des EHPAD.',
                    en: 'Version before the EHPAD reform: splits the funding of ESMS tariffs between health insurance, the State and '
                        + 'the département, EHPAD included.',
                },
                source: source('http://www.sante.gouv.fr/fichiers/bo/2007/07-12/a0120098.htm'),
                note: 'Attested by the circulaire DGAS/SD 5B n° 2007-412 du 21 novembre 2007 (« Articles R. 314-1 à R. 314-105 »). '
                    + 'Content S: DOMAIN.md §2.3 read the pre-2016 version in etalab/codes-juridiques-francais. End S: the '
                    + 'EHPAD part was replaced by décret n° 2016-1814, in force 1 Jan 2017 (Uniopss).',
            },
            {
                from: '2017-01-01', start: 'exact', confidence: 'S',
                enactedBy: 'décret n° 2016-1814 du 21 décembre 2016 ; modifié par le décret n° 2023-323 du 28 avril 2023',
                summary: {
                    fr: 'Les forfaits des EHPAD relèvent désormais des articles R. 314-159 et suivants ; à citer pour les payeurs '
                        + 'des EHPAD : R. 314-159/R. 314-160 (soins) et R. 314-172/R. 314-174 (dépendance).',
                    en: 'EHPAD forfaits now come under R.314-159 ff.; for EHPAD payers cite R.314-159/R.314-160 (care) and '
                        + 'R.314-172/R.314-174 (dependency).',
                },
                source: source(DECRET_2016_1814_IN_FORCE),
                note: 'Wording not read. Décret n° 2023-323 (JORF 29 Apr 2023) also modified R.314-105 (juriblio, V); that '
                    + 'change was not read and is not modelled as a separate version.',
            },
        ],
    },
    {
        id: 'CASF:R314-159', kind: 'code-article',
        title: `article R. 314-159 ${CASF}`, titleEn: 'CASF R.314-159 (EHPAD forfait global de soins)',
        versions: [{
            from: '2017-01-01', start: 'exact', confidence: 'S',
            enactedBy: 'décret n° 2016-1814 du 21 décembre 2016',
            summary: {
                fr: "Forfait global relatif aux soins de l'EHPAD, fixé par le directeur général de l'ARS (équation tarifaire).",
                en: 'EHPAD care forfait, set by the DG ARS (tariff equation).',
            },
            source: source('https://banquedesterritoires.fr/deux-decrets-mettent-en-place-la-timide-reforme-de-la-tarification-des-ehpad'),
            note: 'Article not read; décret in force 1 Jan 2017 (S). In the départements of the LFSS 2024 art. 79 experiment, '
                + 'replaced by a forfait global unique from 1 Jul 2025 (see LOI:2023-1250:79).',
        }],
    },
    {
        id: 'CASF:R314-160', kind: 'code-article',
        title: `article R. 314-160 ${CASF}`, titleEn: 'CASF R.314-160 (activity modulation of the care forfait)',
        versions: [
            {
                from: '2017-01-01', to: '2017-12-31', start: 'exact', confidence: 'V',
                enactedBy: 'décret n° 2016-1814 du 21 décembre 2016',
                summary: {
                    fr: "Modulation du forfait soins selon l'activité, non appliquée pour l'exercice 2017.",
                    en: 'Activity modulation of the care forfait, not applied for the 2017 financial year.',
                },
                quote: "La modulation en fonction de l'activité prévue aux articles R. 314-160, R. 314-161 et R. 314-174 […] ne s'applique pas",
                source: source(DECRET_2016_1814_TRANSITION),
                note: 'The 2017 suspension is V (transitional article of décret 2016-1814); the 1 Jan 2017 start is S (Uniopss).',
            },
            {
                from: '2018-01-01', start: 'exact', confidence: 'S',
                enactedBy: 'décret n° 2016-1814 du 21 décembre 2016',
                summary: {
                    fr: "Le DG ARS module le forfait soins quand le taux d'occupation est sous un seuil fixé par arrêté : "
                        + 'minoration = ½ × (seuil − taux), une formule et non un plafond.',
                    en: 'The DG ARS modulates the care forfait when occupancy is below a threshold set by arrêté: '
                        + 'reduction = ½ × (threshold − rate), a formula, not a cap.',
                },
                source: source(DECRET_2016_1814_TRANSITION),
                note: 'Formula from DOMAIN.md §8 [V, undated corpus], not re-read.',
            },
        ],
    },
    {
        id: 'CASF:R314-172', kind: 'code-article',
        title: `article R. 314-172 ${CASF}`, titleEn: 'CASF R.314-172 (EHPAD forfait global dépendance)',
        versions: [{
            from: '2017-01-01', start: 'exact', confidence: 'S',
            enactedBy: 'décret n° 2016-1814 du 21 décembre 2016',
            summary: {
                fr: "Forfait global relatif à la dépendance, versé par le département d'implantation de l'EHPAD.",
                en: 'Dependency forfait, paid by the département where the EHPAD stands.',
            },
            source: source('https://banquedesterritoires.fr/deux-decrets-mettent-en-place-la-timide-reforme-de-la-tarification-des-ehpad'),
            note: 'Wording of the forfait quoted by Banque des territoires; article number S. Not a PCD forfait in the '
                + 'départements of the LFSS 2024 art. 79 experiment from 1 Jul 2025.',
        }],
    },
    {
        id: 'CASF:R314-174', kind: 'code-article',
        title: `article R. 314-174 ${CASF}`, titleEn: 'CASF R.314-174 (activity modulation of the dependency forfait)',
        versions: [
            {
                from: '2017-01-01', to: '2017-12-31', start: 'exact', confidence: 'V',
                enactedBy: 'décret n° 2016-1814 du 21 décembre 2016',
                summary: {
                    fr: "Modulation du forfait dépendance selon l'activité, non appliquée pour l'exercice 2017.",
                    en: 'Activity modulation of the dependency forfait, not applied for the 2017 financial year.',
                },
                quote: "La modulation en fonction de l'activité prévue aux articles R. 314-160, R. 314-161 et R. 314-174 […] ne s'applique pas",
                source: source(DECRET_2016_1814_TRANSITION),
            },
            {
                from: '2018-01-01', start: 'exact', confidence: 'S',
                enactedBy: 'décret n° 2016-1814 du 21 décembre 2016',
                summary: {
                    fr: "Le président du conseil départemental module le forfait dépendance quand le taux d'occupation de "
                        + "l'hébergement permanent (absences de moins de 72 h comptées présentes) est sous un seuil : "
                        + 'minoration = ½ × (seuil − taux).',
                    en: 'The PCD modulates the dependency forfait when permanent-stay occupancy (absences under 72 h count as '
                        + 'present) is below a threshold: reduction = ½ × (threshold − rate).',
                },
                source: source(DECRET_2016_1814_TRANSITION),
                note: 'Formula from DOMAIN.md §1 and §8 [V, undated corpus]. Its 3° was read verbatim (Dec 2026) in the version in '
                    + 'force from 24 Dec 2016 (doctrine.fr, LEGIARTI000033689103): « Le pourcentage de minoration de la part du '
                    + 'forfait mentionnée au 1° de l\'article R. 314-172 est égal à la moitié de la différence entre le seuil '
                    + 'mentionné au 2° et le taux d\'occupation » — the follow-up model applies it (model/modulation.ts). The '
                    + 'version is left S until its dates are read.',
            },
        ],
    },
    {
        id: 'CASF:R314-87', kind: 'code-article',
        title: `articles R. 314-87 et suivants ${CASF} (frais de siège social)`, titleEn: 'CASF R.314-87 ff. (head-office costs)',
        versions: [{
            from: '2019-03-06', start: 'attested', confidence: 'S',
            enactedBy: 'décret n° 2003-1010 du 22 octobre 2003 (art. 89 et suivants), codifié',
            summary: {
                fr: "Une quote-part de frais de siège n'entre dans le budget des ESMS qu'avec une autorisation (cinq ans, "
                    + 'renouvelable), qui fixe les prestations du siège et la répartition entre établissements.',
                en: 'A share of head-office costs enters ESMS budgets only with an authorisation (five years, renewable) that '
                    + 'sets the head-office services and the split between establishments.',
            },
            source: source('https://www.directions.fr/Gerer/financement-tarification/2019/3/Constituer-et-financer-un-siege-social-2052359W/'),
            note: 'S: Directions.fr (6 Mar 2019) and a good-practice guide citing « Articles R. 314-87 à R. 314-94-2 »; the '
                + 'origin in décret 2003-1010 is V (circulaire DGAS/5 B n° 2005-45). Articles not read.',
        }],
    },
    {
        id: 'CASF:R314-90', kind: 'code-article',
        title: `article R. 314-90 ${CASF}`, titleEn: 'CASF R.314-90 (head-office costs: the authorisation)',
        versions: [{
            from: '2019-03-06', start: 'attested', confidence: 'G',
            enactedBy: 'non lu',
            summary: {
                fr: "Article de la section des frais de siège ; son contenu exact n'a pas été lu.",
                en: 'Article of the head-office costs section; its exact content was not read.',
            },
            source: source(FRAIS_DE_SIEGE_GUIDE),
            note: 'G: only its place in the range R.314-87 to R.314-94-2 is attested (guide).',
        }],
    },
    {
        id: 'CASF:R314-91', kind: 'code-article',
        title: `article R. 314-91 ${CASF}`, titleEn: 'CASF R.314-91 (head-office costs: procedure)',
        versions: [{
            from: '2019-03-06', start: 'attested', confidence: 'G',
            enactedBy: 'non lu',
            summary: {
                fr: "Procédure de l'autorisation des frais de siège (ancienne version lue par la revue de DOMAIN.md).",
                en: 'Procedure of the head-office costs authorisation (old version read by the DOMAIN.md review).',
            },
            source: source(FRAIS_DE_SIEGE_GUIDE),
            note: 'G: DOMAIN.md §3 read an old undated version; only its place in the range is attested here.',
        }],
    },
    {
        id: 'CASF:R314-210', kind: 'code-article',
        title: `article R. 314-210 ${CASF}`, titleEn: 'CASF R.314-210 (EPRD calendar)',
        versions: [{
            from: '2016-12-30', start: 'attested', confidence: 'G',
            enactedBy: 'décret n° 2016-1815 du 21 décembre 2016 (non vérifié)',
            summary: {
                fr: "Calendrier de l'EPRD : transmis au plus tard le 30 juin de l'exercice (selon les résumés de Nexem et du "
                    + 'cabinet Albertine).',
                en: 'EPRD calendar: sent by 30 June of the year at the latest (per the Nexem and Cabinet Albertine summaries).',
            },
            source: source(DECRET_2016_1814_IN_FORCE),
            note: 'G: R.314-210 is not among the articles the arrêté of 27 Dec 2016 lists (Uniopss, 30 Dec 2016); its date is '
                + 'inferred from that EPRD reform. The 30 June deadline is S (Nexem, Cabinet Albertine via DOMAIN.md §3).',
        }],
    },
    {
        id: 'CASF:R314-232', kind: 'code-article',
        title: `article R. 314-232 ${CASF}`, titleEn: 'CASF R.314-232 (ERRD calendar)',
        versions: [{
            from: '2016-12-30', start: 'attested', confidence: 'S',
            enactedBy: 'décret n° 2016-1815 du 21 décembre 2016 (non vérifié)',
            summary: {
                fr: "Calendrier de l'ERRD : transmis au plus tard le 30 avril de l'exercice suivant (selon les mêmes résumés).",
                en: 'ERRD calendar: sent by 30 April of the following year at the latest (per the same summaries).',
            },
            source: source(DECRET_2016_1814_IN_FORCE),
            note: 'Attested: R.314-232 is among the articles whose document models the arrêté of 27 Dec 2016 fixes (Uniopss). '
                + 'Deadline S (DOMAIN.md §3).',
        }],
    },
];
