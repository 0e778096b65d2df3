/**
 * Renders the contract document as GitHub-flavoured Markdown, to read on a git forge: title and parties, a
 * table of contents with anchors, one heading per titre, article and annex, GFM tables, lists. Pure: no I/O.
 *
 * Every string of the document is plain text and is escaped (`escapeMarkdown`, `escapeCell`): emphasis,
 * code, links, HTML tags, entities, and what would start a heading, list or quote at the start of a line
 * render as the characters typed. Anchors are explicit (`<a id="…">` in each heading, ids made of ASCII
 * letters, digits and hyphens), so the table of contents does not depend on a forge's slug rules.
 */
import { escapeMarkdown } from './markdown-escape.js';
import { Anchors, ConvertedTexts, framesSentence, frenchSpacing, headingText, partyConnector, sectionsOf } from './common.js';
import type { Block, Cell, Column, ContractDocument, Inline, Paragraph, Section, SignatureBlock, Table } from '../document/model.js';

export { escapeCell, escapeMarkdown } from './markdown-escape.js';

/** Document text as Markdown: French spacing, then escaped. */
function md(value: string): string {
    return escapeMarkdown(frenchSpacing(value));
}

/** Wraps escaped text in a marker, keeping surrounding spaces outside (`** a**` would not be bold). */
function wrap(escaped: string, marker: string): string {
    // Trimmed by hand: `/^(\s*)(.*?)(\s*)$/s` tries `\s*$` at each character and is quadratic on inner runs of spaces.
    const core = escaped.trim();
    if (core === '') return escaped;
    const start = escaped.indexOf(core);
    return `${escaped.slice(0, start)}${marker}${core}${marker}${escaped.slice(start + core.length)}`;
}

const IDS = { toc: 'sommaire', visas: 'visas', preamble: 'preambule', signatures: 'signatures' } as const;

export function renderMarkdown(document: ContractDocument): string {
    return new MarkdownRenderer(document).render();
}

class MarkdownRenderer {
    private readonly anchors: Anchors;
    /** A long text (a name, a title) is drawn several times: escaping 3.4 million characters three times took a second. */
    private readonly escaped = new ConvertedTexts(md);

    constructor(private readonly document: ContractDocument) {
        this.anchors = new Anchors(Object.values(IDS), [...sectionsOf(document.preamble), ...document.body, ...document.annexes]);
    }

    private md(value: string): string {
        return this.escaped.of(value);
    }

    render(): string {
        const d = this.document;
        const out: string[] = [];
        out.push(...this.titlePage());
        out.push(...this.tableOfContents());
        if (d.visas.length > 0) {
            out.push(this.heading(2, IDS.visas, 'Visas'));
            for (const v of d.visas) out.push(this.paragraph(v));
        }
        if (d.preamble.length > 0) {
            out.push(this.heading(2, IDS.preamble, 'Préambule'));
            out.push(...this.blocks(d.preamble, 3));
        }
        for (const title of d.body) out.push(...this.section(title, 2));
        out.push(this.heading(2, IDS.signatures, 'Signatures'));
        out.push(...this.signatures(d.signatures));
        for (const annex of d.annexes) out.push(...this.section(annex, 2));
        return `${out.filter(s => s !== '').join('\n\n')}\n`;
    }

    private titlePage(): string[] {
        const t = this.document.titlePage;
        const out = [`# ${this.md(t.title || t.heading)}`, wrap(this.md(t.heading), '**')];
        if (t.frames.length > 0) out.push(wrap(this.md(framesSentence(t.frames)), '*'));
        t.between.forEach((party, i) => {
            const connector = partyConnector(i, t.between.length);
            if (connector) out.push(`**${connector.toUpperCase()}**`);
            out.push(this.md(party).trim());
        });
        if (t.period) out.push(`Pour la période ${this.md(t.period)}.`);
        return out;
    }

    private tableOfContents(): string[] {
        const d = this.document;
        const line = (depth: number, anchor: string, label: string) => `${'  '.repeat(depth)}- [${this.md(label)}](#${anchor})`;
        const lines: string[] = [];
        if (d.visas.length > 0) lines.push(line(0, IDS.visas, 'Visas'));
        if (d.preamble.length > 0) lines.push(line(0, IDS.preamble, 'Préambule'));
        const add = (s: Section) => {
            lines.push(line(0, this.anchors.of(s), headingText(s)));
            for (const child of sectionsOf(s.blocks)) lines.push(line(1, this.anchors.of(child), headingText(child)));
        };
        d.body.forEach(add);
        lines.push(line(0, IDS.signatures, 'Signatures'));
        d.annexes.forEach(add);
        return [this.heading(2, IDS.toc, 'Sommaire'), lines.join('\n')];
    }

    private heading(level: number, anchor: string, label: string): string {
        return `${'#'.repeat(Math.min(level, 6))} <a id="${anchor}"></a>${this.md(label)}`;
    }

    private section(section: Section, level: number): string[] {
        return [this.heading(level, this.anchors.of(section), headingText(section)), ...this.blocks(section.blocks, level + 1)];
    }

    private blocks(blocks: readonly Block[], level: number): string[] {
        return blocks.flatMap(b => this.block(b, level));
    }

    private block(block: Block, level: number): string[] {
        switch (block.kind) {
            case 'paragraph': return [this.paragraph(block)];
            // Leading spaces after the marker would make an indented code block.
            case 'list': return block.items.length === 0 ? [] : [block.items.map(i => `- ${this.inlines(i).replace(/^\s+/, '') || '\u00A0'}`).join('\n')];
            case 'table': return this.table(block);
            case 'signatures': return this.signatures(block);
            case 'section': return this.section(block, level);
        }
    }

    private paragraph(p: Paragraph): string {
        // Leading spaces would make an indented code block.
        const content = this.inlines(p.content).replace(/^\s+/, '');
        if (p.style === 'legal') return wrap(content, '*');
        if (p.style === 'note') return `<small>${content}</small>`;
        return content;
    }

    private inlines(content: readonly Inline[]): string {
        return content.map(i => this.inline(i)).join('');
    }

    private inline(inline: Inline): string {
        if (inline.kind === 'ref') {
            const label = this.md(inline.text ?? '');
            const anchor = this.anchors.target(inline.target);
            return anchor && label ? `[${label}](#${anchor})` : label;
        }
        let out = this.md(inline.text);
        if (inline.emphasis) out = wrap(out, '*');
        if (inline.strong) out = wrap(out, '**');
        return out;
    }

    private table(table: Table): string[] {
        const cell = (c: Cell) => {
            const escaped = this.md(typeof c === 'string' ? c : c.text);
            return typeof c !== 'string' && c.strong ? wrap(escaped, '**') : escaped;
        };
        const width = table.columns.length;
        const row = (cells: readonly Cell[]) => {
            const padded = [...cells.slice(0, width), ...Array<Cell>(Math.max(0, width - cells.length)).fill('')];
            return `| ${padded.map(c => cell(c) || ' ').join(' | ')} |`;
        };
        const rule = (c: Column) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---');
        const lines = [
            `| ${table.columns.map(c => this.md(c.label)).join(' | ')} |`,
            `| ${table.columns.map(rule).join(' | ')} |`,
            ...table.rows.map(row),
            ...(table.footer ?? []).map(r => row(r.map(c => (typeof c === 'string' ? c : { text: c.text, strong: true })))),
        ];
        return [wrap(this.md(table.caption), '**'), lines.join('\n')];
    }

    private signatures(block: SignatureBlock): string[] {
        const out: string[] = [];
        if (block.date) out.push(this.md(block.date));
        if (block.signatories.length > 0) {
            out.push([
                '| Partie | Qualité du signataire | Nom | Signature |',
                '| --- | --- | --- | --- |',
                ...block.signatories.map(s => `| ${wrap(this.md(s.party), '**') || ' '} | ${this.md(s.role ?? '') || ' '} | ${this.md(s.person ?? '') || ' '} | <br><br><br> |`),
            ].join('\n'));
        }
        return out;
    }
}
