/** The diff for a terminal: one line per change, substantive ones first, then the avenants, then wording. */
import { collapseWhiteSpace } from '@cpom/generator';
import type { ChangeRecord, SemanticDiff } from '../change.js';
import { diffTitle } from './title.js';
import { isLongTextChange, wordDiff } from './word-diff.js';

const COLORS = { add: '\x1b[32m', remove: '\x1b[31m', change: '\x1b[33m', rename: '\x1b[36m', move: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };
const SIGNS = { add: '+', remove: '-', change: '~', rename: '→', move: '↷' } as const;

export function formatDiffText(diff: SemanticDiff, options: { color?: boolean } = {}): string {
    const paint = (text: string, color: string) => (options.color ? `${color}${text}${COLORS.reset}` : text);
    const title = diffTitle(diff);
    const labels = diff.old.label || diff.new.label ? ` (${diff.old.label ?? 'ancien'} → ${diff.new.label ?? 'nouveau'})` : '';
    const lines = [paint(`${title}${labels} : ${diff.summary.headline}`, COLORS.bold)];
    // On one line, in one pass (text-writer.ts): a regular expression replace took a second on 1.5 million words.
    const words = (c: ChangeRecord & { old: string; new: string }) => collapseWhiteSpace(wordDiff(c.old, c.new).map(part => {
        if (part.kind === 'same') return part.text;
        return part.kind === 'removed' ? paint(`[-${part.text}-]`, COLORS.remove) : paint(`{+${part.text}+}`, COLORS.add);
    }).join(''));
    // A long text changed shows its words removed [-…-] and added {+…+}, as `git diff --word-diff` does.
    const line = (c: ChangeRecord) => `  ${paint(SIGNS[c.kind], COLORS[c.kind])} ${c.description}${isLongTextChange(c) ? `\n      ${words(c)}` : ''}`;
    const sections: Array<[string, ChangeRecord[]]> = [
        ['Changements de fond (avenant nécessaire) :', diff.changes.filter(c => c.substantive)],
        ['Avenants déjà signés modifiés (le texte signé ne change pas : un nouvel avenant est nécessaire) :', diff.changes.filter(c => c.signedAvenant !== undefined)],
        ['Avenants :', diff.changes.filter(c => !c.substantive && c.area === 'avenants' && c.signedAvenant === undefined)],
        ['Changements rédactionnels :', diff.changes.filter(c => !c.substantive && c.area !== 'avenants')],
    ];
    for (const [heading, changes] of sections) {
        if (changes.length > 0) lines.push(paint(heading, COLORS.bold), ...changes.map(line));
    }
    return lines.join('\n') + '\n';
}
