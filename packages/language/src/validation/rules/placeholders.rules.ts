/** Catalogue entry of the rule in placeholders.ts: a place left « À COMPLÉTER » by `cpom init` or a template. */
import { defineRule, variant } from '../../diagnostics/catalogue.js';

export const PLACEHOLDERS_RULES = [
    defineRule({
        code: 'CPOM182', name: 'placeholder-left', severity: 'warning', category: 'structure', confidence: 'G',
        title: { fr: 'Place encore « À COMPLÉTER »', en: 'Place still "À COMPLÉTER"' },
        params: {
            detail: {
                phrase: {
                    what: variant({ params: { what: 'text' }, fr: 'À compléter : {what}.', en: 'To complete: {what}.' }),
                    bare: variant({ params: {}, fr: 'Cette place est marquée « À COMPLÉTER ».', en: 'This place is marked "À COMPLÉTER".' }),
                },
            },
            state: {
                choice: {
                    draft: { fr: 'à écrire avant la signature', en: 'to write before signing' },
                    signed: { fr: 'le contrat porte pourtant une date de signature', en: 'yet the contract bears a signature date' },
                },
            },
        },
        message: {
            fr: '{detail} Ce texte ou cette valeur vient d\'un squelette (« cpom init ») ou d\'un modèle : {state}.',
            en: '{detail} This text or value comes from a skeleton (`cpom init`) or a template: {state}.',
        },
        rationale: {
            fr: "« cpom init » et les modèles de contrat marquent « À COMPLÉTER » ce que seules les parties peuvent écrire : noms, qualités des signataires, diagnostic, objectifs, valeurs de référence, cibles, montants (0 en attendant). La règle montre chacune de ces places, dans l'éditeur comme dans « cpom check », tant qu'elle n'est pas remplie : une information dans un projet, un avertissement quand le contrat ou l'avenant porte une date de signature (un texte signé ne devrait plus en contenir). Seuls comptent un texte entre guillemets qui commence par « À COMPLÉTER » et un commentaire qui commence par « // À COMPLÉTER » : le mot cité ailleurs (« chaque « À COMPLÉTER » marque… ») ne compte pas. Aucun texte de loi n'est en cause : c'est une aide à la rédaction.",
            en: "`cpom init` and contract templates mark \"À COMPLÉTER\" what only the parties can write: names, signatories' qualities, diagnostic, objectives, baselines, targets, amounts (0 meanwhile). The rule shows each of these places, in the editor as in `cpom check`, until it is filled in: an info in a draft, a warning when the contract or avenant bears a signature date (a signed text should contain none). Only a quoted text that starts with \"À COMPLÉTER\" and a comment that starts with \"// À COMPLÉTER\" count: the word quoted elsewhere (\"each « À COMPLÉTER » marks…\") does not. No legal text is involved: a drafting aid.",
        },
        source: {
            fr: 'Proposition du projet cpom (aide à la rédaction ; aucun texte de loi).',
            en: 'Proposal of the cpom project (drafting aid; no legal text).',
        },
    }),
] as const;
