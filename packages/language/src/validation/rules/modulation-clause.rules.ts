/**
 * Catalogue entries of the rules in modulation-clause.ts: the `modulation` clause as the contract writes it (threshold,
 * formula, establishments, last known measures). The frame rules of modulation (CPOM067–069, CPOM150) are in
 * funding.rules.ts.
 */
import { defineRule, variant } from '../../diagnostics/catalogue.js';

/** A proposal about the modulation that article R. 314-43-2 allows (the coherence itself is no text's). */
const PROPOSAL_ON_R314_43_2 = {
    fr: 'Article R. 314-43-2 du CASF (modulation selon des objectifs d\'activité) ; la cohérence vérifiée est une proposition du projet cpom.',
    en: 'CASF R.314-43-2 (modulation by activity objectives); the coherence checked is a proposal of the cpom project.',
} as const;

export const MODULATION_CLAUSE_RULES = [
    defineRule({
        code: 'CPOM170', name: 'modulation-establishment-not-funded', severity: 'warning', category: 'funding', confidence: 'T',
        texts: ['CASF:R314-43-2'],
        title: { fr: 'Modulation d\'un établissement que la ligne ne finance pas', en: 'Modulation of an establishment the line does not fund' },
        params: { establishment: 'text', name: 'text' },
        message: {
            fr: "La modulation de « {name} » nomme « {establishment} », que cette ligne ne finance pas : rattachez-le à la ligne (`etablissements`) ou retirez-le de la modulation.",
            en: "The modulation of '{name}' names '{establishment}', which this line does not fund: add it to the line (`etablissements`) or remove it from the modulation."
        },
        rationale: {
            fr: "L'abattement se calcule sur la part de la ligne qui revient à l'établissement, au vu de sa propre activité (l'article R. 314-43-2 du CASF fixe l'abattement par établissement) : un établissement que la ligne ne finance pas n'a pas de part à minorer.",
            en: 'The abattement is computed on the establishment\'s share of the line, from its own activity (CASF R.314-43-2 sets the abattement per establishment): an establishment the line does not fund has no share to reduce.'
        },
        source: { fr: 'Article R. 314-43-2 du CASF ; cohérence du contrat.', en: 'CASF R.314-43-2; consistency of the contract.' },
    }),
    defineRule({
        code: 'CPOM171', name: 'modulation-formula-abattement', severity: 'warning', category: 'funding', confidence: 'T',
        texts: ['CASF:R314-43-2'],
        title: { fr: 'Formule et abattement de la modulation en désaccord', en: 'Modulation formula and abattement disagree' },
        params: {
            name: 'text',
            problem: {
                phrase: {
                    missing: variant({ params: {}, fr: 'la formule choisie demande un abattement (`abattement 30 %`, ou un montant pour une formule forfaitaire)', en: 'the formula needs an abattement (`abattement 30 %`, or an amount for a fixed one)' }),
                    ignored: variant({ params: {}, fr: "la formule `demi_ecart` prend la moitié de l'écart : l'abattement écrit n'est pas appliqué", en: 'the `demi_ecart` formula takes half of the gap: the abattement written is not applied' }),
                    euros: variant({ params: {}, fr: "un abattement en euros ne s'applique pas à un écart : écrivez `formule forfaitaire`", en: 'an abattement in euros does not apply to a gap: write `formule forfaitaire`' }),
                },
            },
        },
        message: {
            fr: "Modulation de « {name} » : {problem}.",
            en: "Modulation of '{name}': {problem}."
        },
        rationale: {
            fr: "Le suivi annuel calcule la minoration avec la formule du contrat : la moitié de l'écart (`demi_ecart`), l'abattement appliqué à l'écart (`proportionnelle`, par défaut) ou un abattement forfaitaire dès que l'activité est sous le seuil (`forfaitaire`). Une formule sans le nombre qu'elle emploie, ou un nombre que la formule n'emploie pas, laisse le montant indéterminé ou trompeur.",
            en: 'The yearly follow-up computes the reduction with the contract\'s formula: half of the gap (`demi_ecart`), the abattement applied to the gap (`proportionnelle`, the default) or a fixed abattement once the activity is below the threshold (`forfaitaire`). A formula without the number it uses, or a number the formula does not use, leaves the amount undetermined or misleading.'
        },
        source: PROPOSAL_ON_R314_43_2,
    }),
    defineRule({
        code: 'CPOM172', name: 'modulation-ehpad-formula', severity: 'warning', category: 'funding', confidence: 'V',
        texts: ['CASF:R314-160', 'CASF:R314-174'],
        title: { fr: 'Formule de modulation d\'un forfait d\'EHPAD', en: 'Modulation formula of an EHPAD forfait' },
        params: { name: 'text' },
        message: {
            fr: "« {name} » est un forfait global d'EHPAD : sa minoration est la moitié de l'écart entre le seuil et le taux d'occupation (articles R. 314-160 et R. 314-174 du CASF), pas la formule écrite ; écrivez `formule demi_ecart` ou retirez la formule.",
            en: "'{name}' is an EHPAD global forfait: its reduction is half of the gap between the threshold and the occupancy (CASF R.314-160 and R.314-174), not the formula written; write `formule demi_ecart` or remove the formula."
        },
        rationale: {
            fr: "Pour le forfait global relatif à la dépendance, le pourcentage de minoration « est égal à la moitié de la différence entre le seuil […] et le taux d'occupation » (article R. 314-174 du CASF, 3°) ; l'article R. 314-160 dit de même pour le forfait global relatif aux soins. Un contrat ne déroge pas à un décret : le suivi applique la formule réglementaire quelle que soit celle du contrat. Avertissement : la clause écrite trompe le lecteur, elle ne change pas le calcul.",
            en: 'For the dependency forfait, the percentage of reduction "est égal à la moitié de la différence entre le seuil […] et le taux d\'occupation" (CASF R.314-174 3°); R.314-160 says the same for the care forfait. A contract does not derogate from a décret: the follow-up applies the regulatory formula whatever the contract writes. A warning: the clause misleads the reader, it does not change the calculation.'
        },
        source: { fr: 'Articles R. 314-160 et R. 314-174 du CASF.', en: 'CASF R.314-160 and R.314-174.' },
    }),
    defineRule({
        code: 'CPOM173', name: 'modulation-reference-not-known', severity: 'warning', category: 'funding', confidence: 'G',
        texts: ['CASF:R314-43-2'],
        title: { fr: 'Mesure de référence d\'une année pas encore close', en: 'Reference measure of a year not yet closed' },
        params: { year: 'number', signed: 'number' },
        message: {
            fr: "La mesure d'activité de référence porte sur {year}, qui n'est pas close à la signature du contrat ({signed}) : la dernière mesure connue est celle d'une année antérieure.",
            en: 'The reference activity measure is for {year}, which is not closed when the contract is signed ({signed}): the last known measure is that of an earlier year.'
        },
        rationale: {
            fr: "L'abattement se fonde sur la dernière mesure connue de l'activité (article R. 314-43-2 du CASF) : l'activité d'une année n'est connue qu'une fois l'année close (rapport d'activité, ERRD). Une mesure de l'année de signature ou d'une année postérieure est une prévision, pas une mesure.",
            en: 'The abattement rests on the last known measure of activity (CASF R.314-43-2): a year\'s activity is known only once the year is closed (activity report, ERRD). A measure of the signing year or a later one is a forecast, not a measure.'
        },
        source: PROPOSAL_ON_R314_43_2,
    }),
    defineRule({
        code: 'CPOM174', name: 'modulation-threshold-unit', severity: 'warning', category: 'funding', confidence: 'T',
        texts: ['CASF:R314-43-2'],
        title: { fr: 'Seuil de modulation dans une unité qui ne convient pas au critère', en: 'Modulation threshold in a unit that does not fit the criterion' },
        params: {
            threshold: 'text',
            expected: {
                phrase: {
                    rate: variant({ params: {}, fr: "un taux d'occupation se compare à un seuil en % (`seuil 95 %`)", en: 'an occupancy rate compares with a threshold in % (`seuil 95 %`)' }),
                    count: variant({ params: {}, fr: 'un nombre de personnes ou de prestations se compare à un seuil sans unité (`seuil 180`)', en: 'a number of persons or prestations compares with a threshold without unit (`seuil 180`)' }),
                    euros: variant({ params: {}, fr: "un seuil d'activité ne s'écrit pas en euros", en: 'an activity threshold is not written in euros' }),
                },
            },
        },
        message: {
            fr: "Seuil de {threshold} : {expected}.",
            en: 'Threshold of {threshold}: {expected}.'
        },
        rationale: {
            fr: "Le seuil se compare à la mesure du critère (article R. 314-43-2 du CASF : taux d'occupation, nombre de personnes accompagnées, nombre de prestations) : un seuil dans une autre unité ne peut pas être comparé et le suivi ne calcule aucune minoration.",
            en: 'The threshold compares with the criterion\'s measure (CASF R.314-43-2: occupancy rate, persons accompanied, prestations): a threshold in another unit cannot be compared, and the follow-up computes no reduction.'
        },
        source: { fr: 'Article R. 314-43-2 du CASF ; cohérence du contrat.', en: 'CASF R.314-43-2; consistency of the contract.' },
    }),
] as const;
