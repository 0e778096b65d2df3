/**
 * Which quick fixes of the editor (`@cpom/language/lsp`, cpom-code-actions.ts) `cpom check --fix` applies on its
 * own: those whose result no person has to choose. The one list, by diagnostic code, with the reason for each;
 * the README's table of `--fix` shows it.
 */
import type { Bilingual } from './errors.js';

export interface FixPolicy {
    readonly safe: boolean;
    readonly reason: Bilingual;
}

export const FIX_POLICY: Readonly<Record<string, FixPolicy>> = {
    CPOM043: {
        safe: true,
        reason: {
            fr: 'numéro FINESS réécrit sous sa forme normalisée (espaces retirés, majuscules) : le même numéro',
            en: 'FINESS number rewritten in its canonical form (spaces removed, upper case): the same number',
        },
    },
    CPOM131: {
        safe: true,
        reason: {
            fr: 'date saisie à la française (15/12/2023) réécrite sous la forme ISO (2023-12-15) : la même date',
            en: 'date typed the French way (15/12/2023) rewritten in ISO form (2023-12-15): the same date',
        },
    },
    CPOM020: {
        safe: true,
        reason: {
            fr: 'autorité de tarification ajoutée aux signataires : la loi la désigne, elle est déjà déclarée',
            en: 'tarification authority added to the signatories: the law names it, it is already declared',
        },
    },
    CPOM022: {
        safe: true,
        reason: {
            fr: 'gestionnaire ajouté aux signataires : la loi le désigne, il est déjà déclaré',
            en: 'gestionnaire added to the signatories: the law names it, it is already declared',
        },
    },
    CPOM065: {
        safe: true,
        reason: {
            fr: 'financeur ajouté aux signataires : la loi le désigne, il est déjà déclaré',
            en: 'payer added to the signatories: the law names it, it is already declared',
        },
    },
    CPOM041: {
        safe: false,
        reason: {
            fr: 'la clé FINESS corrigée change l\'identité de l\'établissement ; l\'erreur peut être dans un autre chiffre : à vérifier par une personne',
            en: 'correcting the FINESS key changes the establishment\'s identity; the typo may be in another digit: a person must check',
        },
    },
    CPOM059: {
        safe: false,
        reason: {
            fr: 'la cible de la dernière année est un engagement à négocier, pas une copie de la précédente',
            en: 'the final-year target is a commitment to negotiate, not a copy of the previous one',
        },
    },
    CPOM060: {
        safe: false,
        reason: {
            fr: 'les montants des années manquantes sont à fixer par les parties, pas à recopier',
            en: 'the amounts of the missing years are for the parties to set, not to copy',
        },
    },
    CPOM002: {
        safe: false,
        reason: {
            fr: 'un nom inconnu se résout par un choix (quel fichier importer, quel établissement créer, quel nom proche était voulu)',
            en: 'an unknown name is resolved by a choice (which file to import, which establishment to create, which close name was meant)',
        },
    },
    CPOM001: {
        safe: false,
        reason: {
            fr: 'un mot-clé mal orthographié peut en évoquer plusieurs, et la faute peut être ailleurs : une personne choisit',
            en: 'a misspelt keyword may suggest several, and the slip may lie elsewhere: a person chooses',
        },
    },
};

export function isSafeFix(code: string): boolean {
    return FIX_POLICY[code]?.safe === true;
}
