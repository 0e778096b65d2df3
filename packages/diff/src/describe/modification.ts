/** What a `modifie X { … }` clause of an avenant says, in words, for the diff. */
import type { ElementNames } from './names.js';
import { amount, label, numberText, quantity, quote, shown, type JsonObject } from './values.js';

/** "capacité (hébergement temporaire) : 6 lits ; cible 2024 : 97,5 %". */
export function modificationContent(value: JsonObject | undefined, names: ElementNames): string {
    const v = value ?? {};
    const list = (key: string) => (Array.isArray(v[key]) ? v[key] as JsonObject[] : []);
    const parts: string[] = [];
    if (v.title !== undefined) parts.push(`intitulé ${quote(v.title)}`);
    for (const c of list('capacities')) {
        const modality = c.modality !== undefined ? ` (${label('modality', c.modality)})` : '';
        const unit = shown(c.unit ?? 'places');
        parts.push(`capacité${modality} : ${numberText(c.authorised)} ${unit}${c.funded !== undefined ? `, dont ${numberText(c.funded)} financées` : ''}`);
    }
    for (const t of list('targets')) parts.push(`cible ${shown(t.year)} : ${quantity(t)}`);
    if (v.baseline !== undefined) parts.push(`référence : ${quantity(v.baseline as JsonObject)} en ${shown((v.baseline as JsonObject).year)}`);
    for (const a of list('amounts')) parts.push(`montant ${shown(a.year)} : ${amount(a)}`);
    if (v.description !== undefined) parts.push('description');
    for (const a of list('addedActions')) parts.push(`action ${names.quotedElement(a)} ajoutée`);
    for (const i of list('addedIndicators')) parts.push(`indicateur ${names.quotedElement(i)} ajouté`);
    const others = Array.isArray(v.otherClauses) ? v.otherClauses.length : 0;
    if (others > 0) parts.push(`${others} autre${others > 1 ? 's' : ''} clause${others > 1 ? 's' : ''}`);
    return parts.length > 0 ? parts.join(' ; ') : 'aucune clause';
}
