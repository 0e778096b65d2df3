/** What the HTML, Markdown and Word renderers share: headings, section walking and the wording of the title page. */
import type { Block, Section, TitlePage } from '../document/model.js';
import { collapseWhiteSpace, TextWriter } from './text-writer.js';

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

/**
 * Where a no-break space goes: spaces or tabs before a sign (the last of them here), or after `«`. Found by the
 * regular expression engine, which skips the rest of the text natively: a loop over every character took 40 ms on a
 * name of 4 million characters, drawn a dozen times in a document (fuzz seed 20261203, input 26916).
 */
// The engine looks for the signs (rare) and only then behind them: `[ \t][:;!?»]` tried each of a million spaces.
const SPACED_SIGN = /(?<=[ \t])[:;!?»]|«[ \t]/g;

function spaceBeforeSigns(text: string): string {
    SPACED_SIGN.lastIndex = 0;
    let match = SPACED_SIGN.exec(text);
    if (match === null) return text;
    const out = new TextWriter(text.length);
    let copied = 0;
    for (; match !== null; match = SPACED_SIGN.exec(text)) {
        const at = match.index;
        if (text.charCodeAt(at) !== OPENING_QUOTE) {
            // The spaces before it went with a `«` already written (`« :`): nothing to do.
            if (at - 1 < copied) continue;
            // The run of spaces before the sign, back to what is already written, becomes one no-break space.
            let start = at - 1;
            while (start > copied && isSpaceOrTab(text.charCodeAt(start - 1))) start--;
            out.slice(text, copied, start);
            out.unit(NO_BREAK_SPACE);
            copied = at;
            continue;
        }
        let end = at + 1;
        while (end < text.length && isSpaceOrTab(text.charCodeAt(end))) end++;
        out.slice(text, copied, at + 1);
        out.unit(NO_BREAK_SPACE);
        copied = end;
        SPACED_SIGN.lastIndex = end;
    }
    out.slice(text, copied, text.length);
    return out.toString();
}

const OPENING_QUOTE = 0xAB;
const NO_BREAK_SPACE = 0xA0;

function isSpaceOrTab(c: number): boolean {
    return c === 0x20 || c === 0x09;
}

/** Texts this long are converted once per document, however many times they are drawn. */
const CACHED_LENGTH = 1_000;

/**
 * A renderer's conversion of document text (spacing and escaping, a Word table's measures), done once per long
 * text: a name or a title is drawn several times (a party's name a dozen times: title page, clauses, signatures),
 * and converting 4 million characters each time took over a second.
 */
export class ConvertedTexts<T = string> {
    private readonly converted = new Map<string, T>();

    constructor(private readonly convert: (value: string) => T) {}

    of(value: string): T {
        if ((value ?? '').length < CACHED_LENGTH) return this.convert(value);
        let converted = this.converted.get(value);
        if (converted === undefined) {
            converted = this.convert(value);
            this.converted.set(value, converted);
        }
        return converted;
    }
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
