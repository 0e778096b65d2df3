/**
 * A table of the document model as HTML, shared by the contract document and the follow-up report: a caption,
 * column headers with their scope, the first cell of each row as its header (it names the row: establishment,
 * indicator, rubrique, total), numbers aligned right, a footer for totals.
 */
import type { Cell, Table } from '../document/model.js';
import { htmlText } from './html-text.js';

/** The `<table>` element, of class `data` and `classes`; `txt` converts its texts (a renderer passes its cache). */
export function htmlTable(table: Table, classes: readonly string[] = [], txt: (value: string) => string = htmlText): string {
    const align = (i: number) => {
        const a = table.columns[i]?.align;
        return a === 'right' ? ' class="num"' : a === 'center' ? ' class="center"' : '';
    };
    const cell = (c: Cell, i: number) => {
        const content = typeof c === 'string' ? txt(c) : c.strong ? `<strong>${txt(c.text)}</strong>` : txt(c.text);
        return i === 0 ? `<th scope="row"${align(i)}>${content}</th>` : `<td${align(i)}>${content}</td>`;
    };
    const rows = (cells: readonly Cell[][]) => cells.map(r => `<tr>${r.map(cell).join('')}</tr>`).join('\n');
    return [
        `<table class="${['data', ...classes].join(' ')}">`,
        `<caption>${txt(table.caption)}</caption>`,
        `<thead>\n<tr>${table.columns.map((c, i) => `<th scope="col"${align(i)}>${txt(c.label)}</th>`).join('')}</tr>\n</thead>`,
        `<tbody>\n${rows(table.rows)}\n</tbody>`,
        ...(table.footer && table.footer.length > 0 ? [`<tfoot>\n${rows(table.footer)}\n</tfoot>`] : []),
        '</table>',
    ].join('\n');
}
