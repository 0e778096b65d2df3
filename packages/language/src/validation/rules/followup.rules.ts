/** Catalogue entries of the rules in followup.ts: comité de suivi, reviews, budget deadlines. */
import { defineRule, variant } from '../../diagnostics/catalogue.js';

export const FOLLOWUP_RULES = [
    defineRule({
        code: 'CPOM080', name: 'ivter-comite', severity: 'error', category: 'follow-up', confidence: 'V',
        texts: ['ARRETE:2017-03-03'],
        title: { fr: 'CPOM EHPAD sans comité de suivi', en: 'EHPAD CPOM without comité de suivi' },
        params: {},
        message: {
            fr: "Un CPOM relevant du IV ter de l'article L.313-12 prévoit un comité de suivi et sa composition.",
            en: 'A CPOM under L.313-12 IV ter provides a comité de suivi and its members.'
        },
        rationale: {
            fr: 'Le cahier des charges institue un comité de suivi (département ou métropole, ARS, gestionnaire et autres membres). Article 5 : « Un comité de suivi du contrat est instauré dès la conclusion du contrat. Sa composition figure dans le contrat ». Erreur lorsque la date d\'effet suit l\'entrée en vigueur de l\'arrêté du 3 mars 2017 (11 mars 2017) ; avertissement avant.',
            en: 'The cahier des charges sets up a comité de suivi (département or métropole, ARS, gestionnaire and others). Article 5: "Un comité de suivi du contrat est instauré dès la conclusion du contrat. Sa composition figure dans le contrat". An error when the date d\'effet follows the entry into force of the arrêté of 3 March 2017 (11 March 2017); a warning before.'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017, article 5 (comité de suivi).',
            en: 'Arrêté du 3 mars 2017, art. 5 (comité de suivi).'
        }
    }),
    defineRule({
        code: 'CPOM081', name: 'ivter-reviews', severity: 'error', category: 'follow-up', confidence: 'V',
        texts: ['ARRETE:2017-03-03'],
        title: { fr: 'Revues de 3e et 5e année manquantes', en: 'Missing year-3 and year-5 reviews' },
        params: { mid: 'number', final: 'number', missing: 'list' },
        message: {
            fr: "Le comité de suivi d'un CPOM EHPAD se réunit la 3e année (revue à mi-parcours, {mid}) et la 5e année (bilan final, {final}) : ajoutez au suivi {missing}.",
            en: 'The comité de suivi of an EHPAD CPOM meets in year 3 (mid-term review, {mid}) and year 5 (final review, {final}): add {missing} to the suivi.'
        },
        rationale: {
            fr: 'Le comité de suivi se réunit la troisième année pour une revue à mi-parcours et la cinquième année pour le bilan final. Article 5 : « Le comité de suivi se réunit à deux reprises au cours du contrat : au cours de la troisième année, pour un point à mi-parcours ». Erreur lorsque la date d\'effet suit l\'entrée en vigueur de l\'arrêté du 3 mars 2017 (11 mars 2017) ; avertissement avant.',
            en: 'The comité de suivi meets in the third year for a mid-term review and in the fifth year for the final report. Article 5: "Le comité de suivi se réunit à deux reprises au cours du contrat : au cours de la troisième année, pour un point à mi-parcours". An error when the date d\'effet follows the entry into force of the arrêté of 3 March 2017 (11 March 2017); a warning before.'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017, article 5.',
            en: 'Arrêté du 3 mars 2017, art. 5.'
        }
    }),
    defineRule({
        code: 'CPOM082', name: 'gmp-pmp-year', severity: 'warning', category: 'follow-up', confidence: 'V',
        texts: ['ARRETE:2017-03-03'],
        title: { fr: 'Évaluation GMP/PMP hors 3e année', en: 'GMP/PMP assessment not in year 3' },
        params: {
            expected: 'number',
            actual: {
                phrase: {
                    years: variant({
                        params: { years: 'list', clause: 'text' },
                        fr: 'le contrat les prévoit en {years} : écrivez `{clause}`',
                        en: 'the contract plans them in {years}: write `{clause}`',
                    }),
                    none: variant({
                        params: { clause: 'text' },
                        fr: 'le contrat ne prévoit aucune évaluation : ajoutez `{clause}` au suivi',
                        en: 'the contract plans no assessment: add `{clause}` to the suivi',
                    }),
                },
            },
        },
        message: {
            fr: 'Le GMP et le PMP sont évalués la 3e année du contrat ({expected}) ; {actual}.',
            en: 'GMP and PMP are assessed in year 3 of the contract ({expected}); {actual}.'
        },
        rationale: {
            fr: 'Pour les EHPAD, le GMP et le PMP sont évalués avant le contrat et au cours de sa troisième année (validation au plus tard le 30 juin N-1 pour une application en N).',
            en: 'For EHPAD, the GMP and PMP are assessed before the contract and in its third year (validated by 30 June N-1 to apply in N).'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017.',
            en: 'Arrêté du 3 mars 2017.'
        }
    }),
    defineRule({
        code: 'CPOM083', name: 'review-year', severity: 'error', category: 'follow-up', confidence: 'T',
        texts: ['ARRETE:2017-03-03'],
        title: { fr: 'Revue hors période', en: 'Review outside the period' },
        params: { year: 'text', first: 'number', last: 'number' },
        message: {
            fr: "La revue prévue en {year} est hors de la période du contrat ({first}–{last}).",
            en: 'The review planned for {year} is outside the contract period ({first}–{last}).'
        },
        rationale: {
            fr: 'Les revues et les évaluations ont lieu pendant la durée du contrat.',
            en: 'Reviews and assessments take place during the contract.'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017, article 5.',
            en: 'Arrêté du 3 mars 2017, art. 5.'
        }
    }),
    defineRule({
        code: 'CPOM084', name: 'budget-deadline', severity: 'warning', category: 'follow-up', confidence: 'S',
        texts: ['CASF:R314-210', 'CASF:R314-232'],
        title: { fr: 'Échéance budgétaire tardive', en: 'Late budget deadline' },
        params: { document: 'text', date: 'text', deadline: { choice: { eprd: { fr: '30 juin', en: '30 June' }, errd: { fr: '30 avril', en: '30 April' } } } },
        message: {
            fr: "La transmission de l'{document} au {date} est postérieure à l'échéance réglementaire ({deadline}).",
            en: 'Sending the {document} on {date} is later than the regulatory deadline ({deadline}).'
        },
        rationale: {
            fr: "L'EPRD est transmis au plus tard le 30 juin de l'année, et l'ERRD au plus tard le 30 avril de l'année suivante.",
            en: 'The EPRD is sent by 30 June of the year and the ERRD by 30 April of the following year.'
        },
        source: {
            fr: "Articles R. 314-210 et R. 314-232 du CASF (calendrier de l'EPRD et de l'ERRD), tels que résumés par Nexem et le cabinet Albertine.",
            en: 'CASF R.314-210 and R.314-232 (EPRD, ERRD calendar), as summarised by Nexem and Cabinet Albertine.'
        }
    }),
    defineRule({
        code: 'CPOM085', name: 'comite-members', severity: 'warning', category: 'follow-up', confidence: 'V',
        texts: ['ARRETE:2017-03-03'],
        title: { fr: 'Signataire absent du comité de suivi', en: 'Signatory missing from the comité de suivi' },
        params: { party: 'text', label: 'text' },
        message: {
            fr: "{label} signe le contrat mais ne siège pas au comité de suivi : ajoutez {party} à la clause « comité ».",
            en: "{label} signs the contract but does not sit on the comité de suivi: add {party} to the 'comite' clause."
        },
        rationale: {
            fr: 'Le comité de suivi réunit les parties au contrat.',
            en: 'The comité de suivi gathers the parties to the contract.'
        },
        source: {
            fr: 'Arrêté du 3 mars 2017, article 5 (composition du comité de suivi).',
            en: 'Arrêté du 3 mars 2017, art. 5 (composition of the comité de suivi).'
        }
    }),
] as const;
