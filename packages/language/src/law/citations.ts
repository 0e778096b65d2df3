/**
 * Reads the legal citations out of a French source line of the catalogue (« Article L. 313-11 du CASF ; arrêté du
 * 3 mars 2017 ») as registry ids (`CASF:L313-11`, `ARRETE:2017-03-03`). Non-legal sources (FINESS, ANAP, ISO 8601)
 * yield nothing. Used to check that every text the catalogue cites is in the registry.
 */

const MONTHS: Readonly<Record<string, string>> = {
    janvier: '01', février: '02', fevrier: '02', mars: '03', avril: '04', mai: '05', juin: '06', juillet: '07',
    août: '08', aout: '08', septembre: '09', octobre: '10', novembre: '11', décembre: '12', decembre: '12',
};

const DATE = String.raw`(1er|\d{1,2})\s+(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\s+(\d{4})`;

function isoOf(day: string, month: string, year: string): string {
    const dd = day === '1er' ? '01' : day.padStart(2, '0');
    return `${year}-${MONTHS[month.toLowerCase()]}-${dd}`;
}

/** The registry ids cited in `text`, each once, in order of appearance. */
export function legalCitationsIn(text: string): string[] {
    const found: Array<{ at: number; id: string }> = [];
    const add = (at: number, id: string) => found.push({ at, id });

    for (const match of text.matchAll(/\b([LRD])\.\s?(\d{3})-(\d+(?:-\d+)*)(?![\d-])/g)) {
        let id = `CASF:${match[1]}${match[2]}-${match[3]}`;
        if (id === 'CASF:L313-12') {
            const around = text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 15);
            if (/IV\s?ter/.test(around)) id = 'CASF:L313-12-IVter';
        }
        add(match.index, id);
    }
    for (const match of text.matchAll(/\barticle\s+(\d{3,4})\s+du\s+code\s+civil|code\s+civil,?\s+art(?:icle|\.)\s*(\d{3,4})/gi)) {
        add(match.index, `CCIV:${match[1] ?? match[2]}`);
    }
    for (const match of text.matchAll(new RegExp(String.raw`arrêté\s+du\s+${DATE}`, 'gi'))) {
        add(match.index, `ARRETE:${isoOf(match[1], match[2], match[3])}`);
    }
    for (const match of text.matchAll(/décret\s+n°\s?(\d{4}-\d+)/gi)) add(match.index, `DECRET:${match[1]}`);
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- reads the catalogue's own source lines, never user text
    for (const match of text.matchAll(/loi\s+n°\s?(\d{4}-\d+)[^;]*?,?\s+art(?:icle|\.)\s*(\d+)/gi)) {
        add(match.index, `LOI:${match[1]}:${match[2]}`);
    }
    for (const match of text.matchAll(/article\s+(\d+)\s+de\s+la\s+loi\s+n°\s?(\d{4}-\d+)/gi)) {
        add(match.index, `LOI:${match[2]}:${match[1]}`);
    }
    for (const match of text.matchAll(/circulaire[^;]*/gi)) {
        const clause = match[0];
        const nor = /NOR\s*:\s*([A-Z0-9]{12})/.exec(clause);
        const dated = new RegExp(String.raw`\bdu\s+${DATE}`, 'i').exec(clause);
        if (nor) add(match.index, `CIRCULAIRE:${nor[1]}`);
        else if (dated) add(match.index, `CIRCULAIRE:${isoOf(dated[1], dated[2], dated[3])}`);
    }
    return [...new Set(found.sort((a, b) => a.at - b.at).map(entry => entry.id))];
}
