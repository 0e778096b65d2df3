/** What the HTML and Markdown renderers share: headings, section walking and the wording of the title page. */
import type { Block, Section } from '../document/model.js';

/** "Titre 1 — Objet du contrat", "Article 2 — Diagnostic partagé"; an unnumbered part keeps its title. */
export function headingText(section: Section): string {
    return section.label ? `${section.label} — ${section.title}` : section.title;
}

export function sectionsOf(blocks: readonly Block[]): Section[] {
    return blocks.filter((b): b is Section => b.kind === 'section');
}

/** "Conclu en application de l'article L. 313-11 … et du IV ter de l'article L. 313-12 …". */
export function framesSentence(frames: readonly string[]): string {
    return `Conclu en application ${frames.map(withDe).join(' et ')}.`;
}

function withDe(frame: string): string {
    if (/^(I{1,3}|IV|V|VI{1,3}|IX|X)\b/.test(frame)) return `du ${frame}`;
    if (/^[aeiouyàâéèêëîïôûh]/i.test(frame)) return `de l'${frame}`;
    return `de ${frame}`;
}

/** The words between the parties of the title page: "Entre" before the first, "Et" before the last. */
export function partyConnector(index: number, count: number): string | undefined {
    if (index === 0) return 'Entre';
    if (index === count - 1) return 'Et';
    return undefined;
}

/**
 * French spacing: a no-break space before « : ; ! ? » and inside « », so a line never starts with a colon.
 * Each run of spaces is matched once and looks at the character after it: `/[ \t]+([:;!?»])/` would rescan a long
 * run from each of its spaces (quadratic: minutes for a title of 30,000 spaces).
 */
export function frenchSpacing(value: string): string {
    // A document drafted from a broken version may lack a text: it is drawn as nothing, never a crash.
    return (value ?? '')
        .replace(/[ \t]+/g, (run, offset: number, whole: string) => (BEFORE_NBSP.has(whole.charAt(offset + run.length)) ? '\u00A0' : run))
        .replace(/«[ \t]+/g, '«\u00A0');
}

const BEFORE_NBSP = new Set([':', ';', '!', '?', '»']);

/**
 * Section ids as HTML ids and Markdown anchors: ASCII letters, digits, `-` and `_`, unique even when two
 * sections share an id (a reference then goes to the first).
 */
export class Anchors {
    private readonly bySection = new Map<Section, string>();
    private readonly byId = new Map<string, string>();
    private readonly used = new Set<string>();

    /** `reserved`: the page's own ids; `sections`: every section, registered depth first in document order. */
    constructor(reserved: readonly string[], sections: readonly Section[]) {
        for (const r of reserved) this.used.add(r);
        const visit = (list: readonly Section[]) => {
            for (const s of list) {
                this.add(s);
                visit(sectionsOf(s.blocks));
            }
        };
        visit(sections);
    }

    private add(section: Section): void {
        // `(?<!-)` anchors the trailing run at its start: `-+$` alone rescans a long run of hyphens from each of them.
        let base = section.id.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|(?<!-)-+$/g, '');
        if (!/^[A-Za-z]/.test(base)) base = `s-${base}`;
        let anchor = base;
        for (let n = 2; this.used.has(anchor); n++) anchor = `${base}-${n}`;
        this.used.add(anchor);
        this.bySection.set(section, anchor);
        if (!this.byId.has(section.id)) this.byId.set(section.id, anchor);
    }

    /** The anchor of a registered section. */
    of(section: Section): string {
        return this.bySection.get(section)!;
    }

    /** Where a reference to this id leads, if anywhere. */
    target(id: string): string | undefined {
        return this.byId.get(id);
    }
}
