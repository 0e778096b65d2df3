/**
 * What every drafter of an avenant article shares: the diff, both versions of the contract, the contract's
 * article and annex numbers, and what the articles ask of the annexes (the fact sheets of the establishments
 * that enter the perimeter, the new financial annex). Also the few block builders the articles use.
 */
import { type Block, type ContractJson, type EstablishmentJson, frameLabel, paragraph, type Section, text } from '@cpom/generator';
import type { ChangeRecord, SemanticDiff } from '../../change.js';
import { type ContractReferences, unique, type Versions } from '../context.js';

export interface DraftOptions {
    /** The number of the avenant. */
    readonly number: number;
    /** ISO date of effect. */
    readonly effectDate?: string;
}

export interface DraftContext {
    readonly diff: SemanticDiff;
    readonly before: ContractJson;
    readonly after: ContractJson;
    readonly options: DraftOptions;
    readonly versions: Versions;
    readonly refs: ContractReferences;
    /** Establishments entering the perimeter: their fact sheets are annexed. */
    readonly addedEstablishments: EstablishmentJson[];
    /** The means change: the new financial annex is annexed. */
    fundingChanged: boolean;
}

export interface DraftedArticle {
    readonly title: string;
    readonly blocks: Block[];
    /** What it does, for the préambule and the object: "l'intégration de l'établissement « … » au périmètre du contrat". */
    readonly purpose: string;
}

export const FINANCIAL_ANNEX = 'avenant-annexe-financiere';
export const FACT_SHEET_ANNEX = 'avenant-fiche-signaletique';

export function section(id: string, sectionKind: Section['sectionKind'], title: string, blocks: Block[]): Section {
    return { kind: 'section', id, sectionKind, title, blocks };
}

/** `intro item.` for one item, `intro` and a list (`item ;` … `item.`) for several. */
export function clause(intro: string, items: readonly string[]): Block[] {
    const list = unique(items);
    if (list.length === 0) return [paragraph(intro)];
    if (list.length === 1) return [paragraph(`${intro} ${list[0]}.`)];
    return [paragraph(intro), { kind: 'list', items: list.map((item, i) => [text(`${item}${i === list.length - 1 ? '.' : ' ;'}`)]) }];
}

/** `l'article L. 313-12-2`, `le IV ter de l'article L. 313-12`. */
export function frameNoun(frame: string): string {
    const label = frameLabel(frame);
    return label.startsWith('article') ? `l'${label}` : `le ${label}`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A change the avenant has no legal wording for, named in a visible sentence for the parties to word (never the
 * diff's description passed off as a clause).
 */
export function unworded(change: ChangeRecord): string {
    return `la modification suivante, que le présent avenant ne sait pas rédiger, est à formuler par les parties : ${change.description}`;
}
