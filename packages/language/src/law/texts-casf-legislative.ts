/**
 * The legislative articles of the CASF that found a CPOM: the legal frames of the grammar and their neighbours.
 * Every date and quote is logged with its source in docs/law/sources.md.
 */
import { source, type LegalText } from './types.js';

const CASF = "du code de l'action sociale et des familles";
const DOCTRINE_L313_11 = 'https://www.doctrine.fr/l/texts/codes/LEGITEXT000006074069/articles/LEGIARTI000006797479?version=LEGIARTI000045293667&source=legislation-text';
const DOCTRINE_L313_11_1 = 'https://www.doctrine.fr/l/texts/codes/LEGITEXT000006074069/articles/LEGIARTI000031716152?version=LEGIARTI000031716152&source=legislation-text';
const SIX_YEARS_UNKNOWN = "Whether this wording already allowed a sixth year is not verified: the chronology of versions was read, "
    + 'not this version. The earliest version read with the sixth year is the one in force since 4 March 2022.';

export const CASF_LEGISLATIVE: readonly LegalText[] = [
    {
        id: 'CASF:L313-11', kind: 'code-article',
        title: `article L. 313-11 ${CASF}`, titleEn: 'CASF L.313-11 (the CPOM of ordinary law)',
        versions: [
            {
                from: '2000-12-23', to: '2002-01-02', start: 'exact', confidence: 'V',
                enactedBy: "ordonnance n° 2000-1249 du 21 décembre 2000 (codification de l'article 14 de la loi n° 75-535 du 30 juin 1975)",
                summary: {
                    fr: 'Première version codifiée, reprise de la loi de 1975 ; son texte n\'a pas été lu.',
                    en: 'First codified version, taken over from the 1975 law; its wording was not read.',
                },
                source: source(DOCTRINE_L313_11),
                note: 'Dates from the chronology of versions on doctrine.fr; wording not read.',
            },
            {
                from: '2002-01-03', to: '2005-12-01', start: 'exact', confidence: 'S',
                enactedBy: 'loi n° 2002-2 du 2 janvier 2002 rénovant l\'action sociale et médico-sociale',
                summary: {
                    fr: 'Des contrats pluriannuels peuvent être conclus entre les gestionnaires et la ou les autorités chargées de '
                        + "l'autorisation ; ils fixent les obligations des parties et les moyens, sur une durée maximale de cinq ans.",
                    en: 'Multi-year contracts may be concluded between managers and the authorising authority or authorities; they '
                        + 'set the parties\' obligations and the means, for five years at most.',
                },
                source: source('https://conferenceconsensuslogement.senat.fr/seances/s200110/s20011031/sc20011031042.html'),
                note: 'Dates V (doctrine.fr chronology). Wording S: read in the bill as debated in the Senate on 31 Oct 2001 '
                    + '(article 25, « sur une durée maximale de cinq ans »), not in the promulgated text.',
            },
            {
                from: '2005-12-02', to: '2016-12-24', start: 'exact', confidence: 'S',
                enactedBy: 'texte du 1er décembre 2005 (non lu ; version datée par la chronologie de doctrine.fr)',
                summary: {
                    fr: "« Sans préjudice » de l'article L. 313-12, contrats avec la ou les autorités chargées de l'autorisation, cinq "
                        + 'ans au plus ; aucune sixième année.',
                    en: 'Without prejudice to L.313-12, contracts with the authorising authority or authorities, five years at most; '
                        + 'no sixth year.',
                },
                source: source('https://archive.nossenateurs.fr/intervention/55669'),
                note: 'Dates V (doctrine.fr chronology). Wording S: quoted in a Senate debate of 2009; the amending text of '
                    + '2 Dec 2005 was not identified.',
            },
            {
                from: '2016-12-25', to: '2018-11-24', start: 'exact', confidence: 'S',
                enactedBy: 'loi de décembre 2016 (JORFARTI000033680781), 3° : suppression de « Sans préjudice des dispositions de l\'article L. 313-12 »',
                summary: {
                    fr: "Le renvoi « sans préjudice » de l'article L. 313-12 est supprimé ; le reste n'a pas été relu.",
                    en: 'The "without prejudice to L.313-12" opening is removed; the rest was not re-read.',
                },
                source: source('https://legal.tricoteuses.fr/articles/JORFARTI000033680781'),
                note: `Dates V (doctrine.fr chronology). The amending article was read; its law number was not. ${SIX_YEARS_UNKNOWN}`,
            },
            {
                from: '2018-11-25', to: '2019-07-26', start: 'exact', confidence: 'G',
                enactedBy: 'probablement la loi n° 2018-1021 du 23 novembre 2018 (ELAN), publiée le 24 novembre 2018 — non vérifié',
                summary: {
                    fr: 'Version modifiée le 25 novembre 2018 ; son texte et la loi qui l\'a modifiée n\'ont pas été lus.',
                    en: 'Version changed on 25 November 2018; neither its wording nor the amending law was read.',
                },
                source: source(DOCTRINE_L313_11),
                note: `Dates V (doctrine.fr chronology); the amending law is inferred from the date. ${SIX_YEARS_UNKNOWN}`,
            },
            {
                from: '2019-07-27', to: '2022-03-03', start: 'exact', confidence: 'G',
                enactedBy: 'texte de juillet 2019 (non identifié)',
                summary: {
                    fr: 'Version modifiée le 27 juillet 2019 ; son texte n\'a pas été lu.',
                    en: 'Version changed on 27 July 2019; its wording was not read.',
                },
                source: source(DOCTRINE_L313_11),
                note: `Dates V (doctrine.fr chronology). ${SIX_YEARS_UNKNOWN}`,
            },
            {
                from: '2022-03-04', start: 'exact', confidence: 'V',
                enactedBy: 'loi n° 2022-296 du 2 mars 2022 visant à démocratiser le sport en France, art. 1',
                summary: {
                    fr: 'Contrats entre les gestionnaires et la ou les autorités chargées de la tarification (et, le cas échéant, les '
                        + 'organismes de protection sociale) : obligations des parties et moyens, cinq ans au plus, prorogeables '
                        + "d'une sixième année ; ils peuvent couvrir plusieurs établissements et services.",
                    en: 'Contracts between managers and the tarification authority or authorities (and social-protection bodies): '
                        + "the parties' obligations and means, five years at most, extendable by a sixth year; they may cover "
                        + 'several establishments and services.',
                },
                quote: "sur une durée maximale de cinq ans, prorogeable dans la limite d'une sixième année",
                source: source(DOCTRINE_L313_11),
                note: 'The law of 2 March 2022 is about sport (its article 1 touches L.311-1 and the missions cited in L.313-11); '
                    + 'it is not shown to be the text that introduced the sixth year, which may be older.',
            },
        ],
    },
    {
        id: 'CASF:L313-11-1', kind: 'code-article',
        title: `article L. 313-11-1 ${CASF}`, titleEn: 'CASF L.313-11-1 (optional CPOM of a home-help service with the département)',
        versions: [
            {
                from: '2015-12-30', to: '2023-06-29', start: 'exact', confidence: 'V',
                enactedBy: 'loi n° 2015-1776 du 28 décembre 2015 relative à l\'adaptation de la société au vieillissement, art. 46',
                summary: {
                    fr: "Les SAAD autorisés peuvent conclure un CPOM avec le président du conseil départemental ; l'article en liste "
                        + 'le contenu (bénéficiaires, territoire, objectifs et moyens, APA, financements, prévention, qualification…).',
                    en: 'Authorised home-help services (SAAD) may conclude a CPOM with the president of the departmental council; the '
                        + 'article lists its content (beneficiaries, territory, objectives and means, APA, funding, prevention…).',
                },
                quote: 'peuvent conclure avec le président du conseil départemental, dans les conditions prévues à l\'article L. 313-11, '
                    + "un contrat pluriannuel d'objectifs et de moyens",
                source: source(DOCTRINE_L313_11_1),
            },
            {
                from: '2023-06-30', start: 'exact', confidence: 'S',
                enactedBy: 'loi n° 2021-1754 du 23 décembre 2021 de financement de la sécurité sociale pour 2022, art. 44',
                summary: {
                    fr: 'Adapté aux services autonomie à domicile ; le CPOM reste facultatif. Le nouveau texte n\'a pas été lu.',
                    en: 'Adapted to the services autonomie à domicile; the CPOM stays optional. The new wording was not read.',
                },
                source: source(DOCTRINE_L313_11_1),
                note: 'Date V (doctrine.fr chronology, matching the « au plus tard le 30 juin 2023 » of LFSS 2022 art. 44 II A). '
                    + 'Content S.',
            },
        ],
    },
    {
        id: 'CASF:L313-11-2', kind: 'code-article',
        title: `article L. 313-11-2 ${CASF}`, titleEn: 'CASF L.313-11-2 (mandatory CPOM of CHRS, loi ELAN)',
        versions: [
            {
                from: '2018-11-25', start: 'exact', confidence: 'S',
                enactedBy: 'loi n° 2018-1021 du 23 novembre 2018 (ELAN), art. 125',
                summary: {
                    fr: 'CPOM obligatoire des gestionnaires de CHRS (8° du I de L. 312-1) avec leur autorité de tarification ; il fixe '
                        + "les éléments pluriannuels du budget, peut moduler le tarif selon l'activité et intégrer un plan de retour à "
                        + "l'équilibre ; cahier des charges et modèle fixés par arrêté.",
                    en: 'Mandatory CPOM of CHRS managers with their tarification authority; it sets the multi-year budget, may '
                        + 'modulate the tariff on activity targets and include a recovery plan; specifications and model by arrêté.',
                },
                quote: "Il peut prévoir une modulation du tarif en fonction d'objectifs d'activité définis dans le contrat.",
                source: source('https://tricoteuses.fr/legifrance/articles/LEGIARTI000037650687'),
                note: 'Quote V (article text). Creating article S (La Gazette des communes, 12 Nov 2019). Start date S: the day '
                    + 'after the JO of 24 Nov 2018, matching the 25 Nov 2018 version of L.313-11; the article\'s own dates not read.',
            },
        ],
    },
    {
        id: 'CASF:L313-12-IVter', kind: 'code-article',
        title: `IV ter de l'article L. 313-12 ${CASF}`, titleEn: 'CASF L.313-12 IV ter (mandatory CPOM of EHPAD and PUV, loi ASV)',
        versions: [
            {
                from: '2017-01-01', start: 'exact', confidence: 'S',
                enactedBy: 'loi n° 2015-1776 du 28 décembre 2015 relative à l\'adaptation de la société au vieillissement, art. 58',
                summary: {
                    fr: 'Le gestionnaire d\'EHPAD ou de PUV conclut un CPOM avec le président du conseil départemental et le '
                        + "directeur général de l'ARS ; un seul contrat pour ses établissements d'un même département, extensible à "
                        + 'd\'autres ESMS et, avec accord, à plusieurs départements d\'une même région ; il remplace la convention '
                        + 'tripartite.',
                    en: 'The manager of EHPAD or PUV concludes a CPOM with the president of the departmental council and the DG ARS; '
                        + 'one contract for its establishments in one département, extendable to other ESMS and, by agreement, to '
                        + 'several départements of one region; it replaces the tripartite agreement.',
                },
                quote: "un contrat pluriannuel d'objectifs et de moyens est conclu pour l'ensemble de ces établissements entre la "
                    + 'personne physique ou morale, le président du conseil départemental',
                source: source('https://legal.tricoteuses.fr/articles/JORFARTI000033680781'),
                note: 'Quote V: wording as amended in December 2016 (JORFARTI000033680781). Start S: « les dispositions de la loi '
                    + "d'adaptation de la société au vieillissement relatives au CPOM sont entrées en vigueur depuis le 1er janvier "
                    + "2017 » (atelieranimationsenior.fr, 17 Mar 2017), DOMAIN.md §8, Uniopss; art. 58's own clause was not read. "
                    + 'Signatures programmed over 2017-2021 (arrêté of 3 Mar 2017, S), deadline moved to 31 Dec 2024 by a '
                    + 'ministerial instruction (analys-sante.fr, S).',
            },
        ],
    },
    {
        id: 'CASF:L313-12-2', kind: 'code-article',
        title: `article L. 313-12-2 ${CASF}`, titleEn: 'CASF L.313-12-2 (mandatory CPOM under ARS competence, LFSS 2016)',
        versions: [
            {
                from: '2016-01-01', start: 'exact', confidence: 'S',
                enactedBy: 'loi n° 2015-1702 du 21 décembre 2015 de financement de la sécurité sociale pour 2016, art. 75',
                summary: {
                    fr: "CPOM obligatoire pour les ESMS relevant de la compétence exclusive ou conjointe du directeur général de l'ARS "
                        + '(SSIAD, établissements pour enfants, ESAT, MAS, FAM, SAMSAH…) ; exclus : ESMS du seul département et CAMSP.',
                    en: 'Mandatory CPOM for ESMS under the exclusive or joint competence of the DG ARS (SSIAD, children\'s ESMS, ESAT, '
                        + 'MAS, FAM, SAMSAH…); excluded: ESMS of the département alone, and CAMSP.',
                },
                source: source('https://www.legifrance.gouv.fr/affichTexte.do?cidTexte=LEGITEXT000033680322&dateTexte=20161223&categorieLien=cid'),
                notBefore: {
                    date: '2015-12-21', confidence: 'V',
                    why: 'loi n° 2015-1702 du 21 décembre 2015, art. 75 (visas of décret n° 2016-1815, read on Légifrance)',
                },
                note: 'Article 75 V: cited in the visas of décret n° 2016-1815 (Légifrance). Law published in the JO of '
                    + '22 Dec 2015 (S). The article\'s text and entry-into-force date were not read: 1 Jan 2016 (the LFSS year) '
                    + 'is S; it may be in force from 23 Dec 2015. Scope S (baron-aidenbaum via DOMAIN.md).',
            },
        ],
    },
    {
        id: 'CASF:L314-2-2', kind: 'code-article',
        title: `article L. 314-2-2 ${CASF}`, titleEn: 'CASF L.314-2-2 (dotation complémentaire of home services)',
        versions: [
            {
                from: '2023-06-30', start: 'exact', confidence: 'S',
                enactedBy: 'loi n° 2021-1754 du 23 décembre 2021 de financement de la sécurité sociale pour 2022, art. 44',
                summary: {
                    fr: 'Dotation complémentaire des services autonomie à domicile, subordonnée à un CPOM avec le département.',
                    en: 'Supplementary grant of home autonomy services, conditional on a CPOM with the département.',
                },
                source: source('https://legal.tricoteuses.fr/articles/LEGIARTI000044564747'),
                note: 'Creation by art. 44 V (« A créé … Art. L314-2-1, Art. L314-2-2 »); entry into force V: « au plus tard le '
                    + '30 juin 2023 » (art. 44 II A; the décret 2023-608 came later, JO 16 Jul 2023). The CPOM condition is S '
                    + '(DOMAIN.md §8); the article itself was not read.',
            },
        ],
    },
    {
        id: 'CASF:L313-1', kind: 'code-article',
        title: `article L. 313-1 ${CASF}`, titleEn: 'CASF L.313-1 (authorisation of establishments and services)',
        versions: [
            {
                from: '2016-12-25', start: 'attested', confidence: 'S',
                enactedBy: 'loi de décembre 2016 (JORFARTI000033680781), 2°',
                summary: {
                    fr: "Régime de l'autorisation des ESMS : renouvellement subordonné à l'évaluation externe, caducité si "
                        + "l'établissement n'ouvre pas dans le délai fixé.",
                    en: 'Authorisation regime of ESMS: renewal depends on the external evaluation; lapse when not opened in time.',
                },
                source: source('https://git.tricoteuses.fr/codes/code_de_l_action_sociale_et_des_familles/commit/a75f32147fe82e3ad66cda5306c3fff220642b3a.patch'),
                note: 'Attested in force from 25 Dec 2016 (consolidated versions 2016-12-25, 2018-01-01, 2018-01-19 in the '
                    + 'git.tricoteuses history); later versions were not compared. Cited by the catalogue for the notion of '
                    + 'authorised capacity only.',
            },
        ],
    },
];
