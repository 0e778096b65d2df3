/**
 * Numbers titles, articles and annexes, and writes every cross-reference as the number of its target
 * ("article 4 du titre 1", "annexe 2"). Articles are numbered within their title, as in the arrêté's socle.
 */
import type { Block, ContractDocument, Inline, Section } from './model.js';

export function numberDocument(document: ContractDocument): ContractDocument {
    const labels = new Map<string, string>();
    document.body.forEach((title, t) => {
        title.label = `Titre ${t + 1}`;
        labels.set(title.id, `titre ${t + 1}`);
        let article = 0;
        for (const block of title.blocks) {
            if (block.kind === 'section' && block.sectionKind === 'article') {
                article++;
                block.label = `Article ${article}`;
                labels.set(block.id, `article ${article} du titre ${t + 1}`);
            }
        }
    });
    document.annexes.forEach((annex, a) => {
        annex.label = `Annexe ${a + 1}`;
        labels.set(annex.id, `annexe ${a + 1}`);
    });
    const resolve = (inline: Inline) => {
        if (inline.kind === 'ref') {
            inline.text = labels.get(inline.target) ?? inline.target;
        }
    };
    const visit = (blocks: Block[]) => {
        for (const block of blocks) {
            if (block.kind === 'paragraph') block.content.forEach(resolve);
            else if (block.kind === 'list') block.items.forEach(item => item.forEach(resolve));
            else if (block.kind === 'section') visit(block.blocks);
        }
    };
    visit(document.visas);
    visit(document.preamble);
    visit(document.body);
    visit(document.annexes);
    return document;
}

/** Every section, depth first: for tables of contents and navigation. */
export function allSections(sections: readonly Section[]): Section[] {
    return sections.flatMap(s => [s, ...allSections(s.blocks.filter((b): b is Section => b.kind === 'section'))]);
}
