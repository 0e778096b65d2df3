/**
 * The HTML the LSP client makes from the server's Markdown (hovers, completion documentation) is cleaned before it
 * is shown: Markdown may carry raw HTML, and a contract's texts reach the hovers. Only inert elements and attributes
 * are kept; links only to http(s) and in-page anchors.
 */
const ALLOWED = new Set(['A', 'B', 'BLOCKQUOTE', 'BR', 'CODE', 'DIV', 'EM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'I', 'LI', 'OL', 'P', 'PRE', 'SPAN', 'STRONG', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL']);
const ATTRIBUTES = new Set(['href', 'title', 'class', 'align', 'colspan', 'rowspan']);

export function sanitizeHtml(html: string): string {
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    const clean = (node: Element): void => {
        for (const child of [...node.children]) {
            if (!ALLOWED.has(child.tagName)) {
                // Unknown or active element: its text stays, the element goes.
                child.replaceWith(doc.createTextNode(child.textContent ?? ''));
                continue;
            }
            for (const attribute of [...child.attributes]) {
                const keep = ATTRIBUTES.has(attribute.name) && !(attribute.name === 'href' && !/^(https?:|#)/i.test(attribute.value.trim()));
                if (!keep) child.removeAttribute(attribute.name);
            }
            clean(child);
        }
    };
    clean(doc.body);
    return doc.body.innerHTML;
}
