/** Catalogue entries of the rules in finess.ts: FINESS numbers. */
import { defineRule } from '../../diagnostics/catalogue.js';

export const FINESS_RULES = [
    defineRule({
        code: 'CPOM040', name: 'finess-format', severity: 'error', category: 'finess', confidence: 'V',
        texts: ['REF:FINESS'],
        title: { fr: 'Numéro FINESS mal formé', en: 'Malformed FINESS number' },
        params: { finess: 'text' },
        message: {
            fr: "« {finess} » n'est pas un numéro FINESS : 9 caractères, deux chiffres de département (ou 2A, 2B) puis 7 chiffres.",
            en: "'{finess}' is not a FINESS number: 9 characters, two digits of département (or 2A, 2B) then 7 digits."
        },
        rationale: {
            fr: 'Un numéro FINESS compte neuf caractères : le département sur deux caractères (chiffres, ou 2A/2B pour la Corse), six chiffres et une clé de contrôle.',
            en: 'A FINESS number has nine characters: the département on two characters (digits, or 2A/2B for Corsica), six digits, and a check key.'
        },
        source: {
            fr: 'Schéma JSON FINESS+ (motif de finessId) ; ref_etab (FINESS sans clef sur 8 caractères + 1 caractère de clé).',
            en: 'FINESS+ JSON schema (finessId pattern); ref_etab (FINESS sans clef on 8 characters + 1 key character).'
        }
    }),
    defineRule({
        code: 'CPOM041', name: 'finess-key', severity: 'error', category: 'finess', confidence: 'C',
        texts: ['REF:FINESS-KEY'],
        title: { fr: 'Clé FINESS invalide', en: 'Invalid FINESS key' },
        params: { finess: 'text', key: 'number', expected: 'text' },
        message: {
            fr: 'La clé du numéro FINESS {finess} est fausse : avec ces huit premiers caractères, la clé est {key} ({expected}).',
            en: 'The key of FINESS number {finess} is wrong: with these first eight characters the key is {key} ({expected}).'
        },
        rationale: {
            fr: "Le neuvième caractère est une clé de contrôle de Luhn (modulo 10) calculée sur le numéro, 2A étant lu 21 et 2B lu 22. Une clé fausse signale presque toujours une erreur de saisie. Aucune spécification officielle de la clé n'a été trouvée : l'algorithme a été établi par le projet, sur 207 numéros FINESS réels, avec 0 échec, dont 21 numéros corses (ajusté sur 5, puis 16 sur 16 hors échantillon ; lire 2A et 2B comme 20 n'en valide aucun) et plus de 30 numéros d'outre-mer. Si un numéro réel de FINESS est refusé, signalez-le et, en attendant, abaissez la règle dans cpom.config.json : { \"rules\": { \"finess-key\": \"warning\" } }.",
            en: 'The ninth character is a Luhn (mod 10) check digit computed over the number, with 2A read as 21 and 2B as 22. A wrong key almost always means a typing error. No official specification of the key was found: the algorithm was established by the project on 207 real FINESS numbers with 0 failure, including 21 Corsican ones (fitted on 5, then 16 out of 16 out of sample; reading 2A and 2B as 20 validates none) and more than 30 overseas numbers. If a real FINESS number is refused, report it and meanwhile lower the rule in cpom.config.json: { "rules": { "finess-key": "warning" } }.'
        },
        source: {
            fr: 'Calculé et recoupé par le projet cpom sur 207 numéros FINESS réels, dont 21 numéros corses (../shared/DOMAIN.md §2.2).',
            en: 'Computed and cross-checked by the cpom project on 207 real FINESS numbers, including 21 Corsican ones (../shared/DOMAIN.md §2.2).'
        }
    }),
    defineRule({
        code: 'CPOM042', name: 'finess-prefix', severity: 'error', category: 'finess', confidence: 'V',
        texts: ['REF:FINESS'],
        title: { fr: 'Préfixe FINESS inexistant', en: 'Non-existent FINESS prefix' },
        params: { finess: 'text', prefix: 'text' },
        message: {
            fr: 'Le numéro FINESS {finess} commence par {prefix}, qui ne correspond à aucun département.',
            en: 'FINESS number {finess} starts with {prefix}, which is no département.'
        },
        rationale: {
            fr: "Les deux premiers caractères d'un numéro FINESS sont le département. Les préfixes 20 (la Corse est codée 2A/2B), 96 et 99 ne désignent aucun département : un tel numéro ne peut pas être valide. La règle ne vise que ces préfixes.",
            en: 'The first two characters of a FINESS number are the département. The prefixes 20 (Corsica is 2A/2B), 96 and 99 designate no département: such a number cannot be valid. The rule covers these prefixes only.'
        },
        source: {
            fr: 'Référentiel FINESS (ref_etab : les deux premiers caractères sont le département, 97x et 98 pour l\'outre-mer) ; ../shared/DOMAIN.md §2.1 et §8.',
            en: 'FINESS referential (ref_etab: the first two characters are the département, 97x and 98 overseas); ../shared/DOMAIN.md §2.1 and §8.'
        }
    }),
    defineRule({
        code: 'CPOM043', name: 'finess-normalised', severity: 'info', category: 'finess', confidence: 'T',
        title: { fr: 'Numéro FINESS normalisé', en: 'FINESS number normalised' },
        params: { finess: 'text' },
        message: {
            fr: 'Numéro FINESS lu comme {finess}.',
            en: 'FINESS number read as {finess}.'
        },
        rationale: {
            fr: 'Un numéro FINESS saisi avec des espaces ou en minuscules est accepté et lu sous sa forme canonique ; la note indique comment il a été lu.',
            en: 'A FINESS number typed with spaces or in lower case is accepted and read in its canonical form; the note shows how it was read.'
        },
        source: {
            fr: 'Schéma JSON FINESS+ (finessId sur 9 caractères).',
            en: 'FINESS+ JSON schema (finessId on 9 characters).'
        }
    }),
] as const;
