/**
 * The page of each anchor of a PDF printed by Chromium: Chromium writes every element id that a link targets as a
 * named destination (`/Dests << /visas [42 0 R /XYZ …] … >>`) and its objects uncompressed, so the pages are the
 * order of the page tree's leaves. Read to number the table of contents: Chromium has no `target-counter()`.
 */

type Objects = ReadonlyMap<number, string>;

/** The PDF's objects by number (`12 0 obj … endobj`), as latin-1 text. */
function objectsOf(pdf: Uint8Array): Objects {
    const text = Buffer.from(pdf).toString('latin1');
    const objects = new Map<number, string>();
    const pattern = /(?:^|[\r\n])(\d+) 0 obj\b/g;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const start = match.index + match[0].length;
        const end = text.indexOf('endobj', start);
        if (end < 0) break;
        objects.set(Number(match[1]), text.slice(start, end));
        pattern.lastIndex = end;
    }
    return objects;
}

/** Object numbers of the pages, in order: the leaves of the page tree under the catalogue's `/Pages`. */
function pageOrder(objects: Objects): number[] {
    const catalogue = [...objects.values()].find(o => /\/Type\s*\/Catalog\b/.test(o));
    const root = Number(/\/Pages\s+(\d+) 0 R/.exec(catalogue ?? '')?.[1]);
    const pages: number[] = [];
    const visit = (id: number, depth: number) => {
        const node = objects.get(id);
        if (!node || depth > 64) return;
        const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
        if (/\/Type\s*\/Pages\b/.test(node) && kids) {
            for (const kid of kids[1]!.matchAll(/(?<!\d)(\d+) 0 R/g)) visit(Number(kid[1]), depth + 1);
        } else {
            pages.push(id);
        }
    };
    if (Number.isInteger(root)) visit(root, 0);
    return pages;
}

/** Page numbers (1-based) of the named destinations of a PDF printed by Chromium; empty if it has none. */
export function anchorPages(pdf: Uint8Array): Map<string, number> {
    const objects = objectsOf(pdf);
    const order = pageOrder(objects);
    const result = new Map<string, number>();
    const catalogue = [...objects.values()].find(o => /\/Type\s*\/Catalog\b/.test(o)) ?? '';
    const destsRef = /\/Dests\s+(\d+) 0 R/.exec(catalogue)?.[1];
    const dests = destsRef ? objects.get(Number(destsRef)) ?? '' : '';
    for (const [, name, page] of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
        const index = order.indexOf(Number(page));
        if (index >= 0) result.set(decodeName(name!), index + 1);
    }
    return result;
}

/** A PDF name as written: `#2d` is `-`. */
function decodeName(name: string): string {
    return name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
