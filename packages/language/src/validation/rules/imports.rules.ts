/** Catalogue entries of the rules in imports.ts: imported files. */
import { defineRule } from '../../diagnostics/catalogue.js';

export const IMPORTS_RULES = [
    defineRule({
        code: 'CPOM004', name: 'import-not-found', severity: 'error', category: 'structure', confidence: 'T',
        title: { fr: 'Fichier importé introuvable', en: 'Imported file not found' },
        params: { path: 'text' },
        message: {
            fr: 'Le fichier importé « {path} » est introuvable.',
            en: "The imported file '{path}' cannot be found."
        },
        rationale: {
            fr: "Une clause `importe` désigne un fichier, relatif au fichier qui l'importe, qui n'existe pas ou qui n'est pas un fichier `.cpom` de l'espace de travail.",
            en: 'An `importe` clause names a file, relative to the importing file, that does not exist or is not a `.cpom` file of the workspace.'
        },
        source: {
            fr: "Règles d'import du langage CPOM.",
            en: 'CPOM language import rules.'
        }
    }),
] as const;
