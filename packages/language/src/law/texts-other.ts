/**
 * Texts outside the CASF articles: the cahiers des charges (arrêtés), the décrets and laws whose articles change who
 * pays and where, the circulars the catalogue cites, and the Code civil rule on amending a contract.
 */
import { RETRIEVED, source, type LegalText } from './types.js';

/** The 23 territories of the forfait global unique experiment from 1 Jul 2025 (Hopitalex summary of décret 2025-168). */
export const FORFAIT_GLOBAL_UNIQUE_TERRITORIES = [
    '11', '15', '17', '19', '22', '23', '29', '31', '40', '46', '47', '49', '52', '53', '56', '58', '62', '66', '69M', '73', '93',
    '973', '974',
] as const;

export const OTHER_TEXTS: readonly LegalText[] = [
    {
        id: 'ARRETE:2017-03-03', kind: 'arrete',
        title: "arrêté du 3 mars 2017 fixant le contenu du cahier des charges du contrat pluriannuel d'objectifs et de moyens "
            + "prévu au IV ter de l'article L. 313-12 du code de l'action sociale et des familles",
        titleEn: 'Arrêté of 3 March 2017 (specifications of the IV ter CPOM)',
        versions: [{
            from: '2017-03-11', start: 'exact', confidence: 'V',
            enactedBy: 'arrêté du 3 mars 2017 (NOR : AFSA1619718A, JORF n° 0059 du 10 mars 2017)',
            summary: {
                fr: 'Cahier des charges du CPOM des EHPAD : programmation par arrêté avant le 31 décembre N-1, contrat de cinq ans, '
                    + 'prorogation d\'un an au plus, évaluation du GMP et du PMP avant la conclusion et la 3e année, comité de suivi '
                    + 'réuni la 3e et la 5e année ; titre I, article 1 : FINESS de l\'entité juridique et de chaque ESMS.',
                en: 'Specifications of the EHPAD CPOM: programming by arrêté before 31 Dec of year N-1, five-year contract, '
                    + 'extension of one year at most, GMP/PMP assessed before signing and in year 3, follow-up committee in years 3 '
                    + 'and 5; title I art. 1: FINESS of the legal entity and of each ESMS.',
            },
            quote: 'Un comité de suivi du contrat est instauré dès la conclusion du contrat. Sa composition figure dans le contrat '
                + '[…] Le comité de suivi se réunit à deux reprises au cours du contrat : - au cours de la troisième année, pour un '
                + 'point à mi-parcours',
            source: source('https://www.legifrance.gouv.fr/loda/id/JORFTEXT000034160098/'),
            note: 'Publication V (Légifrance: « JORF n°0059 du 10 mars 2017 … Dernière mise à jour des données de ce texte : '
                + '11 mars 2017 … Version en vigueur au 05 décembre 2024 »: one version, never amended up to that day). Start V: '
                + 'Code civil art. 1 (V, Légifrance: « les actes administratifs entrent en vigueur à la date qu\'ils fixent ou, à '
                + 'défaut, le lendemain de leur publication »), and Légifrance dates the text\'s data 11 March 2017. Article 5 re-read '
                + '(V, legal.tricoteuses.fr JORFARTI000034160145, quoted); article 1 of titre I (FINESS of the legal entity and of '
                + 'each ESMS) [V] per DOMAIN.md §1, not re-read. Programming over five years from 1 Jan 2017, one-year avenant to a '
                + 'tripartite agreement (art. 1) and prorogation (art. 2) per Banque des territoires and atelieranimationsenior.fr (S).',
        }],
    },
    {
        id: 'ARRETE:2019-10-25', kind: 'arrete',
        title: "arrêté du 25 octobre 2019 fixant le contenu du cahier des charges du contrat pluriannuel d'objectifs et de moyens "
            + "prévu à l'article L. 313-11-2 du code de l'action sociale et des familles",
        titleEn: 'Arrêté of 25 October 2019 (CHRS CPOM specifications and model)',
        versions: [{
            from: '2019-11-10', start: 'exact', confidence: 'S',
            enactedBy: 'arrêté du 25 octobre 2019 (JORF n° 0261 du 9 novembre 2019)',
            summary: {
                fr: 'Cahier des charges et modèle du CPOM des CHRS : une autre autorité de tarification dont relève un ESMS du '
                    + 'périmètre est co-signataire ; tout nouvel établissement entre par avenant ; objectifs déclinés en actions '
                    + 'avec indicateurs et calendrier ; bilan d\'étape annuel ; volet financier selon R. 314-40 ; modulation possible.',
                en: 'Specifications and model of the CHRS CPOM: another tarification authority of an ESMS in the perimeter '
                    + 'co-signs; a new establishment enters by avenant; objectives broken into actions with indicators and '
                    + 'timetable; yearly progress report; financial part under R.314-40; modulation allowed.',
            },
            quote: 'un avenant devra être pris pour modifier la liste initiale',
            source: source('https://legal.tricoteuses.fr/articles/JORFARTI000039356571'),
            note: 'Publication V (juriblio: JORF n° 0261 du 9 novembre 2019). Entry into force S: the day after publication, '
                + 'the default rule of Code civil art. 1; the arrêté\'s own clause was not read. Article 1 (V, jo.toutelaloi.fr, '
                + 'reproduction of the JO): the contracts « doivent être conformes au cahier des charges en annexe I » while « le '
                + 'modèle de contrat pluriannuel d\'objectifs et de moyens en annexe II du présent arrêté peut faire l\'objet d\'une '
                + 'adaptation par les parties signataires »: what only the model says (the avenant for a new establishment, '
                + 'objectives with indicators) is not binding, and the annex each quote comes from was not established.',
        }],
    },
    {
        id: 'DECRET:2016-1814', kind: 'decret',
        title: 'décret n° 2016-1814 du 21 décembre 2016 relatif aux principes généraux de la tarification, au forfait global de '
            + 'soins, au forfait global dépendance et aux tarifs journaliers des EHPAD',
        titleEn: 'Décret 2016-1814 (EHPAD tariff reform)',
        versions: [{
            from: '2017-01-01', start: 'exact', confidence: 'S',
            enactedBy: 'décret n° 2016-1814 du 21 décembre 2016 (JORF du 23 décembre 2016)',
            summary: {
                fr: 'Réforme de la tarification des EHPAD : forfait global de soins (ARS), forfait global dépendance (département), '
                    + 'tarifs hébergement ; pas de modulation selon l\'activité en 2017.',
                en: 'EHPAD tariff reform: care forfait (ARS), dependency forfait (département), accommodation tariffs; no activity '
                    + 'modulation in 2017.',
            },
            source: source('http://uniopss.asso.fr/section/unio_detail.html?publicationId=p4891483052158352'),
            note: 'Publication on 23 Dec 2016 and entry into force on 1 Jan 2017 are S (Uniopss; Banque des territoires). The '
                + '2017 exception is V (legal.tricoteuses.fr/articles/JORFARTI000033670951).',
        }],
    },
    {
        id: 'DECRET:2023-608', kind: 'decret',
        title: "décret n° 2023-608 du 13 juillet 2023 relatif aux services autonomie à domicile mentionnés à l'article L. 313-1-3 "
            + "du code de l'action sociale et des familles",
        titleEn: 'Décret 2023-608 (services autonomie à domicile)',
        versions: [{
            from: '2023-07-17', start: 'exact', confidence: 'S',
            enactedBy: 'décret n° 2023-608 du 13 juillet 2023 (JORF du 16 juillet 2023)',
            summary: {
                fr: 'Cahier des charges des services autonomie à domicile qui remplacent SAAD, SPASAD et SSIAD ; les services '
                    + 'autorisés disposent de deux ans pour s\'y conformer.',
                en: 'Specifications of the services autonomie à domicile replacing SAAD, SPASAD and SSIAD; authorised services '
                    + 'have two years to comply.',
            },
            source: source('https://banquedesterritoires.fr/le-decret-definissant-les-services-autonomie-domicile-est-publie'),
            note: 'JO of 16 Jul 2023 is S (Banque des territoires, Seban avocats); entry into force the day after is the default '
                + 'rule (Code civil art. 1), the décret\'s own clause not read. The two-year delay is V (LFSS 2022 art. 44 II B).',
        }],
    },
    {
        id: 'DECRET:2025-168', kind: 'decret',
        title: "décret n° 2025-168 du 20 février 2025 relatif au financement des établissements participant à l'expérimentation "
            + 'du forfait global unique',
        titleEn: 'Décret 2025-168 (financing under the forfait global unique experiment)',
        versions: [{
            from: '2025-07-01', start: 'exact', confidence: 'S',
            enactedBy: 'décret n° 2025-168 du 20 février 2025',
            summary: {
                fr: 'Règles budgétaires des EHPAD, USLD et PUV des départements de l\'expérimentation : forfait global unique soins '
                    + 'et entretien de l\'autonomie fixé par l\'ARS, tarif hébergement, participation forfaitaire des résidents.',
                en: 'Budget rules of EHPAD, USLD and PUV in the experimenting départements: a single care-and-autonomy forfait set '
                    + 'by the ARS, accommodation tariff, flat resident contribution.',
            },
            source: source('https://www.hopitalex.com/index.php/donnees-juridiques?action=affichedoc&doc=13345'),
            note: 'S: Hopitalex and Géroscopie summaries (published 22 Feb 2025; experiment from 1 Jul 2025 in 23 territories).',
        }],
    },
    {
        id: 'LOI:2023-1250:79', kind: 'loi',
        title: 'article 79 de la loi n° 2023-1250 du 26 décembre 2023 de financement de la sécurité sociale pour 2024',
        titleEn: 'LFSS 2024 art. 79 (forfait global unique experiment)',
        versions: [
            {
                from: '2023-12-27', to: '2025-06-30', start: 'attested', confidence: 'S',
                enactedBy: 'loi n° 2023-1250 du 26 décembre 2023, art. 79',
                summary: {
                    fr: 'Expérimentation, dans au plus 20 départements volontaires, d\'un forfait global unique soins et entretien de '
                        + "l'autonomie fixé par l'ARS à la place des forfaits soins et dépendance des EHPAD, USLD et PUV.",
                    en: 'Experiment, in at most 20 volunteer départements, of a single care-and-autonomy forfait set by the ARS in '
                        + 'place of the care and dependency forfaits of EHPAD, USLD and PUV.',
                },
                quote: "financées par un forfait global unique relatif aux soins et à l'entretien de l'autonomie",
                source: source('https://tricoteuses.fr/legifrance/sections/JORFSCTA000048668689'),
                note: 'Quote V. Start attested by the law\'s date (publication not read). The first wave was planned for 1 Jan 2025 '
                    + 'for four years (Géroscopie, S); the end of this version is the start of the experiment as amended.',
            },
            {
                from: '2025-07-01', start: 'exact', confidence: 'S',
                enactedBy: 'loi de financement de la sécurité sociale pour 2025 (modifiant l\'article 79) ; décret n° 2025-168',
                territories: FORFAIT_GLOBAL_UNIQUE_TERRITORIES,
                summary: {
                    fr: "Dans 23 territoires, depuis le 1er juillet 2025, la dépendance des EHPAD n'est plus un forfait du président "
                        + "du conseil départemental : un forfait global unique soins et autonomie est fixé par l'ARS.",
                    en: 'In 23 territories, since 1 July 2025, EHPAD dependency is no longer a PCD forfait: a single care-and-'
                        + 'autonomy forfait is set by the ARS.',
                },
                source: source('https://www.hopitalex.com/index.php/donnees-juridiques?action=affichedoc&doc=13345'),
                note: 'S: list of territories and start date from Hopitalex (décret 2025-168); the LFSS 2025 amending article (82 '
                    + 'per Hopitalex) and the reduced duration were not read.',
            },
        ],
    },
    {
        id: 'LOI:2021-1754:44', kind: 'loi',
        title: 'article 44 de la loi n° 2021-1754 du 23 décembre 2021 de financement de la sécurité sociale pour 2022',
        titleEn: 'LFSS 2022 art. 44 (services autonomie à domicile)',
        versions: [{
            from: '2023-06-30', start: 'exact', confidence: 'V',
            enactedBy: 'loi n° 2021-1754 du 23 décembre 2021, art. 44',
            summary: {
                fr: 'SAAD, SPASAD et SSIAD autorisés deviennent des services autonomie à domicile ; ils ont deux ans pour se '
                    + 'conformer au cahier des charges ; crée L. 314-2-1 et L. 314-2-2.',
                en: 'Authorised SAAD, SPASAD and SSIAD become services autonomie à domicile, with two years to meet the '
                    + 'specifications; creates L.314-2-1 and L.314-2-2.',
            },
            quote: 'et au plus tard le 30 juin 2023',
            source: source('https://legal.tricoteuses.fr/articles/LEGIARTI000044564747'),
            note: 'The date is the « au plus tard » of II A; the décret came later (16 Jul 2023), so 30 Jun 2023 governs.',
        }],
    },
    {
        id: 'REF:FINESS', kind: 'referentiel',
        title: 'référentiel FINESS (ref_etab, schéma FINESS+ des structures)', titleEn: 'FINESS referential (numbering of establishments)',
        versions: [{
            from: RETRIEVED, start: 'attested', confidence: 'V',
            enactedBy: 'Agence du numérique en santé, référentiel FINESS',
            summary: {
                fr: 'Un numéro FINESS a neuf caractères : deux pour le département (2A, 2B pour la Corse ; 97 suivi du code de '
                    + 'la collectivité, 98 pour Mayotte et Wallis-et-Futuna), sept chiffres dont la clé.',
                en: 'A FINESS number has nine characters: two for the département (2A, 2B for Corsica; 97 then the code of the '
                    + 'territory, 98 for Mayotte and Wallis-et-Futuna), seven digits including the key.',
            },
            quote: '"finessId": {"pattern": "^[A-Za-z0-9]{9}$"}',
            source: source('https://github.com/ansforge/finess'),
            note: 'V per DOMAIN.md §2.1: FINESS+ JSON schema (ansforge/finess, schema-structures-v1.json) and ref_etab.md '
                + '(Naamabak/sndc-documentations). Dated by the day the stored copies were consulted: the numbering is older.',
        }],
    },
    {
        id: 'REF:FINESS-KEY', kind: 'referentiel',
        title: 'clé de contrôle des numéros FINESS (Luhn, 2A → 21, 2B → 22), établie par le projet cpom',
        titleEn: 'Check key of FINESS numbers (Luhn, 2A → 21, 2B → 22), established by the cpom project',
        versions: [{
            from: RETRIEVED, start: 'attested', confidence: 'C',
            enactedBy: 'calcul du projet cpom (../shared/DOMAIN.md §2.2)',
            summary: {
                fr: 'Luhn (modulo 10) sur les neuf caractères, 2A lu 21 et 2B lu 22 : vérifié sur 207 numéros réels, 0 échec, '
                    + 'dont 21 corses (16 sur 16 hors échantillon) et plus de 30 d\'outre-mer.',
                en: 'Luhn (mod 10) over the nine characters, 2A read 21 and 2B read 22: checked on 207 real numbers, 0 failure, '
                    + 'including 21 Corsican (16/16 out of sample) and 30+ overseas.',
            },
            source: { url: 'seed:DOMAIN.md#2.2', retrieved: RETRIEVED },
            note: 'No official specification was found: the key is computed and cross-checked (C), not read in a text.',
        }],
    },
    {
        id: 'CCIV:1134', kind: 'code-article',
        title: 'article 1134 du code civil (rédaction antérieure à l\'ordonnance n° 2016-131)',
        titleEn: 'Code civil art. 1134, former wording (agreements revoked only by mutual consent)',
        versions: [{
            from: '1804-03-21', to: '2016-09-30', start: 'attested', confidence: 'V',
            enactedBy: 'code civil des Français (1804), art. 1134',
            summary: {
                fr: 'Les conventions tiennent lieu de loi à ceux qui les ont faites et ne peuvent être révoquées que de leur '
                    + 'consentement mutuel : un avenant non signé de toutes les parties ne modifie pas le contrat.',
                en: 'Agreements are law to those who made them and are revoked only by their mutual consent: an avenant not '
                    + 'signed by every party does not change the contract.',
            },
            quote: 'Elles ne peuvent être révoquées que de leur consentement mutuel, ou pour les causes que la loi autorise.',
            source: source('https://fr.wikisource.org/wiki/Page:Code_civil_des_Fran%C3%A7ais,_1804.djvu/277'),
            note: 'Quote V (Code civil des Français, 1804, wikisource; same wording in the Légifrance version of 21 Mar 1804 '
                + 'reproduced by justice.pappers.fr). End V: replaced by articles 1103, 1193 and 1104 on 1 Oct 2016 (ordonnance '
                + 'n° 2016-131, art. 9, quoted in the Dalloz print of the Code civil). Start attested by the 1804 edition.',
        }],
    },
    {
        id: 'CCIV:1193', kind: 'code-article',
        title: 'article 1193 du code civil', titleEn: 'Code civil art. 1193 (a contract is changed only by consent)',
        versions: [{
            from: '2016-10-01', start: 'exact', confidence: 'V',
            enactedBy: 'ordonnance n° 2016-131 du 10 février 2016 portant réforme du droit des contrats',
            summary: {
                fr: 'Un contrat ne peut être modifié ou révoqué que du consentement mutuel des parties, ou pour les causes que la '
                    + 'loi autorise : un avenant non signé de toutes les parties ne modifie pas le contrat.',
                en: 'A contract is changed or revoked only by the mutual consent of the parties, or for causes the law allows: an '
                    + 'avenant not signed by every party does not change the contract.',
            },
            quote: 'Les contrats ne peuvent être modifiés ou révoqués que du consentement mutuel des parties, ou pour les causes '
                + 'que la loi autorise.',
            source: source('https://www.help-voisinage.fr/Code%20Civil/files/basic-html/page397.html'),
            note: 'Quote V (Légifrance print of the Code civil, Jan 2018). Entry into force V: « Les dispositions de l\'Ord. '
                + 'n° 2016-131 du 10 févr. 2016 entrent en vigueur le 1er oct. 2016 » (ordonnance art. 9, quoted in the Dalloz '
                + 'print of the Code civil, pdfslide.net); also blogavocat.fr and Petites affiches, 27 May 2016 (S).',
        }],
    },
    {
        id: 'CIRCULAIRE:AFSA1307280C', kind: 'circulaire',
        title: 'circulaire DGCS/5C/DSS/CNSA n° 2013-106 du 15 mars 2013 relative aux orientations de l\'exercice 2013 pour la '
            + 'campagne budgétaire des établissements et services médico-sociaux (NOR : AFSA1307280C)',
        titleEn: 'Budget campaign circular 2013 (NOR AFSA1307280C)',
        versions: [{
            from: '2013-03-15', start: 'exact', confidence: 'V',
            enactedBy: 'circulaire du 15 mars 2013',
            summary: {
                fr: "Campagne budgétaire 2013 des ESMS pour personnes âgées et handicapées ; l'annexe 5 traite des crédits non "
                    + 'reconductibles, sans existence juridique propre, à tracer par les ARS.',
                en: 'Budget campaign 2013 of ESMS for elderly and disabled people; annex 5 deals with non-renewable credits, which '
                    + 'have no legal existence of their own and must be traced by the ARS.',
            },
            source: source('https://vdocuments.fr/afsa1307280c-agence-regionale-de-sante-direction-de-la-securite-sociale.html'),
            note: 'Date and « Date d\'application : IMMEDIATE » V. Annex 5 content S (DOMAIN.md §3, yumpu copy).',
        }],
    },
    {
        id: 'CIRCULAIRE:2007-03-26', kind: 'circulaire',
        title: 'circulaire interministérielle du 26 mars 2007 (CPOM couvrant plusieurs départements et autorités de tarification)',
        titleEn: 'Interministerial circular of 26 March 2007 (multi-département, multi-authority CPOM)',
        versions: [{
            from: '2007-03-26', start: 'exact', confidence: 'S',
            enactedBy: 'circulaire interministérielle du 26 mars 2007',
            summary: {
                fr: 'Élargit le CPOM, d\'abord départemental, aux gestionnaires d\'ESMS situés dans plusieurs départements et '
                    + 'relevant d\'autorités de tarification différentes.',
                en: 'Widens the CPOM, at first departmental, to managers of ESMS in several départements under different '
                    + 'tarification authorities.',
            },
            source: { url: 'seed:004', retrieved: '2026-12-02' },
            note: 'S: known only from the ARS Rhône-Alpes announcement of the MESSIDOR CPOM (24 June 2013, project seed 004). '
                + 'The circular itself was not found in any stored copy.',
        }],
    },
];
