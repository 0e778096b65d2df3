/**
 * Renders the follow-up report as GitHub-flavoured Markdown. Charts cannot be inlined safely in Markdown: each
 * is given as its data table (the same numbers), with a note pointing to the HTML, PDF and DOCX versions.
 * Every text is escaped by the contract renderer's `escapeMarkdown`.
 */
import type { Cell, Table } from '../document/model.js';
import { cellText } from '../document/model.js';
import { frenchSpacing } from '../render/common.js';
import { escapeMarkdown } from '../render/markdown.js';
import type { FollowUpReport, ReportBlock, ReportSection } from './model.js';

const md = (value: string) => escapeMarkdown(frenchSpacing(value));

export function renderFollowUpMarkdown(report: FollowUpReport): string {
    const out: string[] = [`# ${md(report.heading)} — ${md(report.title)}`];
    if (report.subtitle) out.push(`*${md(report.subtitle)}*`);
    for (const section of report.sections) out.push(...renderSection(section, 2));
    return `${out.join('\n\n')}\n`;
}

function renderSection(section: ReportSection, level: number): string[] {
    return [`${'#'.repeat(Math.min(level, 6))} ${md(section.title)}`, ...section.blocks.flatMap(b => renderBlock(b, level + 1))];
}

function renderBlock(block: ReportBlock, level: number): string[] {
    switch (block.kind) {
        case 'paragraph': return [block.style === 'headline' ? `**${md(block.text)}**` : block.style === 'note' ? `*${md(block.text)}*` : md(block.text)];
        case 'list': return [block.items.map(i => `- ${md(i)}`).join('\n')];
        case 'table': return [renderTable(block)];
        case 'figure': return [`*${md(`Graphique « ${block.caption} » dans les versions HTML, PDF et DOCX ; ses données :`)}*`, renderTable(block.data)];
        case 'section': return renderSection(block, level);
    }
}

function renderTable(table: Table): string {
    const cell = (c: Cell) => (typeof c !== 'string' && c.strong ? `**${md(cellText(c))}**` : md(cellText(c)) || ' ');
    const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    const rule = table.columns.map(c => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---'));
    return [
        `**${md(table.caption)}**`, '',
        line(table.columns.map(c => md(c.label))), line(rule),
        ...table.rows.map(r => line(r.map(cell))),
        ...(table.footer ?? []).map(r => line(r.map(c => (cellText(c) ? `**${md(cellText(c))}**` : ' ')))),
    ].join('\n');
}
