/** The diff as a pull-request comment: a one-line summary, then sections with collapsible details and tables. */
import { joinFr } from '@cpom/language';
import type { ChangeArea, ChangeRecord, SemanticDiff } from '../change.js';
import { formatRecordValue } from '../describe.js';

const AREA_TITLES: Record<ChangeArea, string> = {
    identification: 'Identification', duration: 'Durée', parties: 'Parties', signatories: 'Signataires', perimeter: 'Périmètre',
    diagnostic: 'Diagnostic', objectives: 'Objectifs', indicators: 'Indicateurs', targets: 'Cibles', funding: 'Financement',
    'follow-up': 'Suivi', avenants: 'Avenants',
};

/** User text in Markdown: every special character escaped, HTML inert, one line. */
export function escapeMarkdownText(text: string): string {
    return text
        .replace(/[\\`*_[\]{}()#+\-.!|~<>]/g, c => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
        .replace(/\r?\n|\r/g, ' ');
}

function row(cells: string[]): string {
    return `| ${cells.join(' | ')} |`;
}

export function formatDiffMarkdown(diff: SemanticDiff): string {
    const out: string[] = [];
    const title = diff.old.id === diff.new.id ? diff.new.id : `${diff.old.id} → ${diff.new.id}`;
    out.push(`**${escapeMarkdownText(title)}** : ${escapeMarkdownText(diff.summary.headline)}`);
    out.push('');
    if (diff.changes.length === 0) {
        out.push('Aucun changement de fond ni rédactionnel.');
        return out.join('\n') + '\n';
    }
    const signed = diff.summary.signedAvenantsEdited ?? [];
    if (signed.length > 0) {
        out.push(`⚠️ ${signed.length > 1 ? 'Les avenants' : 'L\'avenant'} ${joinFr(signed.map(n => `n° ${n}`))}, déjà ${signed.length > 1 ? 'signés, sont modifiés' : 'signé, est modifié'} : le texte signé ne change pas ; un nouvel avenant est nécessaire.`);
        out.push('');
    }
    out.push(diff.summary.substantive === 0 && signed.length > 0 ? 'Aucun autre changement de fond.' : diff.summary.needsAvenant
        ? `⚠️ ${diff.summary.substantive} changement${diff.summary.substantive > 1 ? 's' : ''} de fond : un avenant est nécessaire.`
        : diff.summary.editorial === 0
            ? 'Changements dans les avenants seulement : pas d\'autre avenant nécessaire.'
            : 'Pas de changement de fond : pas d\'avenant nécessaire.');
    out.push('');
    const byArea = new Map<ChangeArea, ChangeRecord[]>();
    for (const change of diff.changes) byArea.set(change.area, [...(byArea.get(change.area) ?? []), change]);
    for (const [area, changes] of byArea) {
        const substantive = changes.some(c => c.substantive);
        const kindWord = substantive || area === 'avenants' ? '' : ` rédactionnel${changes.length > 1 ? 's' : ''}`;
        out.push(`<details${substantive || area === 'avenants' ? ' open' : ''}><summary><b>${AREA_TITLES[area]}</b> — ${changes.length} changement${changes.length > 1 ? 's' : ''}${kindWord}</summary>`);
        out.push('');
        out.push(row(['', 'Changement', 'Avant', 'Après']));
        out.push(row(['---', '---', '---', '---']));
        for (const c of changes) {
            const [before, after] = beforeAfter(c);
            out.push(row([kindMark(c), escapeMarkdownText(c.description), escapeMarkdownText(before), escapeMarkdownText(after)]));
        }
        out.push('');
        out.push('</details>');
        out.push('');
    }
    return out.join('\n') + '\n';
}

function kindMark(c: ChangeRecord): string {
    return { add: '➕', remove: '➖', change: '✏️', rename: '🔤', move: '↪️' }[c.kind];
}

/** Long values (texts, whole elements) are cut: the description says what changed, the table shows the values. */
function cell(c: ChangeRecord, side: 'old' | 'new'): string {
    const text = formatRecordValue(c, side);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function beforeAfter(c: ChangeRecord): [string, string] {
    switch (c.kind) {
        case 'change': return [cell(c, 'old'), cell(c, 'new')];
        case 'rename': return [c.from ?? '', c.to ?? ''];
        case 'move': return [c.from ?? '', c.to ?? ''];
        case 'add': return ['', cell(c, 'new')];
        case 'remove': return [cell(c, 'old'), ''];
    }
}
