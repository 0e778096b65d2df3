/**
 * Renders the follow-up report as one self-contained HTML5 file (inline CSS and SVG, no script), printable on A4:
 * the PDF is this page printed by Chromium. Every text goes through `escapeHtml` after French spacing; the charts'
 * SVG is made by `chart-svg.ts`, which escapes its own texts. Each chart is followed by its data table.
 */
import type { Table } from '../document/model.js';
import { htmlTable } from '../render/html-table.js';
import { escapeHtml, htmlText as txt } from '../render/html-text.js';
import type { FollowUpReport, ReportBlock, ReportFigure, ReportSection } from './model.js';

export function renderFollowUpHtml(report: FollowUpReport): string {
    const out: string[] = [
        '<!DOCTYPE html>', `<html lang="${escapeHtml(report.lang)}">`, '<head>', '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${txt(`${report.heading} — ${report.title}`)}</title>`, `<style>\n${CSS}</style>`, '</head>', '<body>',
        '<header class="report-head">', `<p class="doc-kind">${txt(report.heading)}</p>`, `<h1>${txt(report.title)}</h1>`,
    ];
    if (report.subtitle) out.push(`<p class="subtitle">${txt(report.subtitle)}</p>`);
    out.push('</header>', '<main>');
    for (const section of report.sections) out.push(renderSection(section, 2));
    out.push('</main>', '</body>', '</html>');
    return `${out.join('\n')}\n`;
}

function renderSection(section: ReportSection, level: number): string {
    const h = Math.min(level, 6);
    // A sub-section of words only (a calculation step by step) stays on one page with its heading.
    const keep = level >= 3 && section.blocks.every(b => b.kind === 'list' || b.kind === 'paragraph') ? ' keep' : '';
    return [`<section class="level-${h}${keep}">`, `<h${h}>${txt(section.title)}</h${h}>`, ...section.blocks.map(b => renderBlock(b, level + 1)), '</section>'].join('\n');
}

function renderBlock(block: ReportBlock, level: number): string {
    switch (block.kind) {
        case 'paragraph': return `<p${block.style ? ` class="${block.style}"` : ''}>${txt(block.text)}</p>`;
        case 'list': return `<ul>\n${block.items.map(i => `<li>${txt(i)}</li>`).join('\n')}\n</ul>`;
        case 'table': return reportTable(block);
        case 'figure': return renderFigure(block);
        case 'section': return renderSection(block, level);
    }
}

function renderFigure(figure: ReportFigure): string {
    return [
        '<figure class="chart">',
        `<figcaption>${txt(figure.caption)} <span class="visually-hidden">${txt(figure.alt)}</span></figcaption>`,
        // The SVG carries role="img" and its own title; the data table beside it gives the same numbers.
        `<div class="chart-picture">${figure.svg}</div>`,
        reportTable(figure.data, ['chart-data']),
        '</figure>',
    ].join('\n');
}

/** A table of the report; a short one is kept on one page (its caption never left alone at the foot of the previous one). */
function reportTable(table: Table, classes: readonly string[] = []): string {
    const compact = table.rows.length + (table.footer?.length ?? 0) <= COMPACT_ROWS;
    return htmlTable(table, compact ? [...classes, 'compact'] : classes);
}

/** Tables of at most this many rows are not split across pages. */
const COMPACT_ROWS = 12;

const CSS = `:root { --ink: #1a1a1a; --muted: #555; --rule: #9a9a9a; --accent: #1f3a66; --shade: #eef1f6; color-scheme: light; }
* { box-sizing: border-box; }
html { background: #e9e9e6; }
body { margin: 0 auto; max-width: 210mm; padding: 16mm 18mm 20mm; background: #fff; color: var(--ink);
  font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; }
.report-head { border-bottom: 3px solid var(--accent); margin-bottom: 1.2em; padding-bottom: 0.6em; }
.report-head .doc-kind { color: var(--accent); font-size: 1.15em; font-weight: bold; margin: 0; }
.report-head h1 { font-size: 1.6em; margin: 0.2em 0; }
.report-head .subtitle { color: var(--muted); margin: 0; }
h2 { font-size: 1.3em; color: var(--accent); border-bottom: 1px solid var(--rule); padding-bottom: 0.2em; margin: 1.4em 0 0.6em; }
h3 { font-size: 1.1em; margin: 1.2em 0 0.5em; }
h4 { font-size: 1em; margin: 1em 0 0.4em; font-style: italic; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p.headline { font-size: 1.25em; font-weight: bold; color: var(--accent); }
p.note { color: var(--muted); font-style: italic; }
table.data { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 0.5em 0 1em; font-variant-numeric: tabular-nums; }
table.data caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 0.3em; }
table.data th, table.data td { border: 1px solid var(--rule); padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
table.data thead th { background: var(--shade); }
table.data tbody th { font-weight: normal; }
table.data tfoot th, table.data tfoot td { font-weight: bold; border-top: 2px solid var(--ink); }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
table.data .num { text-align: right; white-space: nowrap; }
table.data .center { text-align: center; }
figure.chart { margin: 0.8em 0 1.2em; break-inside: avoid; page-break-inside: avoid;
  display: grid; grid-template-columns: minmax(0, 56%) minmax(0, 1fr); gap: 0 4mm; align-items: start; }
figure.chart figcaption { grid-column: 1 / -1; font-weight: bold; margin: 0 0 0.3em; }
figure.chart .chart-picture svg { display: block; width: 100%; height: auto; }
table.data.chart-data { font-size: 0.75em; margin: 0; }
table.data.chart-data .num { white-space: normal; }
table.data.chart-data caption { font-weight: normal; font-style: italic; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.data.compact, ul, section.keep { break-inside: avoid; page-break-inside: avoid; }
@media print { html { background: none; } body { max-width: none; padding: 0; } }
@media (max-width: 40em) { figure.chart { display: block; } }
@page {
  size: A4; margin: 16mm 15mm 18mm;
  @bottom-center { content: "Page " counter(page) " sur " counter(pages); font-size: 8.5pt; color: #555; }
}
`;
