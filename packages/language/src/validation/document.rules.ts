/** Catalogue entries of the errors cpom-document-validator.ts reports: syntax errors and unresolved references. */
import { defineRule, variant } from '../diagnostics/catalogue.js';

/** What an unresolved name was expected to be (CPOM002), by the type of the reference. */
export const REFERENCE_KINDS = {
    Etablissement: { fr: 'établissements', en: 'establishments' },
    Autorite: { fr: 'autorités', en: 'authorities' },
    Partie: { fr: 'parties (gestionnaire et autorités)', en: 'parties (gestionnaire and authorities)' },
    Indicateur: { fr: 'indicateurs', en: 'indicators' },
    Financement: { fr: 'lignes de financement', en: 'funding lines' },
    Contrat: { fr: 'contrats', en: 'contracts' },
    other: { fr: 'éléments', en: 'elements' },
} as const;

export const DOCUMENT_RULES = [
    defineRule({
        code: 'CPOM001', name: 'syntax-error', severity: 'error', category: 'syntax', confidence: 'T',
        title: { fr: 'Erreur de syntaxe', en: 'Syntax error' },
        params: {
            detail: {
                phrase: {
                    // Parser errors are worded in both languages by diagnostics/syntax-messages.ts.
                    parser: variant({ params: { message: 'text' }, fr: '{message}', en: '{message}' }),
                    // A word close to keywords expected there (diagnostics/suggestions.ts); the quick fix writes one.
                    misspelt: variant({
                        params: { message: 'text', suggestions: 'alternatives' },
                        fr: '{message} Vouliez-vous dire {suggestions} ?',
                        en: '{message} Did you mean {suggestions}?',
                    }),
                    character: variant({ params: { character: 'text' }, fr: 'Caractère inattendu « {character} ».', en: "Unexpected character '{character}'." }),
                    // A block opened deeper than the lexer reads (parser/cpom-lexer.ts): its content is left out.
                    nesting: variant({
                        params: { limit: 'number' },
                        fr: 'Imbrication trop profonde : ce bloc ouvre un niveau de plus que les {limit} lus ; son contenu, jusqu’à son « } », est ignoré.',
                        en: 'Nesting too deep: this block opens one level more than the {limit} read; its content, up to its "}", is ignored.',
                    }),
                    // Past the most tokens the lexer reads (parser/cpom-lexer.ts): the rest of the text is left out.
                    tokens: variant({
                        params: { limit: 'number' },
                        fr: 'Texte trop long : il compte plus de {limit} éléments (mots, nombres, textes entre guillemets, signes) ; la suite, à partir d’ici, est ignorée.',
                        en: 'Text too long: it has more than {limit} tokens (words, numbers, quoted texts, signs); the rest, from here, is ignored.',
                    }),
                    // Past the most syntax errors the parser reports (parser/syntax-error-limit.ts): the rest is left out.
                    errors: variant({
                        params: { limit: 'number' },
                        fr: 'Trop d’erreurs de syntaxe : l’analyse s’arrête après les {limit} premières ; la suite, à partir d’ici, est ignorée.',
                        en: 'Too many syntax errors: the analysis stops after the first {limit}; the rest, from here, is ignored.',
                    }),
                    // cpom itself failed on this text (a defect of cpom): the file gets this error, the others are checked.
                    internal: variant({
                        params: { error: 'text' },
                        fr: "cpom n'a pas pu analyser ce fichier (erreur interne : {error}). Les autres fichiers sont vérifiés ; merci de signaler ce problème avec le fichier.",
                        en: 'cpom could not analyse this file (internal error: {error}). The other files are checked; please report this problem with the file.',
                    }),
                },
            },
        },
        message: { fr: '{detail}', en: '{detail}' },
        rationale: {
            fr: 'Le texte ne respecte pas la grammaire du langage CPOM. Le message indique ce qui était attendu à cet endroit ; quand le mot trouvé est proche d\'un mot-clé (`etablisement`), il le propose (« Vouliez-vous dire « établissement » ? ») et une correction rapide l\'écrit.',
            en: 'The text does not follow the grammar of the CPOM language. The message says what was expected at that place; when the word found is close to a keyword (`etablisement`), it suggests it ("Did you mean \'établissement\'?") and a quick fix writes it.'
        },
        source: {
            fr: 'Grammaire du langage CPOM (grammar/cpom.langium).',
            en: 'CPOM language grammar (grammar/cpom.langium).'
        }
    }),
    defineRule({
        code: 'CPOM002', name: 'unresolved-reference', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Référence non résolue', en: 'Unresolved reference' },
        params: {
            name: 'text', kinds: { choice: REFERENCE_KINDS },
            hint: {
                phrase: {
                    none: variant({ params: {}, fr: '.', en: '.' }),
                    qualified: variant({ params: { name: 'text' }, fr: ' ; écrivez « {name} ».', en: "; write '{name}'." }),
                    import: variant({
                        params: { name: 'text', path: 'text' },
                        fr: ' ; « {name} » est déclaré dans {path} : importez ce fichier (importe "{path}").',
                        en: "; '{name}' is declared in {path}: import that file (importe \"{path}\").",
                    }),
                    // Names in scope close to the one written (diagnostics/suggestions.ts); the quick fix writes one.
                    suggestion: variant({
                        params: { suggestions: 'alternatives' },
                        fr: ' ; vouliez-vous dire {suggestions} ?',
                        en: '; did you mean {suggestions}?',
                    }),
                },
            },
        },
        message: {
            fr: '« {name} » est introuvable parmi les {kinds}{hint}',
            en: "'{name}' is not among the known {kinds}{hint}"
        },
        rationale: {
            fr: "Un nom est utilisé sans être déclaré à un endroit visible : dans le même contrat, dans le même fichier ou dans un catalogue importé (`importe \"…\"`). Les noms d'un autre fichier ne sont visibles qu'une fois ce fichier importé, sous leur nom qualifié (`CATALOGUE.NOM`). Quand un nom déclaré n'en diffère que d'une ou deux lettres, le message le propose et une correction rapide l'écrit.",
            en: 'A name is used that is declared nowhere visible: in the same contract, in the same file, or in an imported catalogue (`importe "…"`). Names from another file are visible only once that file is imported, under their qualified name (`CATALOGUE.NAME`). When a declared name differs by a letter or two, the message suggests it and a quick fix writes it.'
        },
        source: {
            fr: 'Règles de portée des noms du langage CPOM.',
            en: 'CPOM language scoping rules.'
        }
    }),
] as const;
