/**
 * The "Rapport de suivi annuel" as data, independent of its output format: what the report renderers
 * (`render-html.ts`, `render-markdown.ts`, `render-docx.ts`) draw. Built from the follow-up model by
 * `build-follow-up-report.ts`. Every string is plain text (labels and numbers, never a source identifier):
 * renderers escape it for their format. Tables reuse the contract document's `Table`.
 */
import type { Table } from '../document/model.js';

export interface ReportParagraph {
    readonly kind: 'paragraph';
    readonly text: string;
    readonly style?: 'headline' | 'note';
}

export interface ReportList {
    readonly kind: 'list';
    readonly items: readonly string[];
}

/** A chart: its SVG (made by `chart-svg.ts`, already safe) and the same data as a table for screen readers. */
export interface ReportFigure {
    readonly kind: 'figure';
    readonly caption: string;
    /** Short description read instead of the picture. */
    readonly alt: string;
    readonly svg: string;
    readonly width: number;
    readonly height: number;
    readonly data: Table;
}

export type ReportBlock = ReportParagraph | ReportList | Table | ReportFigure | ReportSection;

export interface ReportSection {
    readonly kind: 'section';
    readonly title: string;
    readonly blocks: readonly ReportBlock[];
}

export interface FollowUpReport {
    readonly lang: 'fr';
    /** « Rapport de suivi annuel 2022 ». */
    readonly heading: string;
    /** The contract's title (or « Contrat sans titre »). */
    readonly title: string;
    /** « Période du contrat : 2019-2023 · année 3 sur 5 ». */
    readonly subtitle: string;
    readonly sections: readonly ReportSection[];
}
