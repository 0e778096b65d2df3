/**
 * The headings of a fiche action as authorities write them (seed 001), in their fixed order whatever the order of
 * the source: enjeux et contexte, objectifs visés, modalités, échéancier, contraintes, ressources, maître d'œuvre,
 * évaluation. A heading given twice keeps its paragraphs in the order of the source.
 */
import { ast, keywordKey, keywordLabel } from '@cpom/language';
import { type Block, paragraph, text } from './model.js';
import { MISSING, orMissing } from './missing.js';

export const FICHE_HEADING_ORDER = ['enjeux', 'objectifs_vises', 'modalites', 'echeancier', 'contraintes', 'ressources', 'maitre_d_oeuvre', 'evaluation'] as const;

export function ficheHeadings(objective: ast.Objectif): Block[] {
    const items = objective.items.filter(ast.isRubriqueFiche);
    const blocks: Block[] = [];
    for (const heading of FICHE_HEADING_ORDER) {
        for (const item of items.filter(i => keywordKey(i.heading) === heading)) {
            const label = keywordLabel('FicheHeading', heading) ?? heading;
            blocks.push(paragraph(text(`${label.charAt(0).toUpperCase()}${label.slice(1)} : `, { strong: true }), orMissing(item.text, MISSING.text)));
        }
    }
    return blocks;
}
