/** Catalogue entries of the rules in dates.ts: impossible dates, duration, prorogation, signature dates. */
import { defineRule, variant } from '../../diagnostics/catalogue.js';

export const DATES_RULES = [
    defineRule({
        code: 'CPOM008', name: 'invalid-date', severity: 'error', category: 'dates', confidence: 'T',
        title: { fr: 'Date impossible', en: 'Impossible date' },
        params: { date: 'text' },
        message: {
            fr: "La date « {date} » n'existe pas.",
            en: "The date '{date}' does not exist."
        },
        rationale: {
            fr: "Les dates s'écrivent `AAAA-MM-JJ` (ISO 8601). Un mois supérieur à 12 ou un jour au-delà de la fin du mois (2013-02-30) est une erreur de saisie.",
            en: 'Dates are written `AAAA-MM-JJ` (ISO 8601). A month above 12 or a day past the end of the month (2013-02-30) is a typing error.'
        },
        source: {
            fr: 'Norme ISO 8601.',
            en: 'ISO 8601.'
        }
    }),
    defineRule({
        code: 'CPOM010', name: 'end-before-effect', severity: 'error', category: 'dates', confidence: 'T',
        texts: ['CASF:L313-11'],
        title: { fr: "Fin avant la date d'effet", en: 'End before the date of effect' },
        params: { end: 'date', effect: 'date' },
        message: {
            fr: "La date de fin ({end}) précède la date d'effet ({effect}).",
            en: 'The end date ({end}) is before the date of effect ({effect}).'
        },
        rationale: {
            fr: "Un contrat prend fin après sa date d'effet.",
            en: 'A contract ends after it takes effect.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF (contrat conclu pour une durée donnée).',
            en: 'CASF L.313-11 (contract concluded for a duration).'
        }
    }),
    defineRule({
        code: 'CPOM011', name: 'duration-max', severity: 'error', category: 'dates', confidence: 'V',
        texts: ['CASF:L313-11'],
        title: { fr: 'Durée supérieure à cinq ans', en: 'Term longer than five years' },
        params: { effect: 'date', end: 'date', max: 'date' },
        message: {
            fr: 'Le contrat court du {effect} au {end}, soit plus de cinq ans (fin au plus tard le {max}).',
            en: 'The contract runs from {effect} to {end}, more than five years (latest end {max}).'
        },
        rationale: {
            fr: "Un CPOM est conclu « sur une durée maximale de cinq ans ». Le dernier jour d'un contrat de cinq ans est la veille du cinquième anniversaire de sa date d'effet (effet : 2013-01-01, fin : 2017-12-31).",
            en: 'A CPOM is concluded "sur une durée maximale de cinq ans". The last day of a five-year contract is the day before the fifth anniversary of its date of effect (effect 2013-01-01, end 2017-12-31).'
        },
        source: {
            fr: 'Article L. 313-11 du CASF (version en vigueur depuis le 4 mars 2022) : « sur une durée maximale de cinq ans ».',
            en: 'CASF L.313-11 (version in force since 4 March 2022): "sur une durée maximale de cinq ans".'
        }
    }),
    defineRule({
        code: 'CPOM012', name: 'prorogation-max', severity: 'error', category: 'dates', confidence: 'V',
        texts: ['CASF:L313-11', 'ARRETE:2017-03-03'],
        title: { fr: 'Prorogation au-delà de la sixième année', en: 'Prorogation beyond a sixth year' },
        params: { prorogation: 'date', max: 'date' },
        message: {
            fr: 'La prorogation au {prorogation} porte la durée totale au-delà de six ans (au plus tard le {max}).',
            en: 'The prorogation to {prorogation} takes the total term beyond six years (latest {max}).'
        },
        rationale: {
            fr: "Le contrat est « prorogeable dans la limite d'une sixième année » : prorogation comprise, un CPOM dure six ans au plus. Une prorogation doit en outre prendre fin après la date de fin initiale.",
            en: 'The contract is "prorogeable dans la limite d\'une sixième année": with its prorogation, a CPOM lasts six years at most. A prorogation must also end after the initial end date.'
        },
        source: {
            fr: "Article L. 313-11 du CASF : « prorogeable dans la limite d'une sixième année » ; arrêté du 3 mars 2017 (prorogation d'un an au plus).",
            en: 'CASF L.313-11: "prorogeable dans la limite d\'une sixième année"; arrêté du 3 mars 2017 (prorogation ≤ 1 year).'
        }
    }),
    defineRule({
        code: 'CPOM016', name: 'prorogation-before-end', severity: 'error', category: 'dates', confidence: 'T',
        texts: ['CASF:L313-11'],
        title: { fr: 'Prorogation qui ne prolonge pas', en: 'Prorogation that does not extend' },
        params: { prorogation: 'date', end: 'date' },
        message: {
            fr: 'La prorogation au {prorogation} ne prolonge pas le contrat, qui finit le {end}.',
            en: 'The prorogation to {prorogation} does not extend the contract, which ends on {end}.'
        },
        rationale: {
            fr: "Une prorogation prolonge le contrat au-delà de sa date de fin initiale (d'un an au plus).",
            en: 'A prorogation extends the contract beyond its initial end date (by one year at most).'
        },
        source: {
            fr: "Article L. 313-11 du CASF (« prorogeable dans la limite d'une sixième année »).",
            en: 'CASF L.313-11 ("prorogeable dans la limite d\'une sixième année").'
        }
    }),
    defineRule({
        code: 'CPOM013', name: 'ivter-duration', severity: 'warning', category: 'dates', confidence: 'V',
        texts: ['ARRETE:2017-03-03', 'CASF:L313-12-IVter'],
        title: { fr: 'CPOM EHPAD de durée différente de cinq ans', en: 'EHPAD CPOM not lasting five years' },
        params: { effect: 'date', end: 'date' },
        message: {
            fr: 'Un CPOM relevant du IV ter de l\'article L.313-12 est conclu pour cinq ans ; celui-ci court du {effect} au {end}.',
            en: 'A CPOM under L.313-12 IV ter is concluded for five years; this one runs from {effect} to {end}.'
        },
        rationale: {
            fr: "Le cahier des charges du CPOM des EHPAD et des PUV fixe une durée de cinq ans. Des durées plus courtes se rencontrent en pratique (alignement de plusieurs contrats), d'où un simple avertissement.",
            en: 'The cahier des charges of the EHPAD/PUV CPOM sets a term of five years. Shorter terms are seen in practice (alignment of several contracts), hence a warning.'
        },
        source: {
            fr: "Arrêté du 3 mars 2017 fixant le cahier des charges du CPOM (IV ter de l'article L. 313-12 du CASF) : CPOM « conclu pour une durée de cinq ans ».",
            en: 'Arrêté du 3 mars 2017 fixant le cahier des charges du CPOM (L.313-12 IV ter): CPOM "conclu pour une durée de cinq ans".'
        }
    }),
    defineRule({
        code: 'CPOM014', name: 'signature-after-effect', severity: 'info', category: 'dates', confidence: 'S',
        title: { fr: "Signature postérieure à la date d'effet", en: 'Signed after its date of effect' },
        params: { signature: 'date', effect: 'date' },
        message: {
            fr: "Le contrat est signé le {signature}, après sa date d'effet ({effect}) : c'est permis, la date d'effet reste celle du contrat.",
            en: 'The contract is signed on {signature}, after its date of effect ({effect}): this is allowed, the date of effect stands.'
        },
        rationale: {
            fr: 'Un contrat peut prendre effet avant sa signature (MESSIDOR : effet au 1er janvier 2013, signature le 20 juin 2013). La note rend la rétroactivité visible aux relecteurs.',
            en: 'A contract may take effect before it is signed (MESSIDOR: effect 1 January 2013, signed 20 June 2013). The note makes the retroactivity visible to reviewers.'
        },
        source: {
            fr: "ARS Rhône-Alpes, annonce du CPOM MESSIDOR (24 juin 2013) ; la FAQ 2017 de la DGCS distingue date d'effet et date de signature.",
            en: 'ARS Rhône-Alpes, announcement of the MESSIDOR CPOM (24 June 2013); DGCS FAQ 2017 distinguishes date of effect and date of signature.'
        }
    }),
    defineRule({
        code: 'CPOM017', name: 'frame-not-in-force', severity: 'error', category: 'dates', confidence: 'V',
        texts: ['CASF:L313-11-1', 'CASF:L313-12-2', 'CASF:L313-12-IVter', 'CASF:L313-11-2'],
        title: { fr: "Cadre légal pas encore en vigueur à la date d'effet", en: 'Legal frame not yet in force on the date of effect' },
        params: {
            frame: 'text',
            date: 'date',
            since: {
                phrase: {
                    verified: variant({
                        params: { from: 'date', enactedBy: 'text' },
                        fr: "il n'existe que depuis le {from} ({enactedBy})",
                        en: 'it exists only since {from} ({enactedBy})',
                    }),
                    unverified: variant({
                        params: { from: 'date' },
                        fr: "il n'est attesté qu'à partir du {from} (date non vérifiée dans le texte : avertissement)",
                        en: 'it is attested only from {from} (date not verified in the text: a warning)',
                    }),
                },
            },
        },
        message: {
            fr: 'Le contrat se place sous le cadre {frame} au {date}, mais {since}.',
            en: 'The contract is made under the frame {frame} on {date}, but {since}.'
        },
        rationale: {
            fr: "Un contrat est conclu sous le droit en vigueur à sa date d'effet (un avenant à la sienne, ou la date de `cpom check --droit-au`). Les CPOM obligatoires sont récents : L. 313-11-1 (SAAD) depuis la loi du 28 décembre 2015, L. 313-12-2 (handicap, SSIAD) depuis la LFSS pour 2016, IV ter de L. 313-12 (EHPAD) depuis le 1er janvier 2017, L. 313-11-2 (CHRS) depuis la loi ELAN. Un contrat antérieur relève de L. 313-11. Quand le registre du droit ne tient la date d'entrée en vigueur que d'une source secondaire, la règle ne signale qu'un avertissement ; elle signale une erreur quand la date est lue dans le texte, ou que le contrat précède la loi même qui a créé le cadre.",
            en: 'A contract is concluded under the law in force on its date of effect (an avenant on its own, or the date of `cpom check --droit-au`). The mandatory CPOM are recent: L.313-11-1 (SAAD) since the law of 28 December 2015, L.313-12-2 (disability, SSIAD) since the LFSS for 2016, L.313-12 IV ter (EHPAD) since 1 January 2017, L.313-11-2 (CHRS) since the loi ELAN. An earlier contract is an L.313-11 CPOM. When the law registry holds the date of entry into force only from a secondary source, the rule reports a warning; it reports an error when the date was read in the text, or when the contract precedes the very law that created the frame.'
        },
        source: {
            fr: 'Articles L. 313-11-1, L. 313-12-2, L. 313-12 (IV ter) et L. 313-11-2 du CASF, dans leurs versions datées (registre du droit, docs/law/sources.md).',
            en: 'CASF L.313-11-1, L.313-12-2, L.313-12 IV ter and L.313-11-2, in their dated versions (law registry, docs/law/sources.md).'
        }
    }),
    defineRule({
        code: 'CPOM018', name: 'action-deadline-outside-period', severity: 'warning', category: 'dates', confidence: 'S',
        texts: ['ARRETE:2019-10-25'],
        title: { fr: "Échéance d'action hors de la période du contrat", en: 'Action deadline outside the contract period' },
        params: { action: 'text', deadline: 'date', effect: 'date', end: 'date' },
        message: {
            fr: "L'action « {action} » a pour échéance le {deadline}, hors de la période du contrat ({effect} – {end}).",
            en: "Action '{action}' is due on {deadline}, outside the contract period ({effect} – {end})."
        },
        rationale: {
            fr: "Les objectifs sont déclinés en actions assorties d'un calendrier prévisionnel sur la durée du contrat : une échéance avant la date d'effet ou après la fin (prorogation comprise) est probablement une erreur de saisie, ou une action qui relève d'un autre contrat. Aucun texte ne l'interdit : un avertissement.",
            en: 'Objectives are broken into actions with a provisional timetable over the term of the contract: a deadline before the date of effect or after the end (prorogation included) is probably a typing error, or an action of another contract. No text forbids it: a warning.'
        },
        source: {
            fr: "Arrêté du 25 octobre 2019 (modèle de CPOM : objectifs « déclinés en actions, assortis d'indicateurs » et d'un calendrier prévisionnel).",
            en: 'Arrêté du 25 octobre 2019 (model CPOM: objectives "déclinés en actions, assortis d\'indicateurs" with a provisional timetable).'
        }
    }),
    defineRule({
        code: 'CPOM015', name: 'signature-after-end', severity: 'error', category: 'dates', confidence: 'T',
        texts: ['CASF:L313-11'],
        title: { fr: 'Signature après la fin du contrat', en: 'Signed after the contract ends' },
        params: { signature: 'date', end: 'date' },
        message: {
            fr: 'La date de signature ({signature}) est postérieure à la fin du contrat ({end}).',
            en: 'The signature date ({signature}) is after the end of the contract ({end}).'
        },
        rationale: {
            fr: 'Un contrat ne peut pas être signé une fois son terme échu.',
            en: 'A contract cannot be signed once its term is over.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF.',
            en: 'CASF L.313-11.'
        }
    }),
] as const;
