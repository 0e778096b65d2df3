/**
 * The page numbers of the HTML table of contents, filled in the page already laid out by a browser: the same result
 * as `renderHtml(document, { pageNumbers })` over a draft rendered with an empty map, without parsing and laying
 * out the document again (the PDF's second print, issue 15). Kept next to `html.ts`, whose markup it follows:
 * `<span class="toc-line"><a href="#ID">…</a><span class="toc-page" aria-hidden="true">000</span></span>`.
 */

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
