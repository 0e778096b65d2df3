/** Catalogue entries of the rules in clauses.ts: the contract's own visas, the clauses of Titre 2, authorities over several départements. */
import { defineRule } from '../../diagnostics/catalogue.js';

const VISA_ACTS = {
    autorisation: { fr: "l'arrêté d'autorisation", en: 'the authorisation order' },
    deliberation: { fr: 'la délibération', en: 'the deliberation' },
} as const;

export const CLAUSES_RULES = [
    defineRule({
        code: 'CPOM160', name: 'visa-act-date', severity: 'warning', category: 'structure', confidence: 'G',
        title: { fr: 'Acte visé sans date', en: 'Act cited in the visas without a date' },
        params: { act: { choice: VISA_ACTS } },
        message: {
            fr: "Le visa de {act} ne donne pas sa date : ajoutez `du AAAA-MM-JJ`.",
            en: 'The visa of {act} gives no date: add `du AAAA-MM-JJ`.'
        },
        rationale: {
            fr: "Un arrêté ou une délibération se cite par sa date (et son numéro s'il en a un) : sans elle, le visa ne désigne pas un acte précis et le contrat ne permet pas de le retrouver.",
            en: 'An order or a deliberation is cited by its date (and number, if any): without it the visa names no precise act and the contract does not let the reader find it.'
        },
        source: { fr: 'Usage de rédaction des actes administratifs (proposition du projet cpom).', en: 'Drafting practice of administrative acts (cpom project proposal).' }
    }),
    defineRule({
        code: 'CPOM161', name: 'visa-authorisation-establishment', severity: 'warning', category: 'perimeter', confidence: 'G',
        title: { fr: "Arrêté d'autorisation sans établissement du périmètre", en: 'Authorisation order with no establishment of the perimeter' },
        params: { detail: { choice: {
            none: { fr: "ne dit pas quel établissement il autorise : ajoutez `pour ETABLISSEMENT`", en: 'does not say which establishment it authorises: add `pour ESTABLISHMENT`' },
            outside: { fr: "autorise un établissement qui n'est pas dans le périmètre du contrat", en: "authorises an establishment that is not in the contract's perimeter" },
        } } },
        message: {
            fr: "Le visa de l'arrêté d'autorisation {detail}.",
            en: 'The visa of the authorisation order {detail}.'
        },
        rationale: {
            fr: "Le contrat vise les arrêtés d'autorisation des établissements et services qu'il couvre : chacun se rapporte à un établissement du périmètre, nommé pour que le document le désigne par son nom.",
            en: 'The contract cites the authorisation orders of the establishments and services it covers: each one concerns an establishment of the perimeter, named so that the document designates it by its name.'
        },
        source: { fr: 'Usage des contrats signés (proposition du projet cpom).', en: 'Practice of signed contracts (cpom project proposal).' }
    }),
    defineRule({
        code: 'CPOM162', name: 'visa-after-signature', severity: 'warning', category: 'dates', confidence: 'G',
        title: { fr: 'Acte visé postérieur à la signature', en: 'Act cited in the visas dated after the signature' },
        params: { date: 'date', signature: 'date' },
        message: {
            fr: "L'acte visé est daté du {date}, après la signature du contrat le {signature} : un visa cite un acte qui existe quand le contrat est signé.",
            en: 'The act cited is dated {date}, after the contract was signed on {signature}: a visa cites an act that exists when the contract is signed.'
        },
        rationale: {
            fr: "Les visas énumèrent les textes et les actes sur lesquels le contrat se fonde au jour de sa signature. Une date postérieure est le plus souvent une faute de frappe ; un acte pris ensuite se cite dans un avenant.",
            en: 'The visas list the texts and acts the contract rests on the day it is signed. A later date is most often a typing error; an act taken afterwards is cited in an avenant.'
        },
        source: { fr: 'Usage de rédaction des actes administratifs (proposition du projet cpom).', en: 'Drafting practice of administrative acts (cpom project proposal).' }
    }),
    defineRule({
        code: 'CPOM163', name: 'clause-repeated', severity: 'warning', category: 'structure', confidence: 'T',
        title: { fr: 'Clause rédigée deux fois', en: 'Clause written twice' },
        params: { clause: 'text' },
        message: {
            fr: "La clause « {clause} » est déjà rédigée plus haut : seule la première figure dans le contrat.",
            en: "Clause '{clause}' is already written above: only the first one appears in the contract."
        },
        rationale: {
            fr: "Chaque clause du titre 2 (affectation des résultats, résiliation, litiges…) est un article du contrat : deux rédactions de la même clause se contrediraient. Réunissez-les en une seule.",
            en: 'Each clause of title 2 (allocation of results, termination, disputes…) is one article of the contract: two wordings of the same clause would contradict each other. Merge them into one.'
        },
        source: { fr: 'Structure du langage CPOM.', en: 'CPOM language structure.' }
    }),
    defineRule({
        code: 'CPOM164', name: 'tripartite-outside-ivter', severity: 'warning', category: 'structure', confidence: 'S',
        texts: ['CASF:L313-12-IVter'],
        title: { fr: 'Fin des conventions tripartites hors CPOM d\'EHPAD', en: 'End of tripartite agreements outside an EHPAD CPOM' },
        params: {},
        message: {
            fr: "La clause sur la fin des conventions tripartites ne concerne que les CPOM d'EHPAD (IV ter de l'article L. 313-12) : ajoutez ce cadre ou retirez la clause.",
            en: 'The clause on the end of tripartite agreements only concerns EHPAD CPOM (L.313-12 IV ter): add that frame or remove the clause.'
        },
        rationale: {
            fr: "Le CPOM du IV ter de l'article L. 313-12 remplace la convention pluriannuelle tripartite des EHPAD. Un contrat conclu dans un autre cadre ne met fin à aucune convention tripartite.",
            en: 'The CPOM of L.313-12 IV ter replaces the tripartite multi-year agreement of EHPAD. A contract under another frame ends no tripartite agreement.'
        },
        source: {
            fr: "IV ter de l'article L. 313-12 du CASF (depuis le 1er janvier 2017) : le contrat remplace la convention tripartite.",
            en: 'CASF L.313-12 IV ter (since 1 January 2017): the contract replaces the tripartite agreement.'
        }
    }),
    defineRule({
        code: 'CPOM165', name: 'departmental-authority-departments', severity: 'warning', category: 'parties', confidence: 'S',
        texts: ['CIRCULAIRE:2007-03-26'],
        title: { fr: 'Conseil départemental couvrant plusieurs départements', en: 'Departmental council over several départements' },
        params: { authority: 'text', departments: 'list' },
        message: {
            fr: "L'autorité {authority} couvre les départements {departments}, qu'aucune collectivité ne réunit à la date du contrat : déclarez une autorité par département.",
            en: "Authority {authority} covers départements {departments}, which no single collectivité holds at the contract's date: declare one authority per département."
        },
        rationale: {
            fr: "Un conseil départemental exerce ses compétences sur un seul département ; seules quelques collectivités en réunissent plusieurs (Collectivité de Corse pour 2A et 2B depuis 2018, Collectivité européenne d'Alsace pour 67 et 68 depuis 2021). Dans un CPOM sur plusieurs départements, chaque président de conseil départemental est une partie distincte qui signe pour le sien.",
            en: "A departmental council holds its powers over one département; only a few collectivités hold several (Collectivité de Corse for 2A and 2B since 2018, Collectivité européenne d'Alsace for 67 and 68 since 2021). In a CPOM over several départements each president of a departmental council is a distinct party signing for their own."
        },
        source: {
            fr: "Circulaire interministérielle du 26 mars 2007 (CPOM sur plusieurs départements) ; registre territorial du projet (loi NOTRe, art. 30 ; loi n° 2019-816 du 2 août 2019) ; DOMAIN.md §8.",
            en: 'Circulaire interministérielle du 26 mars 2007 (CPOM over several départements); territorial registry of the project (loi NOTRe art. 30; loi 2019-816 of 2 August 2019); DOMAIN.md §8.'
        }
    }),
    defineRule({
        code: 'CPOM166', name: 'tarification-outside-territory', severity: 'warning', category: 'perimeter', confidence: 'G',
        title: { fr: "Établissement hors du territoire de son autorité", en: "Establishment outside its authority's territory" },
        params: { establishment: 'text', department: 'text', authority: 'text', departments: 'list' },
        message: {
            fr: "L'établissement {establishment} est dans le département {department}, que l'autorité {authority} ne couvre pas (elle couvre : {departments}) : ajoutez ce département à l'autorité, ou nommez l'autorité de ce département.",
            en: "Establishment {establishment} is in département {department}, which authority {authority} does not cover (it covers: {departments}): add that département to the authority, or name the authority of that département."
        },
        rationale: {
            fr: "Une autorité qui déclare ses départements tarifie les établissements situés sur ce territoire. Un établissement d'un autre département relève d'une autre autorité, ou la liste des départements de l'autorité est incomplète.",
            en: 'An authority that declares its départements tarifies the establishments located in that territory. An establishment of another département falls under another authority, or the list of départements of the authority is incomplete.'
        },
        source: { fr: 'Compétence territoriale des autorités de tarification (proposition du projet cpom).', en: 'Territorial competence of tarification authorities (cpom project proposal).' }
    }),
    defineRule({
        code: 'CPOM190', name: 'visa-withdrawal-none', severity: 'warning', category: 'amendments', confidence: 'T',
        title: { fr: 'Retrait d\'un visa que le contrat ne comporte pas', en: 'Withdrawal of a visa the contract does not contain' },
        params: { number: 'text', visa: 'text' },
        message: {
            fr: "L'avenant n° {number} retire le visa {visa}, que le contrat ne comporte pas à cette date : le retrait est sans effet. Vérifiez le genre, le texte et la date du visa.",
            en: "Amendment no. {number} withdraws the visa {visa}, which the contract does not contain at that date: the withdrawal has no effect. Check the kind, text and date of the visa."
        },
        rationale: {
            fr: "`retire visa GENRE \"texte\" du DATE` retire les visas en vigueur de ce genre (ayant ce texte et cette date s'ils sont donnés) : ceux du contrat, des avenants antérieurs et ceux que l'avenant a ajoutés plus haut. Un retrait qui ne désigne aucun visa ne change rien au contrat consolidé, alors que le texte de l'avenant dit le contraire : le plus souvent, le texte ou la date diffèrent de ceux du visa.",
            en: '`retire visa KIND "text" du DATE` withdraws the visas in force of that kind (with that text and date when given): those of the contract, of the earlier avenants and those the avenant added above. A withdrawal that names no visa changes nothing in the consolidated contract, while the avenant says otherwise: most often the text or the date differ from the visa\'s.'
        },
        source: { fr: 'Structure du langage CPOM.', en: 'CPOM language structure.' }
    }),
    defineRule({
        code: 'CPOM191', name: 'clause-withdrawal-default', severity: 'warning', category: 'amendments', confidence: 'T',
        title: { fr: 'Retrait d\'une clause déjà rédigée par défaut', en: 'Withdrawal of a clause that already has the default wording' },
        params: { number: 'text', clause: 'text' },
        message: {
            fr: "L'avenant n° {number} rend sa rédaction par défaut à la clause « {clause} », que le contrat en vigueur ne rédige pas : le retrait est sans effet.",
            en: "Amendment no. {number} gives the clause '{clause}' back its default wording, but the contract in force does not word it: the withdrawal has no effect."
        },
        rationale: {
            fr: "`retire clause GENRE` efface la rédaction que le contrat (ou un avenant antérieur) donne à la clause, qui reprend alors la rédaction par défaut. Si aucune rédaction n'est en vigueur, l'avenant ne change rien ; pour rédiger la clause, écrivez-la dans `clauses { … }`. Rédiger dans un avenant une clause que le contrat n'écrit pas est en revanche normal : elle remplace la rédaction par défaut.",
            en: '`retire clause KIND` erases the wording the contract (or an earlier avenant) gives the clause, which takes back the default wording. If no wording is in force, the avenant changes nothing; to word the clause, write it in `clauses { … }`. Wording in an avenant a clause the contract does not write is, on the other hand, normal: it replaces the default wording.'
        },
        source: { fr: 'Structure du langage CPOM.', en: 'CPOM language structure.' }
    }),
] as const;
