/**
 * Renders the contract document as one self-contained HTML5 file: inline CSS, no script, no external
 * resource. Accessible (one h1, heading levels that follow the structure, captioned tables with header
 * scopes, a table of contents, a skip link) and printable on A4 (page breaks before each titre and annex,
 * running header, page numbers where the browser supports `@page` margin boxes). Pure: no I/O.
 *
 * Every string of the document is plain text and goes through `escapeHtml` (or `cssString` for the running
 * header); section ids go through `Anchors`, which turns them into safe, unique HTML ids.
 */
import { Anchors, ConvertedTexts, framesSentence, headingText, partyConnector, runningHeaderText, sectionsOf } from './common.js';
import type { Block, ContractDocument, Inline, Paragraph, Section, SignatureBlock, Table } from '../document/model.js';
import { documentCss } from './html-style.js';
import { htmlTable } from './html-table.js';
import { escapeHtml, htmlText } from './html-text.js';

export { escapeHtml } from './html-text.js';

/** A CSS string literal: anything but letters, digits, spaces and non-ASCII characters is a hex escape (so no `</style>`). */
function cssString(value: string): string {
    let result = '"';
    for (const ch of value) {
        const code = ch.codePointAt(0)!;
        if (/[A-Za-z0-9 ]/.test(ch) || (code >= 0xa0 && code !== 0xfeff)) result += ch;
        else result += `\\${(code === 0 ? 0xfffd : code).toString(16)} `;
    }
    return `${result}"`;
}

/** Fixed ids of the page's own landmarks. */
const IDS = { content: 'contenu', toc: 'sommaire', visas: 'visas', preamble: 'preambule', signatures: 'signatures' } as const;

export interface HtmlOptions {
    /**
     * For print: the page of each section by its anchor, drawn after each entry of the table of contents (`cpom generate
     * --format pdf` prints twice, the second time with the pages read from the first PDF). An empty map reserves the
     * room of the numbers, so that adding them moves nothing.
     */
    readonly pageNumbers?: ReadonlyMap<string, number>;
}

export function renderHtml(document: ContractDocument, options: HtmlOptions = {}): string {
    return new HtmlRenderer(document, options).render();
}

class HtmlRenderer {
    private readonly anchors: Anchors;
    private readonly texts = new ConvertedTexts(htmlText);
    private readonly txt = (value: string): string => this.texts.of(value);

    constructor(private readonly document: ContractDocument, private readonly options: HtmlOptions = {}) {
        this.anchors = new Anchors(Object.values(IDS), [...sectionsOf(document.preamble), ...document.body, ...document.annexes]);
    }

    render(): string {
        const d = this.document;
        const out: string[] = [];
        out.push('<!DOCTYPE html>');
        out.push(`<html lang="${escapeHtml(d.lang)}">`);
        out.push('<head>');
        out.push('<meta charset="utf-8">');
        out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
        out.push(`<title>${this.txt(d.titlePage.title || d.titlePage.heading)}</title>`);
        out.push(`<style>\n${this.css()}</style>`);
        out.push('</head>');
        out.push('<body>');
        out.push(`<a class="skip-link" href="#${IDS.content}">Aller au contenu du contrat</a>`);
        out.push(this.titlePage());
        out.push(this.tableOfContents());
        out.push(`<main id="${IDS.content}" tabindex="-1">`);
        if (d.visas.length > 0) {
            out.push(`<section id="${IDS.visas}" class="visas">`);
            out.push('<h2 class="visas-heading">Visas</h2>');
            for (const v of d.visas) out.push(this.paragraph(v));
            out.push('</section>');
        }
        if (d.preamble.length > 0) {
            out.push(`<section id="${IDS.preamble}" class="preamble">`);
            out.push('<h2>Préambule</h2>');
            out.push(this.blocks(d.preamble, 3));
            out.push('</section>');
        }
        for (const title of d.body) out.push(this.section(title, 2));
        out.push(`<section id="${IDS.signatures}" class="signature-section">`);
        out.push('<h2>Signatures</h2>');
        out.push(this.signatures(d.signatures));
        out.push('</section>');
        for (const annex of d.annexes) out.push(this.section(annex, 2));
        out.push('</main>');
        out.push('</body>');
        out.push('</html>');
        return `${out.filter(s => s !== '').join('\n')}\n`;
    }

    // --- title page and table of contents -----------------------------------------------------------

    private titlePage(): string {
        const page = this.document.titlePage;
        const out: string[] = ['<header class="title-page">'];
        out.push(`<p class="doc-kind">${this.txt(page.heading)}</p>`);
        // Keep "2013-2017" on one line; a match starts where its digits do (no rescan of a long run of digits).
        out.push(`<h1>${this.txt(page.title).replace(/(?<!\d)\d+-\d+/g, m => `<span class="nowrap">${m}</span>`)}</h1>`);
        if (page.frames.length > 0) {
            out.push(`<p class="frames">${this.txt(framesSentence(page.frames))}</p>`);
        }
        if (page.between.length > 0) {
            out.push('<div class="parties">');
            page.between.forEach((party, i) => {
                const connector = partyConnector(i, page.between.length);
                if (connector) out.push(`<p class="between">${connector}</p>`);
                out.push(`<p class="party">${this.txt(party)}</p>`);
            });
            out.push('</div>');
        }
        if (page.period) out.push(`<p class="period">Pour la période ${this.txt(page.period)}</p>`);
        out.push('</header>');
        return out.join('\n');
    }

    private tableOfContents(): string {
        const d = this.document;
        const pages = this.options.pageNumbers;
        const page = (id: string) => (pages ? `<span class="toc-page"${pages.has(id) ? '' : ' aria-hidden="true"'}>${pages.get(id) ?? '000'}</span>` : '');
        const entry = (id: string, label: string, children = '') => `<li><span class="toc-line"><a href="#${id}">${this.txt(label)}</a>${page(id)}</span>${children}</li>`;
        const nested = (sections: readonly Section[]) => sections.length === 0
            ? ''
            : `\n<ol>\n${sections.map(s => entry(this.anchors.of(s), headingText(s))).join('\n')}\n</ol>\n`;
        const items: string[] = [];
        if (d.visas.length > 0) items.push(entry(IDS.visas, 'Visas'));
        if (d.preamble.length > 0) items.push(entry(IDS.preamble, 'Préambule'));
        for (const title of d.body) items.push(entry(this.anchors.of(title), headingText(title), nested(sectionsOf(title.blocks))));
        items.push(entry(IDS.signatures, 'Signatures'));
        for (const annex of d.annexes) items.push(entry(this.anchors.of(annex), headingText(annex), nested(sectionsOf(annex.blocks))));
        return [
            `<nav class="toc" id="${IDS.toc}" aria-labelledby="${IDS.toc}-titre">`,
            `<h2 id="${IDS.toc}-titre">Sommaire</h2>`,
            '<ol>', ...items, '</ol>',
            '</nav>',
        ].join('\n');
    }

    // --- blocks ---------------------------------------------------------------------------------------

    private section(section: Section, level: number): string {
        const h = Math.min(level, 6);
        const classes = ['section', section.sectionKind === 'title' ? 'titre' : section.sectionKind];
        const label = section.label
            ? `<span class="label">${this.txt(section.label)}</span><span class="sep"> — </span>${this.txt(section.title)}`
            : this.txt(section.title);
        return lines([
            `<section id="${this.anchors.of(section)}" class="${classes.join(' ')}">`,
            `<h${h}>${label}</h${h}>`,
            this.blocks(section.blocks, level + 1),
            '</section>',
        ]);
    }

    private blocks(blocks: readonly Block[], level: number): string {
        return lines(blocks.map(b => this.block(b, level)).filter(s => s !== ''));
    }

    private block(block: Block, level: number): string {
        switch (block.kind) {
            case 'paragraph': return this.paragraph(block);
            case 'list': return block.items.length === 0 ? '' : `<ul>\n${block.items.map(i => `<li>${this.inlines(i)}</li>`).join('\n')}\n</ul>`;
            case 'table': return this.table(block);
            case 'signatures': return this.signatures(block);
            case 'section': return this.section(block, level);
        }
    }

    private paragraph(p: Paragraph): string {
        return `<p${p.style ? ` class="${p.style}"` : ''}>${this.inlines(p.content)}</p>`;
    }

    private inlines(content: readonly Inline[]): string {
        return content.map(i => this.inline(i)).join('');
    }

    private inline(inline: Inline): string {
        if (inline.kind === 'ref') {
            const label = this.txt(inline.text ?? '');
            const anchor = this.anchors.target(inline.target);
            return anchor ? `<a class="ref" href="#${anchor}">${label}</a>` : label;
        }
        let html = this.txt(inline.text);
        if (inline.emphasis) html = `<em>${html}</em>`;
        if (inline.strong) html = `<strong>${html}</strong>`;
        return html;
    }

    private table(table: Table): string {
        // Smaller type for many columns, or for five columns of amounts (which never wrap) beside a label.
        const wide = table.columns.length > 6 || table.columns.filter(c => c.align === 'right').length >= 5;
        const classes = [...(wide ? ['wide'] : []), ...(table.rows.length + (table.footer?.length ?? 0) <= KEEP_ROWS ? ['keep'] : [])];
        return ['<div class="table-wrap">', htmlTable(table, classes, this.txt), '</div>'].join('\n');
    }

    private signatures(block: SignatureBlock): string {
        const out: string[] = ['<div class="signature-block">'];
        if (block.date) out.push(`<p class="done">${this.txt(block.date)}</p>`);
        out.push('<ul class="signatories">');
        for (const s of block.signatories) {
            out.push('<li class="signatory">');
            out.push(`<p class="party">${this.txt(s.party)}</p>`);
            if (s.role) out.push(`<p class="role">${this.txt(s.role)}</p>`);
            if (s.person) out.push(`<p class="person">${this.txt(s.person)}</p>`);
            out.push('<p class="sign-here" aria-hidden="true">Signature</p>');
            out.push('</li>');
        }
        out.push('</ul>', '</div>');
        return out.join('\n');
    }

    // --- style ----------------------------------------------------------------------------------------

    private css(): string {
        const page = this.document.titlePage;
        return documentCss(cssString(runningHeaderText(page)));
    }
}

/**
 * `parts.join('\n')` by concatenation, which links the strings instead of copying them: sections nest, and a join at
 * each level copied a long name again (a third of the HTML's time on a name of 4 million characters). The page's
 * final join copies everything once.
 */
function lines(parts: readonly string[]): string {
    let result = parts[0] ?? '';
    for (let i = 1; i < parts.length; i++) result = `${result}\n${parts[i]}`;
    return result;
}

/** Tables up to this many rows are kept on one page when printed. */
const KEEP_ROWS = 15;
