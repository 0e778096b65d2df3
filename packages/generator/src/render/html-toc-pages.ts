/**
 * The page numbers of the HTML table of contents, filled in the page already laid out by a browser: the same result
 * as `renderHtml(document, { pageNumbers })` over a draft rendered with an empty map, without parsing and laying
 * out the document again (issue 15). Kept next to `html.ts`, whose markup it follows:
 * `<span class="toc-line"><a href="#ID">…</a><span class="toc-page" aria-hidden="true">000</span></span>`.
 */
import { PRINTED_PAGE } from './html-style.js';


/** A script for the browser's page (DevTools `Runtime.evaluate`); its value is the number of entries filled. */
export function tocPageNumbersScript(pageNumbers: ReadonlyMap<string, number>): string {
    // JSON of plain pairs: an id such as `__proto__` stays a key of a Map.
    const pairs = JSON.stringify([...pageNumbers]);
    return `((pairs) => {
        const pages = new Map(pairs);
        let filled = 0;
        for (const link of document.querySelectorAll('.toc .toc-line > a[href^="#"]')) {
            const span = link.nextElementSibling;
            const page = pages.get(link.getAttribute('href').slice(1));
            if (!span || !span.classList.contains('toc-page') || page === undefined) continue;
            span.textContent = String(page);
            span.removeAttribute('aria-hidden');
            filled++;
        }
        return filled;
    })(${pairs})`;
}

/**
 * A script for the browser's page, to run with the print media emulated: the page of each entry of the table of
 * contents, as `[id, page]` pairs, measured without printing (a print of the 5,000-line contract costs as much as
 * the rest of its PDF). Chromium prints a document wider than the page's content box (a wide table) laid out at
 * that width (at most twice it) and shrunk to fit, the page's height in the same ratio; pages are then the columns of
 * a multi-column layout of that size, where the forced page breaks of the style sheet break columns. This is an
 * estimate that the printed PDF's own anchors confirm (`pdfWithPageNumbers` in the command line). The page is left
 * as it was: the measuring style is removed. A page loaded `withTocMeasureStyle` is laid out at the page's width
 * from the start: the script then reads that layout instead of laying the whole document out once more, and leaves
 * the page at that width when it is the print's.
 */
export function tocPageEstimateScript(): string {
    return `((pageWidth, pageHeight) => {
        let style = document.getElementById(${JSON.stringify(MEASURE_STYLE_ID)});
        const loadedWithStyle = style !== null;
        if (!style) {
            style = document.createElement('style');
            style.textContent = ${JSON.stringify(pageWidthCss())};
            document.head.append(style);
        }
        // The content's width: its boxes' right edges (fractions of pixels count), or the body's overflow when wider
        // (rounded to a pixel, but it has the text that overflows its box). The root's box is the window's width.
        let right = 0;
        for (const element of document.body.querySelectorAll('*')) right = Math.max(right, element.getBoundingClientRect().right);
        if (document.body.scrollWidth > right + 1) right = document.body.scrollWidth;
        const width = Math.min(Math.max(right - document.body.getBoundingClientRect().left, pageWidth), 2 * pageWidth);
        const height = pageHeight * width / pageWidth;
        const forced = ['page', 'always', 'left', 'right', 'recto', 'verso'];
        const columnBreaks = [];
        const visit = (rules) => {
            for (const rule of rules) {
                if (rule instanceof CSSMediaRule) {
                    if (matchMedia(rule.conditionText).matches) visit(rule.cssRules);
                } else if (rule instanceof CSSStyleRule) {
                    const before = forced.includes(rule.style.breakBefore);
                    const after = forced.includes(rule.style.breakAfter);
                    if (before || after) columnBreaks.push(rule.selectorText + ' {' + (before ? ' break-before: column;' : '') + (after ? ' break-after: column;' : '') + ' }');
                }
            }
        };
        for (const sheet of document.styleSheets) visit(sheet.cssRules);
        style.textContent = 'html, body { margin: 0 !important; padding: 0 !important; } body { width: ' + width + 'px !important; max-width: none !important; height: ' + height + 'px !important; columns: ' + width + 'px; column-gap: 0; column-fill: auto; } ' + columnBreaks.join(' ');
        // Columns follow each other at the body's width as laid out, in 1/64 px (657.625 for 657.638): dividing by
        // the asked width put a heading at the start of the 80th column in the 79th.
        const { left, width: pitch } = document.body.getBoundingClientRect();
        const pages = [];
        for (const link of document.querySelectorAll('.toc .toc-line > a[href^="#"]')) {
            const id = link.getAttribute('href').slice(1);
            const target = document.getElementById(id);
            const box = target && (target.getClientRects()[0] ?? target.getBoundingClientRect());
            if (box) pages.push([id, Math.floor((box.left - left + 1) / pitch) + 1]);
        }
        // Left at the print's width unless the print lays the page out wider, to shrink it.
        if (loadedWithStyle && width === pageWidth) style.textContent = ${JSON.stringify(pageWidthCss())};
        else style.remove();
        return pages;
    })(${PAGE_BOX.width}, ${PAGE_BOX.height})`;
}

/**
 * The content box of a printed page, in CSS pixels, as Chromium lays the print out: rounded to whole pixels (A4 with
 * 18 mm side margins: 658 × 964, not 657.64 × 963.78; measured in its prints).
 */
const PAGE_BOX = {
    width: Math.round((PRINTED_PAGE.width - 2 * PRINTED_PAGE.marginSides) * (96 / 25.4)),
    height: Math.round((PRINTED_PAGE.height - PRINTED_PAGE.marginTop - PRINTED_PAGE.marginBottom) * (96 / 25.4)),
};

const MEASURE_STYLE_ID = 'cpom-toc-measure';

/**
 * The body as wide as a page's content box, without margins: the layout `tocPageEstimateScript` measures first, and
 * the one it leaves in a page loaded `withTocMeasureStyle` (the print is the same, pixel for pixel): laid out for the
 * screen at the print's width before printing, the print's own layouts reuse much of it (issue 15).
 */
function pageWidthCss(): string {
    return `html, body { margin: 0 !important; padding: 0 !important; } body { width: ${PAGE_BOX.width}px !important; max-width: none !important; }`;
}

/**
 * The HTML to load in the browser's page for `tocPageEstimateScript`: with the measuring style, which the script
 * leaves at the print's width, and rendered only once parsed. Each full layout of a 241-page contract costs ~0.3–0.7 s:
 * laid out for the screen at load, then again at the page's width, was one layout too many (issue 15). Never written
 * to a file: the HTML output has neither.
 */
export function withTocMeasureStyle(html: string): string {
    const end = html.indexOf('</head>');
    if (end < 0) return html;
    return `${html.slice(0, end)}<style id="${MEASURE_STYLE_ID}">${pageWidthCss()}</style>\n${RENDER_WHEN_PARSED}\n${html.slice(end)}`;
}

/**
 * No rendering before the whole document is parsed: the parser yields every few milliseconds, and Chromium laid the
 * part parsed so far out at each frame (five layouts of a growing document, ~0.3 s of the bench's contract, before
 * the one measured; issue 15). Render-blocking until an element is parsed ends when parsing ends, and no element has
 * this id.
 */
const RENDER_WHEN_PARSED = '<link rel="expect" href="#cpom-parsed" blocking="render">';
