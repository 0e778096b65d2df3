/** What the HTML, Markdown and Word renderers share: headings, section walking and the wording of the title page. */
import type { Block, Section, TitlePage } from '../document/model.js';
import { collapseWhiteSpace } from './text-writer.js';

/** "Titre 1 — Objet du contrat", "Article 2 — Diagnostic partagé"; an unnumbered part keeps its title. */
export function headingText(section: Section): string {
    return section.label ? `${section.label} — ${section.title}` : section.title;
}

/** The running header holds on one line of the page's top margin: a long title is cut at a word, with `…`. */
const RUNNING_HEADER_MAX = 95;

/** What the top margin of each page says, on one line, in the PDF and in Word. */
export function runningHeaderText(page: TitlePage): string {
    const flat = collapseWhiteSpace(page.runningHeader || page.title || page.heading).trim();
    if (flat.length <= RUNNING_HEADER_MAX) return flat;
    const cut = flat.slice(0, RUNNING_HEADER_MAX);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))} …`;
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
 * One pass over the text: each run of spaces or tabs is looked at from the sign after it (or from the « before
 * it), once. `/[ \t]+([:;!?»])/` rescanned a long run from each of its spaces (quadratic), and a callback per run
 * of spaces took seconds on a title of 500,000 words, drawn a dozen times in a document.
 */
export function frenchSpacing(value: string): string {
    // A document drafted from a broken version may lack a text: it is drawn as nothing, never a crash.
    return bindReferences(spaceBeforeSigns(value ?? ''));
}

/**
 * A no-break space after the letter of a code's article and after "n°", so that "L. 313-11", "R. 314-40" and
 * "n° 3" are never cut at the end of a line. A fixed-length pattern: one linear pass.
 */
function bindReferences(text: string): string {
    if (!text.includes('. ') && !text.includes('° ')) return text;
    return text.replace(/\b([LRD]\.|n°) (?=\d)/g, '$1\u00A0');
}

function spaceBeforeSigns(text: string): string {
    if (!SIGNS.test(text)) return text;
    let out = '';
    let copied = 0;
    // Signs found by their code, not by a global expression: a match costs more than a character (text-writer.ts).
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (!isSign(code)) continue;
        if (code !== OPENING_QUOTE) {
            let start = i;
            while (start > copied && isSpaceOrTab(text.charCodeAt(start - 1))) start--;
            if (start < i) {
                out += `${text.slice(copied, start)}\u00A0`;
                copied = i;
            }
            continue;
        }
        let end = i + 1;
        while (end < text.length && isSpaceOrTab(text.charCodeAt(end))) end++;
        if (end > i + 1) {
            out += `${text.slice(copied, i + 1)}\u00A0`;
            copied = end;
            i = end - 1;
        }
    }
    return copied === 0 ? text : out + text.slice(copied);
}

const OPENING_QUOTE = 0xAB;
const SIGNS = /[:;!?«»]/;

/** `: ; ! ? « »`. */
function isSign(code: number): boolean {
    return code === 0x3A || code === 0x3B || code === 0x21 || code === 0x3F || code === OPENING_QUOTE || code === 0xBB;
}

function isSpaceOrTab(c: number): boolean {
    return c === 0x20 || c === 0x09;
}

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
