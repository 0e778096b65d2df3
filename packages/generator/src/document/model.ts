/**
 * The contract document, independent of its output format: what the HTML, Markdown and DOCX renderers
 * draw. Built from the AST by `build-contract-document.ts`; numbered and cross-referenced by `numbering.ts`.
 * Every string here is plain text: renderers escape it for their format.
 */

export type Inline =
    | { readonly kind: 'text'; readonly text: string; readonly strong?: boolean; readonly emphasis?: boolean }
    /** A reference to a section by id, written as its number ("article 4", "annexe 2") once numbered. */
    | { readonly kind: 'ref'; readonly target: string; text?: string };

export interface Paragraph {
    readonly kind: 'paragraph';
    readonly content: Inline[];
    /** `legal`: visas and standard clauses; `note`: small print. */
    readonly style?: 'legal' | 'note';
}

export interface BulletList {
    readonly kind: 'list';
    readonly items: Inline[][];
}

export interface Column {
    readonly label: string;
    readonly align?: 'left' | 'right' | 'center';
}

export type Cell = string | { readonly text: string; readonly strong?: boolean };

export interface Table {
    readonly kind: 'table';
    readonly caption: string;
    readonly columns: Column[];
    readonly rows: Cell[][];
    /** Total lines, drawn in bold. */
    readonly footer?: Cell[][];
}

export interface Signatory {
    readonly party: string;
    readonly role?: string;
    readonly person?: string;
}

export interface SignatureBlock {
    readonly kind: 'signatures';
    /** "Fait le 20 juin 2013" or "Fait le ……" when the contract is not signed yet. */
    readonly date?: string;
    readonly signatories: Signatory[];
}

export type SectionKind = 'title' | 'article' | 'annex' | 'part';

export interface Section {
    readonly kind: 'section';
    readonly id: string;
    /** `title`: Titre 1, 2…; `article`: Article 1, 2… within a title; `annex`: Annexe 1, 2…; `part`: unnumbered subsection. */
    readonly sectionKind: SectionKind;
    readonly title: string;
    readonly blocks: Block[];
    /** Filled by numbering: "Titre 1", "Article 3", "Annexe 2". */
    label?: string;
}

export type Block = Paragraph | BulletList | Table | SignatureBlock | Section;

export interface TitlePage {
    readonly heading: string;
    readonly title: string;
    /** The title in the top margin of each page when the title is too long for one line (an avenant's). */
    readonly runningHeader?: string;
    readonly between: string[];
    readonly period: string;
    readonly frames: string[];
}

export interface ContractDocument {
    readonly lang: 'fr';
    readonly id: string;
    readonly titlePage: TitlePage;
    readonly visas: Paragraph[];
    readonly preamble: Block[];
    /** Titres 1 and 2 with their articles. */
    readonly body: Section[];
    readonly signatures: SignatureBlock;
    readonly annexes: Section[];
}

export function text(value: string, style?: { strong?: boolean; emphasis?: boolean }): Inline {
    return { kind: 'text', text: value, ...style };
}

export function paragraph(...content: Array<Inline | string>): Paragraph {
    return { kind: 'paragraph', content: content.map(c => (typeof c === 'string' ? text(c) : c)) };
}

export function ref(target: string): Inline {
    return { kind: 'ref', target };
}

export function cellText(cell: Cell): string {
    return typeof cell === 'string' ? cell : cell.text;
}
