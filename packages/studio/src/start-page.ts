/**
 * The start page: a new contract from a guided form (the skeleton of `cpom init`, @cpom/generator), the user's
 * files, and the bundled contracts (seeds/ and examples/) to learn from.
 */
import { contractSkeleton } from '@cpom/generator';
import { type CalendarDate, ESMS_CATEGORIES, endOfTerm, finessDepartment, isWellFormedFiness, type LegalFrameKey, parseIsoDate } from '@cpom/language';
import bundled from 'cpom-bundled-contracts';
import { byId, el } from './dom.js';
import type { LoadedFile } from './file-access.js';
import { lang, t } from './i18n.js';

interface BundledExample {
    readonly id: string;
    readonly title: string;
    readonly description: string;
    readonly files: ReadonlyArray<{ path: string; text: string }>;
}

const FRAMES: ReadonlyArray<[LegalFrameKey, string]> = [
    ['L313-11', 'L.313-11 — CPOM de droit commun'],
    ['L313-12-2', 'L.313-12-2 — établissements et services pour personnes handicapées, SSIAD'],
    ['L313-12-IVter', 'L.313-12 IV ter — EHPAD et petites unités de vie'],
    ['L313-11-1', 'L.313-11-1 — services d’aide et d’accompagnement à domicile'],
    ['L313-11-2', 'L.313-11-2 — centres d’hébergement et de réinsertion sociale'],
];

/** What each bundled contract shows, in the studio's languages (the examples' READMEs are in English). */
const DESCRIPTIONS: Record<string, { fr: string; en: string }> = {
    'seeds/messidor-2013.cpom': { fr: 'CPOM de droit commun (L.313-11) de 13 ESAT en Rhône-Alpes, 2013-2017', en: 'Ordinary-law CPOM (L.313-11) of 13 ESAT in Rhône-Alpes, 2013-2017' },
    'examples/avenant-catalogue': { fr: 'Catalogues partagés et avenants', en: 'Shared catalogues and amendments' },
    'examples/ehpad-ivter': { fr: 'CPOM d’EHPAD (L.313-12 IV ter)', en: 'EHPAD CPOM under L.313-12 IV ter' },
    'examples/handicap-conjoint': { fr: 'CPOM du secteur du handicap (L.313-12-2), tarification conjointe', en: 'Handicap CPOM under L.313-12-2, joint tarification' },
};

export function examples(): readonly BundledExample[] {
    return bundled as BundledExample[];
}

export function renderStartPage(openFiles: (files: LoadedFile[], show?: string) => void): void {
    const frame = byId<HTMLSelectElement>('new-frame');
    frame.replaceChildren(...FRAMES.map(([key, label]) => el('option', { value: key, text: label })));
    const category = byId<HTMLSelectElement>('new-category');
    category.replaceChildren(...ESMS_CATEGORIES.map(c => el('option', { value: c.key, text: `${c.key} — ${c.label}` })));
    category.value = 'EHPAD';
    frame.value = 'L313-12-IVter';

    byId('examples-list').replaceChildren(...examples().map(example => {
        const button = el('button', { type: 'button', class: 'secondary', 'data-example': example.id }, `${t('openExample')} ${example.title}`);
        button.addEventListener('click', () => openFiles(example.files.map(f => ({ path: f.path, text: f.text }))));
        const description = DESCRIPTIONS[example.id]?.[lang] ?? example.description;
        return el('li', {}, button, description ? el('span', { class: 'hint', text: ` ${description}` }) : '');
    }));

    byId<HTMLFormElement>('new-contract').addEventListener('submit', event => {
        event.preventDefault();
        const created = newContract();
        if (created) openFiles([created]);
    });
}

/** The contract of the form, or undefined after pointing at the first field to correct. */
function newContract(): LoadedFile | undefined {
    const value = (id: string) => byId<HTMLInputElement | HTMLSelectElement>(id).value.trim();
    const invalid = (id: string): undefined => {
        const field = byId<HTMLInputElement>(id);
        field.setAttribute('aria-invalid', 'true');
        byId('new-error').textContent = `${t('formError')} « ${document.querySelector(`label[for=${id}]`)?.textContent ?? id} ».`;
        field.focus();
        return undefined;
    };
    for (const field of document.querySelectorAll('#new-contract [aria-invalid]')) field.removeAttribute('aria-invalid');
    const name = value('new-name');
    if (!/^[_a-zA-Z\u00C0-\u024F][\w\u00C0-\u024F]*$/.test(name)) return invalid('new-name');
    const effet = parseIsoDate(value('new-effet'));
    if (!effet) return invalid('new-effet');
    const fin: CalendarDate | undefined = value('new-fin') ? parseIsoDate(value('new-fin')) : endOfTerm(effet, 5);
    if (!fin) return invalid('new-fin');
    const gestionnaire = value('new-gestionnaire');
    if (!gestionnaire) return invalid('new-gestionnaire');
    const gestionnaireFiness = value('new-gestionnaire-finess').toUpperCase();
    if (!isWellFormedFiness(gestionnaireFiness)) return invalid('new-gestionnaire-finess');
    const finess = value('new-finess').toUpperCase();
    if (!isWellFormedFiness(finess)) return invalid('new-finess');
    const category = ESMS_CATEGORIES.find(c => c.key === value('new-category'))!;
    const capacityText = value('new-capacity');
    const capacity = capacityText ? Number.parseInt(capacityText, 10) : undefined;
    if (capacity !== undefined && !(capacity > 0)) return invalid('new-capacity');
    byId('new-error').textContent = '';
    const text = contractSkeleton({
        name, frame: value('new-frame') as LegalFrameKey, effet, fin, gestionnaire, gestionnaireFiness,
        establishments: [{ finess, category, capacity, department: finessDepartment(finess) }],
    });
    return { path: `${name.toLowerCase().replace(/_/g, '-')}.cpom`, text };
}
