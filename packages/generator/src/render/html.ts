/**
 * Renders the contract document as one self-contained HTML5 file: inline CSS, no script, no external
 * resource. Accessible (one h1, heading levels that follow the structure, captioned tables with header
 * scopes, a table of contents, a skip link) and printable on A4 (page breaks before each titre and annex,
 * running header, page numbers where the browser supports `@page` margin boxes). Pure: no I/O.
 *
 * Every string of the document is plain text and goes through `escapeHtml` (or `cssString` for the running
 * header); section ids go through `Anchors`, which turns them into safe, unique HTML ids.
 */
import { Anchors, framesSentence, frenchSpacing, headingText, partyConnector, sectionsOf } from './common.js';
import type { Block, Cell, ContractDocument, Inline, Paragraph, Section, SignatureBlock, Table } from '../document/model.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(value: string): string {
    return (value ?? '').replace(/[&<>"']/g, c => HTML_ESCAPES[c]!);
}

/** Document text as HTML: French spacing, then escaped. */
function txt(value: string): string {
    return escapeHtml(frenchSpacing(value));
}

/** A CSS string literal: anything but letters, digits, spaces and non-ASCII characters is a hex escape (so no `</style>`). */
/** The running header holds on one line of the page's top margin: a long title is cut at a word, with `…`. */
const RUNNING_HEADER_MAX = 95;

function oneLine(title: string): string {
    const flat = title.replace(/\s+/g, ' ').trim();
    if (flat.length <= RUNNING_HEADER_MAX) return flat;
    const cut = flat.slice(0, RUNNING_HEADER_MAX);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))} …`;
}

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
        out.push(`<title>${txt(d.titlePage.title || d.titlePage.heading)}</title>`);
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
        out.push(`<p class="doc-kind">${txt(page.heading)}</p>`);
        // Keep "2013-2017" on one line; a match starts where its digits do (no rescan of a long run of digits).
        out.push(`<h1>${txt(page.title).replace(/(?<!\d)\d+-\d+/g, m => `<span class="nowrap">${m}</span>`)}</h1>`);
        if (page.frames.length > 0) {
            out.push(`<p class="frames">${txt(framesSentence(page.frames))}</p>`);
        }
        if (page.between.length > 0) {
            out.push('<div class="parties">');
            page.between.forEach((party, i) => {
                const connector = partyConnector(i, page.between.length);
                if (connector) out.push(`<p class="between">${connector}</p>`);
                out.push(`<p class="party">${txt(party)}</p>`);
            });
            out.push('</div>');
        }
        if (page.period) out.push(`<p class="period">Pour la période ${txt(page.period)}</p>`);
        out.push('</header>');
        return out.join('\n');
    }

    private tableOfContents(): string {
        const d = this.document;
        const pages = this.options.pageNumbers;
        const page = (id: string) => (pages ? `<span class="toc-page"${pages.has(id) ? '' : ' aria-hidden="true"'}>${pages.get(id) ?? '000'}</span>` : '');
        const entry = (id: string, label: string, children = '') => `<li><span class="toc-line"><a href="#${id}">${txt(label)}</a>${page(id)}</span>${children}</li>`;
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
            ? `<span class="label">${txt(section.label)}</span><span class="sep"> — </span>${txt(section.title)}`
            : txt(section.title);
        return [
            `<section id="${this.anchors.of(section)}" class="${classes.join(' ')}">`,
            `<h${h}>${label}</h${h}>`,
            this.blocks(section.blocks, level + 1),
            '</section>',
        ].join('\n');
    }

    private blocks(blocks: readonly Block[], level: number): string {
        return blocks.map(b => this.block(b, level)).filter(s => s !== '').join('\n');
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
            const label = txt(inline.text ?? '');
            const anchor = this.anchors.target(inline.target);
            return anchor ? `<a class="ref" href="#${anchor}">${label}</a>` : label;
        }
        let html = txt(inline.text);
        if (inline.emphasis) html = `<em>${html}</em>`;
        if (inline.strong) html = `<strong>${html}</strong>`;
        return html;
    }

    private table(table: Table): string {
        const align = (i: number) => {
            const a = table.columns[i]?.align;
            return a === 'right' ? ' class="num"' : a === 'center' ? ' class="center"' : '';
        };
        // The first cell of a row names it (establishment, indicator, rubrique, total).
        const cell = (c: Cell, i: number) => {
            const content = typeof c === 'string' ? txt(c) : c.strong ? `<strong>${txt(c.text)}</strong>` : txt(c.text);
            return i === 0 ? `<th scope="row"${align(i)}>${content}</th>` : `<td${align(i)}>${content}</td>`;
        };
        const rows = (cells: readonly Cell[][]) => cells.map(r => `<tr>${r.map(cell).join('')}</tr>`).join('\n');
        const out = [
            '<div class="table-wrap">',
            `<table class="${['data', ...(table.columns.length > 6 ? ['wide'] : []), ...(table.rows.length + (table.footer?.length ?? 0) <= KEEP_ROWS ? ['keep'] : [])].join(' ')}">`,
            `<caption>${txt(table.caption)}</caption>`,
            `<thead>\n<tr>${table.columns.map((c, i) => `<th scope="col"${align(i)}>${txt(c.label)}</th>`).join('')}</tr>\n</thead>`,
            `<tbody>\n${rows(table.rows)}\n</tbody>`,
        ];
        if (table.footer && table.footer.length > 0) out.push(`<tfoot>\n${rows(table.footer)}\n</tfoot>`);
        out.push('</table>', '</div>');
        return out.join('\n');
    }

    private signatures(block: SignatureBlock): string {
        const out: string[] = ['<div class="signature-block">'];
        if (block.date) out.push(`<p class="done">${txt(block.date)}</p>`);
        out.push('<ul class="signatories">');
        for (const s of block.signatories) {
            out.push('<li class="signatory">');
            out.push(`<p class="party">${txt(s.party)}</p>`);
            if (s.role) out.push(`<p class="role">${txt(s.role)}</p>`);
            if (s.person) out.push(`<p class="person">${txt(s.person)}</p>`);
            out.push('<p class="sign-here" aria-hidden="true">Signature</p>');
            out.push('</li>');
        }
        out.push('</ul>', '</div>');
        return out.join('\n');
    }

    // --- style ----------------------------------------------------------------------------------------

    private css(): string {
        const page = this.document.titlePage;
        return baseCss(cssString(oneLine(page.title || page.heading)));
    }
}

/** Tables up to this many rows are kept on one page when printed. */
const KEEP_ROWS = 15;

const baseCss = (runningHeader: string) => `:root {
  --ink: #1a1a1a;
  --muted: #555;
  --rule: #9a9a9a;
  --accent: #1f3a66;
  --paper: #ffffff;
  --shade: #eef1f6;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { background: #e9e9e6; }
body {
  margin: 0 auto;
  max-width: 210mm;
  padding: 20mm 20mm 25mm;
  background: var(--paper);
  color: var(--ink);
  font-family: Cambria, "Times New Roman", "Liberation Serif", "Noto Serif", "DejaVu Serif", Georgia, serif;
  font-size: 11.5pt;
  line-height: 1.45;
  font-variant-numeric: lining-nums;
  hyphens: auto;
}
p { margin: 0 0 0.6em; text-align: justify; }
ul { margin: 0 0 0.8em; padding-left: 1.6em; }
li { margin-bottom: 0.2em; }
a { color: var(--accent); }
a.ref { text-decoration: underline dotted; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 1.3em; margin: 1.6em 0 0.8em; }
h3 { font-size: 1.1em; margin: 1.4em 0 0.6em; }
h4 { font-size: 1em; margin: 1.2em 0 0.5em; font-style: italic; }
h5, h6 { font-size: 1em; margin: 1em 0 0.4em; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: 1rem; top: -3rem; padding: 0.5rem 1rem; background: var(--accent); color: #fff; z-index: 10; }
.skip-link:focus { top: 1rem; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
main:focus { outline: none; }

/* Title page */
.title-page {
  display: flex; flex-direction: column; justify-content: center; align-items: center;
  min-height: 230mm; text-align: center; border: 4px double var(--rule);
  padding: 15mm 12mm; margin-bottom: 12mm;
}
.title-page p { text-align: center; }
.title-page .doc-kind { font-variant: small-caps; letter-spacing: 0.08em; font-size: 1.35em; margin-bottom: 0.4em; }
.title-page h1 { font-size: 1.9em; margin: 0.2em 0 0.8em; color: var(--accent); }
.title-page .frames { font-style: italic; color: var(--muted); max-width: 34em; margin-bottom: 2.2em; }
.title-page .parties { margin: 0.5em 0 2em; }
.title-page .between { text-transform: uppercase; letter-spacing: 0.2em; font-weight: bold; margin: 1.2em 0 0.6em; }
.title-page .party { font-size: 1.2em; margin: 0.2em 0; }
.title-page .period { font-size: 1.05em; border-top: 1px solid var(--rule); padding-top: 1em; }

/* Table of contents */
.toc h2 { text-align: center; font-variant: small-caps; letter-spacing: 0.08em; }
.toc ol { list-style: none; padding-left: 0; }
.toc ol ol { padding-left: 1.6em; margin: 0.2em 0 0.6em; }
.toc a { text-decoration: none; color: var(--ink); }
.toc a:hover, .toc a:focus { text-decoration: underline; }
.toc > ol > li { margin-top: 0.4em; font-weight: bold; }
.toc ol ol li { font-weight: normal; }
.toc-line { display: flex; align-items: baseline; gap: 0.3em; }
.toc-line > a { flex: 0 1 auto; }
.toc-page { margin-left: auto; padding-left: 0.3em; font-variant-numeric: tabular-nums; }
.toc-page[aria-hidden] { visibility: hidden; }

/* Visas, préambule, titres, articles */
.visas { margin: 1em 0 1.5em; }
p.legal { font-style: italic; margin-bottom: 0.4em; }
p.note { font-size: 0.85em; color: var(--muted); }
.visas-heading, .preamble h2, .signature-section > h2 { text-align: center; font-variant: small-caps; letter-spacing: 0.08em; }
section.titre > h2, section.annex > h2 {
  text-align: center; font-variant: small-caps; letter-spacing: 0.06em; font-size: 1.4em;
  border-bottom: 1px solid var(--rule); padding-bottom: 0.4em; margin-top: 1.8em;
}
section.titre > h2 .label, section.annex > h2 .label { color: var(--accent); }
section.article > h3 .label { color: var(--accent); }

/* Tables */
.table-wrap { overflow-x: auto; margin: 0.6em 0 1.2em; }
table.data { border-collapse: collapse; width: 100%; font-size: 0.86em; line-height: 1.3; font-variant-numeric: tabular-nums lining-nums; }
table.data.wide { font-size: 0.8em; }
table.data caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 0.35em; }
table.data th, table.data td { border: 1px solid var(--rule); padding: 0.3em 0.45em; vertical-align: top; text-align: left; }
table.data thead th { background: var(--shade); font-weight: bold; }
table.data tbody th { font-weight: normal; }
table.data tfoot th, table.data tfoot td { font-weight: bold; background: #f7f7f5; border-top: 2px solid var(--ink); }
table.data .num { text-align: right; white-space: nowrap; }
table.data .center { text-align: center; }
table.data.wide tbody th { min-width: 9em; }
.nowrap { white-space: nowrap; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr, caption { break-inside: avoid; page-break-inside: avoid; }
table.keep { break-inside: avoid; page-break-inside: avoid; }

/* Signatures */
.signature-block { break-inside: avoid; page-break-inside: avoid; margin-top: 1em; }
.signature-block .done { margin-bottom: 1.2em; }
ul.signatories {
  list-style: none; padding: 0; margin: 0;
  display: grid; grid-template-columns: repeat(auto-fit, minmax(15em, 1fr)); gap: 8mm;
}
li.signatory { border: 1px solid var(--rule); padding: 0.8em 1em; min-height: 40mm; display: flex; flex-direction: column; break-inside: avoid; }
li.signatory p { text-align: left; margin: 0 0 0.25em; }
li.signatory .party { font-weight: bold; }
li.signatory .role { font-style: italic; }
li.signatory .sign-here { margin-top: auto; padding-top: 2.5em; color: var(--muted); font-size: 0.8em; border-bottom: 1px dotted var(--rule); }

/* Annexes */
#fiches-actions > section.part { border-top: 1px solid var(--rule); padding-top: 0.2em; }

@media print {
  html { background: none; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .skip-link { display: none; }
  .title-page { min-height: 0; height: 240mm; margin: 0; break-after: page; page-break-after: always; }
  .toc { break-after: page; page-break-after: always; }
  section.titre, section.annex { break-before: page; page-break-before: always; }
  #fiches-actions > section.part + section.part { break-before: page; page-break-before: always; border-top: none; }
  .table-wrap { overflow: visible; }
}
@page {
  size: A4;
  margin: 22mm 18mm 20mm;
  @top-left { content: ${runningHeader}; width: 100%; white-space: nowrap; font-family: Cambria, "Times New Roman", serif; font-size: 8.5pt; color: #555; }
  @bottom-center { content: "Page " counter(page) " sur " counter(pages); font-family: Cambria, "Times New Roman", serif; font-size: 8.5pt; color: #555; }
}
@page :first {
  @top-left { content: none; }
  @bottom-center { content: none; }
}
`;
