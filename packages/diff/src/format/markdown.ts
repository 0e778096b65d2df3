/** The diff as a pull-request comment: a one-line summary, then sections with collapsible details and tables. */
import { joinFr } from '@cpom/language';
import { escapeMarkdown } from '@cpom/generator';
import type { ChangeArea, ChangeRecord, SemanticDiff } from '../change.js';
import { diffTitle } from './title.js';
import { isLongTextChange, wordDiff } from './word-diff.js';

const AREA_TITLES: Record<ChangeArea, string> = {
    identification: 'Identification', duration: 'Durée', parties: 'Parties', signatories: 'Signataires', perimeter: 'Périmètre',
    diagnostic: 'Diagnostic', objectives: 'Objectifs', indicators: 'Indicateurs', targets: 'Cibles', funding: 'Financement',
    'follow-up': 'Suivi', avenants: 'Avenants',
};

/** User text in Markdown: the generator's escaper (every special character, HTML, autolinks), one line. */
export const escapeMarkdownText = escapeMarkdown;

function row(cells: string[]): string {
    return `| ${cells.join(' | ')} |`;
}

export function formatDiffMarkdown(diff: SemanticDiff): string {
    const out: string[] = [];
    out.push(`**${escapeMarkdownText(diffTitle(diff))}** : ${escapeMarkdownText(diff.summary.headline)}`);
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
            // The values go in their columns when the record has them; otherwise the sentence says it all.
            const what = c.subject ?? c.description;
            out.push(row([kindMark(c), escapeMarkdownText(what), escapeMarkdownText(c.before ?? ''), escapeMarkdownText(c.after ?? '')]));
        }
        out.push('');
        for (const c of changes.filter(isLongTextChange)) out.push(...longText(c), '');
        out.push('</details>');
        out.push('');
    }
    return out.join('\n') + '\n';
}

/** A long text changed, word by word: removed words struck through, added ones in bold. */
function longText(c: ChangeRecord & { old: string; new: string }): string[] {
    const words = wordDiff(c.old, c.new).map(part => {
        const text = escapeMarkdownText(part.text);
        if (part.kind === 'same' || text.trim() === '') return text;
        return wrap(text, part.kind === 'removed' ? '~~' : '**');
    }).join('');
    return [`${escapeMarkdownText(c.description)} :`, '', `> ${words}`];
}

/** Wraps escaped text in a marker, spaces kept outside (`** a**` would not be bold). */
function wrap(escaped: string, marker: string): string {
    const core = escaped.trim();
    const start = escaped.indexOf(core);
    return `${escaped.slice(0, start)}${marker}${core}${marker}${escaped.slice(start + core.length)}`;
}

function kindMark(c: ChangeRecord): string {
    return { add: '➕', remove: '➖', change: '✏️', rename: '🔤', move: '↪️' }[c.kind];
}
