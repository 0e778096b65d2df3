/**
 * The style sheet of the HTML contract document, in named parts joined in order: screen and print, A4 pages with a
 * running header and page numbers. The running header is the one value from the document; it arrives as a CSS
 * string literal already escaped (`cssString` in html.ts).
 */
/** The page, the text and the headings, links and focus. */
const PAGE_AND_TEXT = `:root {
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
/* A cross-reference is never cut at a line's end ("annexe / 1"). */
a.ref { text-decoration: underline dotted; white-space: nowrap; }
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
`;

/** The title page. */
const TITLE_PAGE = `/* Title page */
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
`;

/** The table of contents, with page numbers where known (on the last line of an entry that wraps). */
const TABLE_OF_CONTENTS = `/* Table of contents */
.toc h2 { text-align: center; font-variant: small-caps; letter-spacing: 0.08em; }
.toc ol { list-style: none; padding-left: 0; }
.toc ol ol { padding-left: 1.6em; margin: 0.2em 0 0.6em; }
.toc a { text-decoration: none; color: var(--ink); }
.toc a:hover, .toc a:focus { text-decoration: underline; }
.toc > ol > li { margin-top: 0.4em; font-weight: bold; }
.toc ol ol li { font-weight: normal; }
.toc-line { display: flex; align-items: last baseline; gap: 0.3em; }
.toc-line > a { flex: 0 1 auto; }
.toc-page { margin-left: auto; padding-left: 0.3em; font-variant-numeric: tabular-nums; }
.toc-page[aria-hidden] { visibility: hidden; }
`;

/** Visas, preamble, titres and articles. */
const ARTICLES = `/* Visas, préambule, titres, articles */
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
`;

/** Data tables (kept on one page when short, `KEEP_ROWS`). */
const TABLES = `/* Tables */
.table-wrap { overflow-x: auto; margin: 0.6em 0 1.2em; }
table.data { border-collapse: collapse; width: 100%; font-size: 0.86em; line-height: 1.3; font-variant-numeric: tabular-nums lining-nums; }
table.data.wide { font-size: 0.8em; }
table.data.wide th, table.data.wide td { padding: 0.3em 0.3em; }
table.data caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 0.35em; }
table.data th, table.data td { border: 1px solid var(--rule); padding: 0.3em 0.45em; vertical-align: top; text-align: left; }
table.data thead th { background: var(--shade); font-weight: bold; }
table.data tbody th { font-weight: normal; }
table.data tfoot th, table.data tfoot td { font-weight: bold; background: #f7f7f5; border-top: 2px solid var(--ink); }
table.data .num { text-align: right; white-space: nowrap; }
/* A heading over numbers may wrap ("Cible / 2023"): ten columns of unbroken headings are wider than the page, and
   Chromium then shrinks every page of the PDF to fit. */
table.data thead th.num { white-space: normal; }
table.data .center { text-align: center; }
table.data.wide tbody th { min-width: 7em; }
.nowrap { white-space: nowrap; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr, caption { break-inside: avoid; page-break-inside: avoid; }
table.keep { break-inside: avoid; page-break-inside: avoid; }
/* A paragraph that introduces a table ("… au tableau ci-après.") stays on the page of the table. */
p:has(+ .table-wrap) { break-after: avoid; page-break-after: avoid; }
`;

/** The signature blocks. */
const SIGNATURES = `/* Signatures */
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
`;

/** The annexes (one action sheet a page when printed). */
const ANNEXES = `/* Annexes */
#fiches-actions > section.part { border-top: 1px solid var(--rule); padding-top: 0.2em; }
/* The annex heading's rule already stands above the first sheet: no second one. */
#fiches-actions > h2 + section.part { border-top: none; }
`;

/** Printing: no screen margins, page breaks before titres and annexes. */
const PRINT = `@media print {
  html { background: none; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .skip-link { display: none; }
  .title-page { min-height: 0; height: 240mm; margin: 0; break-after: page; page-break-after: always; }
  .toc { break-after: page; page-break-after: always; }
  section.titre, section.annex { break-before: page; page-break-before: always; }
  #fiches-actions > section.part + section.part { break-before: page; page-break-before: always; border-top: none; }
  .table-wrap { overflow: visible; }
}`;

/**
 * The printed page, in millimetres: A4 and its margins, as `@page` says below. The table of contents' page numbers
 * are measured on a layout of the page's content box (html-toc-pages.ts).
 */
export const PRINTED_PAGE = { width: 210, height: 297, marginTop: 22, marginSides: 18, marginBottom: 20 } as const;

/** A4 pages: the running header top left, page numbers at the bottom, neither on the title page. */
const pageBoxes = (runningHeader: string) => `@page {
  size: A4;
  margin: ${PRINTED_PAGE.marginTop}mm ${PRINTED_PAGE.marginSides}mm ${PRINTED_PAGE.marginBottom}mm;
  @top-left { content: ${runningHeader}; width: 100%; white-space: nowrap; font-family: Cambria, "Times New Roman", serif; font-size: 8.5pt; color: #555; }
  @bottom-center { content: "Page " counter(page) " sur " counter(pages); font-family: Cambria, "Times New Roman", serif; font-size: 8.5pt; color: #555; }
}
@page :first {
  @top-left { content: none; }
  @bottom-center { content: none; }
}
`;

/** The document's style sheet, with `runningHeader` (a CSS string literal) in the top margin of each page. */
export function documentCss(runningHeader: string): string {
    return [PAGE_AND_TEXT, TITLE_PAGE, TABLE_OF_CONTENTS, ARTICLES, TABLES, SIGNATURES, ANNEXES, PRINT, pageBoxes(runningHeader)].join('\n');
}
