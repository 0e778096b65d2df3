/** Catalogue entries of the rules in amendments.ts: avenants. */
import { defineRule } from '../../diagnostics/catalogue.js';
import { ESTABLISHMENT_FACTS } from './perimeter.rules.js';

export const AMENDMENTS_RULES = [
    defineRule({
        code: 'CPOM090', name: 'avenant-period', severity: 'error', category: 'amendments', confidence: 'V',
        texts: ['ARRETE:2019-10-25', 'CASF:L313-11'],
        title: { fr: 'Avenant hors de la période du contrat', en: 'Amendment outside the contract period' },
        params: { number: 'text', effect: 'date', start: 'date', end: 'date' },
        message: {
            fr: "L'avenant n° {number} prend effet le {effect}, hors de la période du contrat ({start} – {end}).",
            en: 'Amendment no. {number} takes effect on {effect}, outside the contract period ({start} – {end}).'
        },
        rationale: {
            fr: "Un avenant modifie un contrat en vigueur : il prend effet entre la date d'effet et la fin du contrat (prorogation comprise).",
            en: 'An avenant modifies a contract in force: it takes effect between the date of effect and the end of the contract (prorogation included).'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019 (avenant pour modifier le contrat) ; article L. 313-11 du CASF.',
            en: 'Arrêté du 25 octobre 2019 (avenant to modify the contract); CASF L.313-11.'
        }
    }),
    defineRule({
        code: 'CPOM091', name: 'avenant-signatories', severity: 'error', category: 'amendments', confidence: 'V',
        texts: ['CCIV:1193', 'CCIV:1134', 'ARRETE:2019-10-25'],
        title: { fr: "Avenant non signé par toutes les parties", en: 'Amendment not signed by every party' },
        params: { party: 'text', label: 'text', number: 'text' },
        message: {
            fr: "{label}, partie au contrat, ne signe pas l'avenant n° {number} : ajoutez {party} à ses signataires.",
            en: '{label}, a party to the contract, does not sign amendment no. {number}: add {party} to its signatories.'
        },
        rationale: {
            fr: "Un contrat ne se modifie que du consentement de toutes ses parties : un avenant qu'une partie ne signe pas ne modifie pas le contrat. Il engage les mêmes parties que le contrat, ainsi que toute nouvelle autorité de tarification qu'il fait entrer. Avant le 1er octobre 2016, la même règle était à l'article 1134 du code civil.",
            en: 'A contract is changed only by the consent of all its parties: an avenant that a party does not sign does not change the contract. It binds the same parties as the contract, plus any new tarification authority it brings in. Before 1 October 2016 the same rule was in article 1134 of the Code civil.'
        },
        source: {
            fr: "Article 1193 du code civil : « Les contrats ne peuvent être modifiés ou révoqués que du consentement mutuel des parties » (depuis le 1er octobre 2016 ; avant, article 1134 du code civil) ; arrêté du 25 octobre 2019 (avenant).",
            en: 'Code civil art. 1193: "Les contrats ne peuvent être modifiés ou révoqués que du consentement mutuel des parties" (since 1 October 2016; before, Code civil art. 1134); arrêté du 25 octobre 2019 (avenant).'
        }
    }),
    defineRule({
        code: 'CPOM092', name: 'avenant-establishment', severity: 'warning', category: 'amendments', confidence: 'V',
        texts: ['ARRETE:2019-10-25'],
        title: { fr: 'Établissement ajouté incomplet', en: 'Incomplete added establishment' },
        params: { name: 'text', number: 'text', missing: { choices: ESTABLISHMENT_FACTS } },
        message: {
            fr: "L'établissement {name} ajouté par l'avenant n° {number} ne précise pas {missing}.",
            en: "Establishment {name} added by amendment no. {number} does not state {missing}."
        },
        rationale: {
            fr: 'Un établissement entre dans le périmètre par avenant, avec son numéro FINESS, sa capacité et son autorité de tarification. L\'obligation de l\'avenant et de ces mentions vient du modèle de contrat des CHRS (annexe II de l\'arrêté du 25 octobre 2019), que les parties peuvent adapter (article 1er) : avertissement.',
            en: 'An establishment enters the perimeter by avenant with its FINESS number, its capacity and its tarification authority. The avenant and these facts come from the CHRS model contract (annex II of the arrêté of 25 October 2019), which the parties may adapt (article 1): a warning.'
        },
        source: {
            fr: 'Arrêté du 25 octobre 2019, annexe : « un avenant devra être pris pour modifier la liste initiale ».',
            en: 'Arrêté du 25 octobre 2019, annex: "un avenant devra être pris pour modifier la liste initiale".'
        }
    }),
    defineRule({
        code: 'CPOM093', name: 'avenant-number', severity: 'error', category: 'amendments', confidence: 'T',
        title: { fr: "Numéro d'avenant en double", en: 'Duplicate amendment number' },
        params: { contract: 'text', number: 'text' },
        message: {
            fr: "Le contrat {contract} a déjà un avenant n° {number} : donnez à celui-ci le numéro suivant.",
            en: 'Contract {contract} already has an amendment no. {number}: give this one the next number.'
        },
        rationale: {
            fr: 'Les avenants sont numérotés successivement.',
            en: 'Avenants are numbered in sequence.'
        },
        source: {
            fr: 'Structure du langage CPOM.',
            en: 'CPOM language structure.'
        }
    }),
    defineRule({
        code: 'CPOM094', name: 'avenant-signature', severity: 'error', category: 'amendments', confidence: 'T',
        texts: ['CASF:L313-11'],
        title: { fr: "Avenant signé avant le contrat", en: 'Amendment signed before the contract' },
        params: { number: 'text', signature: 'date', contractSignature: 'date' },
        message: {
            fr: "L'avenant n° {number} est signé le {signature}, avant le contrat ({contractSignature}).",
            en: 'Amendment no. {number} is signed on {signature}, before the contract ({contractSignature}).'
        },
        rationale: {
            fr: 'Un avenant modifie un contrat déjà signé.',
            en: 'An avenant amends a signed contract.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF.',
            en: 'CASF L.313-11.'
        }
    }),
    defineRule({
        code: 'CPOM095', name: 'avenant-new-authority-signs', severity: 'error', category: 'amendments', confidence: 'V',
        texts: ['CASF:L313-11', 'ARRETE:2019-10-25'],
        title: { fr: "Nouvelle autorité non signataire de l'avenant", en: 'New authority does not sign the amendment' },
        params: { authority: 'text', establishment: 'text', number: 'text', id: 'text' },
        message: {
            fr: "{authority}, autorité de tarification de l'établissement ajouté {establishment}, ne signe pas l'avenant n° {number} : ajoutez {id} à ses signataires.",
            en: '{authority}, tarification authority of the added establishment {establishment}, does not sign amendment no. {number}: add {id} to its signatories.'
        },
        rationale: {
            fr: "Lorsqu'un avenant fait entrer un ESMS relevant d'une autre autorité de tarification, celle-ci est cosignataire. Le contrat est conclu avec « la ou les autorités chargées de la tarification » (article L. 313-11 du CASF) : l'autorité d'un établissement ajouté devient partie et signe l'avenant. Erreur lorsque la version de l'article L. 313-11 en vigueur à la date de l'avenant a été lue dans le texte (depuis le 4 mars 2022) ; avertissement avant.",
            en: 'When an avenant brings in an ESMS under another tarification authority, that authority co-signs. The contract is concluded with "la ou les autorités chargées de la tarification" (CASF L.313-11): the authority of an added establishment becomes a party and signs the avenant. An error when the version of L.313-11 in force on the avenant\'s date was read in the text (since 4 March 2022); a warning before.'
        },
        source: {
            fr: "Article L. 313-11 du CASF (« la ou les autorités chargées de la tarification ») ; arrêté du 25 octobre 2019, annexe : « celle-ci est co-signataire ».",
            en: "CASF L.313-11 (\"la ou les autorités chargées de la tarification\"); arrêté of 25 October 2019, annex: \"celle-ci est co-signataire\"."
        }
    }),
] as const;
