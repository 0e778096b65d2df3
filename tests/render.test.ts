/**
 * HTML and Markdown renderers: golden files for every seed and example (`UPDATE_GOLDEN=1 npx vitest run
 * tests/render.test.ts` rewrites them), structure and accessibility of the output, and hostile strings that
 * must come out as inert, visible text.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { ast, createCpomServices } from '@cpom/language';
import { allSections, buildContractDocument, type ContractDocument, type Inline, renderHtml, renderMarkdown } from '@cpom/generator';
import { createServices, loadWorkspace } from '../packages/cli/src/workspace.js';
import { filesUnder, ROOT } from './helpers.js';

const GOLDEN = path.join(ROOT, 'tests', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Rendered {
    readonly name: string;
    readonly document: ContractDocument;
    readonly html: string;
    readonly md: string;
}

/** Golden name of a contract: the seed's file name, or the example's folder name. */
function groupOf(file: string): string {
    const relative = path.relative(ROOT, file).split(path.sep);
    return relative[0] === 'examples' && relative.length > 2 ? relative[1]! : path.basename(file, '.cpom');
}

/** Every seed and example, loaded together as `cpom check seeds examples` does; one document per contract. */
async function renderBundled(): Promise<Rendered[]> {
    const files = [...filesUnder(path.join(ROOT, 'seeds'), '.cpom'), ...filesUnder(path.join(ROOT, 'examples'), '.cpom')];
    const services = createServices();
    const workspace = await loadWorkspace(services, files);
    const found: Array<{ group: string; contract: ast.Contrat }> = [];
    for (const file of workspace.files) {
        const root = file.document.parseResult.value;
        if (!ast.isCpomFile(root)) continue;
        for (const element of root.elements) {
            if (ast.isContrat(element)) found.push({ group: groupOf(file.path), contract: element });
        }
    }
    return found.map(({ group, contract }) => {
        const alone = found.filter(f => f.group === group).length === 1;
        const document = buildContractDocument(contract, services.Cpom.cpom.WorkspaceIndex.avenantsOf(contract));
        return { name: alone ? group : `${group}-${contract.name}`, document, html: renderHtml(document), md: renderMarkdown(document) };
    }).sort((a, b) => a.name.localeCompare(b.name));
}

const bundled = await renderBundled();
const messidor = bundled.find(r => r.name === 'messidor-2013')!;

/** Compares with the golden file, or writes it under UPDATE_GOLDEN=1; reports the first differing line. */
function expectGolden(file: string, actual: string): void {
    const target = path.join(GOLDEN, file);
    if (UPDATE) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(target, actual);
        return;
    }
    expect(existsSync(target), `${path.relative(ROOT, target)} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/render.test.ts`).toBe(true);
    const expected = readFileSync(target, 'utf8');
    if (expected !== actual) {
        const a = actual.split('\n');
        const e = expected.split('\n');
        const line = a.findIndex((l, i) => l !== e[i]);
        const at = line === -1 ? Math.min(a.length, e.length) : line;
        expect.fail(`${file} differs from its golden file at line ${at + 1}:\n  expected: ${e[at] ?? '(end of file)'}\n  actual:   ${a[at] ?? '(end of file)'}\n`
            + 'If the change is intended, run UPDATE_GOLDEN=1 npx vitest run tests/render.test.ts and review the diff.');
    }
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': '\'' };

/** What a reader sees: the body without tags, entities decoded once. */
function visibleText(html: string): string {
    const body = html.slice(html.indexOf('<body>'));
    return body.replace(/<\/?(a|strong|em|span)\b[^>]*>/g, '').replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39);/g, m => ENTITIES[m]!).replace(/\s+/g, ' ');
}

/** Every tag of the page: name and raw text. Escaped user text contains no `<`, so every `<x` is markup. */
function tagsOf(html: string): Array<{ name: string; raw: string }> {
    return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)[^>]*>/g)].map(m => ({ name: m[1]!.toLowerCase(), raw: m[0] }));
}

const ALLOWED_TAGS = new Set([
    'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'nav', 'main', 'section', 'div', 'span', 'p', 'a',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ol', 'ul', 'li', 'strong', 'em',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
]);

function refsOf(document: ContractDocument): Array<Extract<Inline, { kind: 'ref' }>> {
    const refs: Array<Extract<Inline, { kind: 'ref' }>> = [];
    const visit = (blocks: ContractDocument['preamble']) => {
        for (const block of blocks) {
            if (block.kind === 'paragraph') refs.push(...block.content.filter((i): i is Extract<Inline, { kind: 'ref' }> => i.kind === 'ref'));
            else if (block.kind === 'list') refs.push(...block.items.flat().filter((i): i is Extract<Inline, { kind: 'ref' }> => i.kind === 'ref'));
            else if (block.kind === 'section') visit(block.blocks);
        }
    };
    visit(document.visas);
    visit(document.preamble);
    visit(document.body);
    visit(document.annexes);
    return refs;
}

describe('bundled contracts', () => {
    it('are the seed and the four examples', () => {
        expect(bundled.map(r => r.name)).toEqual(['avenant-catalogue', 'avenants-modificatifs', 'ehpad-ivter', 'handicap-conjoint', 'messidor-2013']);
    });

    describe.each(bundled.map(r => [r.name, r] as const))('%s', (name, rendered) => {
        it('HTML matches its golden file', () => expectGolden(`${name}.html`, rendered.html));
        it('Markdown matches its golden file', () => expectGolden(`${name}.md`, rendered.md));

        it('HTML is one self-contained, script-free, accessible page', () => {
            const { html } = rendered;
            expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
            const tags = tagsOf(html);
            expect(tags.filter(t => !ALLOWED_TAGS.has(t.name)).map(t => t.raw)).toEqual([]);
            expect(tags.filter(t => /\s(on\w+|src|srcset|style)=/i.test(t.raw)).map(t => t.raw)).toEqual([]);
            expect(html).not.toMatch(/url\(|@import|https?:\/\//);
            // One h1; going deeper, heading levels never skip one.
            const levels = tags.filter(t => /^h[1-6]$/.test(t.name) && !t.raw.startsWith('</')).map(t => Number(t.name[1]));
            expect(levels.filter(l => l === 1)).toHaveLength(1);
            expect(levels[0]).toBe(1);
            levels.forEach((level, i) => { if (i > 0) expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1); });
            // Every table has a caption, every header cell a scope.
            expect(html.match(/<table/g)?.length).toBe(html.match(/<table[^>]*>\n<caption>/g)?.length);
            expect(tags.filter(t => t.name === 'th' && !t.raw.startsWith('</') && !/scope="(col|row)"/.test(t.raw))).toEqual([]);
            // Skip link, table of contents, and every internal link lands on an id.
            expect(html).toContain('<a class="skip-link" href="#contenu">');
            expect(html).toMatch(/<nav class="toc"[^>]*>/);
            const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map(m => m[1]));
            const targets = [...html.matchAll(/href="#([^"]+)"/g)].map(m => m[1]);
            expect(targets.filter(t => !ids.has(t))).toEqual([]);
            expect(ids.size).toBe([...html.matchAll(/\sid="([^"]+)"/g)].length);
        });

        it('Markdown links land on its anchors and holds no other HTML than its own', () => {
            const { md } = rendered;
            const anchors = new Set([...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map(m => m[1]));
            const targets = [...md.matchAll(/\]\(#([^)]+)\)/g)].map(m => m[1]);
            expect(targets.length).toBeGreaterThan(10);
            expect(targets.filter(t => !anchors.has(t))).toEqual([]);
            const tags = [...md.matchAll(/<[^>\n]*>/g)].map(m => m[0]);
            expect(tags.filter(t => !/^<a id="[A-Za-z0-9_-]+">$|^<\/a>$|^<br>$|^<\/?small>$/.test(t))).toEqual([]);
        });

        it('resolves every cross-reference to a number, and no section id leaks into the text', () => {
            const sections = [...allSections(rendered.document.body), ...allSections(rendered.document.annexes)];
            const ids = new Set(sections.map(s => s.id));
            for (const r of refsOf(rendered.document)) {
                expect(ids.has(r.target), r.target).toBe(true);
                expect(r.text).toMatch(/^(article \d+ du titre \d+|titre \d+|annexe \d+)$/);
            }
            const text = visibleText(rendered.html);
            const leaked = [...ids].filter(id => id.includes('-') && (text.includes(` ${id} `) || text.includes(`(${id})`)));
            expect(leaked).toEqual([]);
            const links = [...rendered.md.matchAll(/\[([^\]]*)\]\(#([^)]+)\)/g)].filter(m => m[2] !== undefined && !m[1]!.includes('—'));
            expect(links.filter(m => m[1] === m[2])).toEqual([]);
        });
    });
});

/** The text of a section's blocks, tables cell by cell, one line each. */
function textOf(blocks: readonly ContractDocument['annexes'][number]['blocks'][number][]): string[] {
    return blocks.flatMap(b => {
        if (b.kind === 'paragraph') return [b.content.map(i => i.text ?? '').join('')];
        if (b.kind === 'table') return [b.caption, ...[...b.rows, ...(b.footer ?? [])].map(r => r.map(c => (typeof c === 'string' ? c : c.text)).join(' | '))];
        if (b.kind === 'section') return [b.title, ...textOf(b.blocks)];
        return [];
    });
}

describe('what a signer reads in the annexes (from looking at the printed pages)', () => {
    const annex = (name: string, id: string) => bundled.find(r => r.name === name)!.document.annexes.find(a => a.id === id)!;

    it('names one tarification authority in the singular, two in the plural, never "Autorité(s)"', () => {
        const sheets = textOf(annex('handicap-conjoint', 'fiche-signaletique').blocks);
        expect(sheets).toContain('Autorité de tarification | Agence régionale de santé Pays de la Loire');
        expect(sheets).toContain('Autorités de tarification | Agence régionale de santé Pays de la Loire, Département de Loire-Atlantique');
        for (const r of bundled) expect(r.md, r.name).not.toMatch(/\(s\)/);
    });

    it('separates names that hold a comma with semicolons', () => {
        const sheets = textOf(annex('handicap-conjoint', 'fiches-actions').blocks);
        expect(sheets).toContain('Établissements concernés : IME Les Goélands, Rezé ; SESSAD Les Goélands, Rezé ; MAS L\'Estran, Saint-Nazaire ; FAM Le Verger, Ancenis-Saint-Géréon ; SAMSAH Estuaire, Nantes');
    });

    it('says "hors tarifs journaliers" only beside a tariff line, and prints the CNR before the details of the lines', () => {
        const messidorAnnex = textOf(annex('messidor-2013', 'annexe-financiere').blocks);
        expect(messidorAnnex.some(l => /^Total \| 4.150.000/.test(l))).toBe(true);
        expect(messidorAnnex.join('\n')).not.toContain('hors tarifs journaliers');
        const handicap = annex('handicap-conjoint', 'annexe-financiere');
        expect(textOf(handicap.blocks).join('\n')).toContain('Total (hors tarifs journaliers)');
        // The yearly table, the CNR, then one part per line: after the last line, the CNR would read as its own.
        expect(handicap.blocks.map(b => (b.kind === 'table' ? b.caption : b.kind))).toEqual(['Financements par année', 'Crédits non reconductibles', 'section', 'section', 'section', 'section']);
    });

    it('names the source of a funding line only when it adds to its payer', () => {
        const lines = textOf(annex('handicap-conjoint', 'annexe-financiere').blocks).join('\n');
        expect(lines).toContain('(financement : assurance maladie)');
        expect(lines).not.toContain('(financement : département)');
    });

    it('cites the law as a signed text does: the article and its code written out, no "CASF" nor bare "(R. 314-40)"', () => {
        for (const r of bundled) {
            const md = r.md.replace(/[\u00a0\u202f]/g, ' ');
            expect(md, r.name).not.toMatch(/CASF|\((?:article )?[LRD]\. ?\d{3}-[\d-]+\)/);
            expect(md, r.name).toContain('(article L. 313-11 du code de l\'action sociale et des familles)');
        }
    });

    it('heads a fiche action with its axis by number and title, without "Axe : Axe"', () => {
        const fiches = textOf(annex('messidor-2013', 'fiches-actions').blocks);
        expect(fiches).toContain('Axe 3 — Évaluer les personnes psychiquement fragiles grâce à une plateforme d\'évaluation socio-professionnelle construite avec les partenaires du territoire');
        expect(fiches.join('\n')).not.toContain('Axe : ');
    });
});

describe('MESSIDOR', () => {
    it('HTML: title page, 13 establishments, Article 4, 11 fiches actions, signatures', () => {
        const { html } = messidor;
        const text = visibleText(html);
        expect(text).toContain('Entre Agence régionale de santé Rhône-Alpes Et Association MESSIDOR');
        const perimeter = /<caption>Établissements et services du périmètre<\/caption>[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html);
        expect(perimeter?.[1]?.match(/<tr>/g)).toHaveLength(13);
        expect(text).toContain('Titre 1 — Objet du contrat');
        expect(text).toContain('Article 4 — Moyens');
        expect(text).toContain('Annexe 2 — Fiches actions');
        expect(html.match(/<section id="fiche-\d+" class="section part">/g)).toHaveLength(11);
        expect(text).toContain('Fiche action n° 11 — Rendre le siège plus efficient');
        expect(text).toContain('sur la durée fixée à l\'article 6 du titre 2.');
        expect(html).toContain('<a class="ref" href="#fiche-signaletique">annexe 1</a>');
        expect(html.match(/<li class="signatory">/g)).toHaveLength(2);
        expect(html).toMatch(/<p class="legal">Vu le code de l&#39;action sociale et des familles/);
    });

    it('HTML prints on A4 with page numbers, a running header and page breaks', () => {
        const { html } = messidor;
        expect(html).toContain('size: A4;');
        expect(html).toContain('counter(page)');
        expect(html).toMatch(/@top-left \{ content: "CPOM MESSIDOR/);
        expect(html).toMatch(/section\.titre, section\.annex \{ break-before: page;/);
        expect(html).toContain('tr, caption { break-inside: avoid;');
    });

    it('Markdown: title, parties, table of contents, headings and GFM tables', () => {
        const { md } = messidor;
        expect(md.startsWith('# CPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017\n')).toBe(true);
        expect(md).toContain('**ENTRE**\n\nAgence régionale de santé Rhône-Alpes\n\n**ET**\n\nAssociation MESSIDOR');
        expect(md).toContain('- [Titre 1 — Objet du contrat](#titre-objet)');
        expect(md).toContain('## <a id="titre-objet"></a>Titre 1 — Objet du contrat');
        expect(md).toContain('### <a id="moyens"></a>Article 4 — Moyens');
        expect(md.match(/^### <a id="fiche-\d+"><\/a>Fiche action n°\u00A0\d+ — /gm)).toHaveLength(11);
        const perimeter = md.slice(md.indexOf('**Établissements et services du périmètre**'));
        const table = perimeter.split('\n\n')[1]!.split('\n');
        expect(table[0]).toBe('| Établissement ou service | FINESS | Catégorie | Dép. | Capacité | Tarification |');
        expect(table[1]).toBe('| --- | --- | --- | :---: | ---: | --- |');
        expect(table).toHaveLength(2 + 13 + 1);
        expect(md).toContain('[article 6 du titre 2](#duree)');
    });
});

// --- hostile strings ---------------------------------------------------------------------------------

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const HOSTILE = `${SCRIPT} ${IMG} "quotes" &amp; 'apostrophe' *étoiles* _soulignés_ [lien](http://x) \`code\` | barre ~~barré~~ $x$`;

/** A small contract whose names and texts are hostile: “…” strings may hold " and newlines unescaped. */
const HOSTILE_CONTRACT = `
contrat HOSTILE “CPOM ${HOSTILE}” {
    cadre L313-12-2
    effet 2013-01-01
    fin 2017-12-31
    signature 2012-12-20
    departements 69
    preambule “${HOSTILE}
# pas un titre
- pas une liste
1. pas une liste numérotée
> pas une citation
---”
    gestionnaire GEST “Association ${HOSTILE}” { finess 690799994 statut association adresse “${HOSTILE}” }
    autorite ARS ars “ARS ${HOSTILE}”
    signataires ARS par “Rôle ${HOSTILE}”, GEST par “Présidente” “Mme ${HOSTILE}”
    perimetre {
        etablissement E1 “ESAT ${HOSTILE}” { finess 690999016 categorie ESAT departement 69 capacite 120 places tarification ARS }
    }
    diagnostic {
        activite     “${HOSTILE}”
        organisation “|${HOSTILE}|
| a | b |
|---|---|”
        ressources   “Ressources.”
        qualite      “Qualité.”
    }
    axe A1 “Axe ${HOSTILE}” {
        objectif O1 “Objectif ${HOSTILE}” {
            description “${HOSTILE}”
            etablissements E1
            action “Action ${HOSTILE}” echeance 2014-06-30 pilote “${HOSTILE}”
            indicateur I1 “Indicateur ${HOSTILE}” {
                unite “${HOSTILE}”
                source “${HOSTILE}”
                sens hausse
                reference 2012: 8
                cibles 2013: 9, 2014: 10, 2015: 12, 2016: 14, 2017: 15
            }
        }
    }
    moyens {
        dotation DG “Dotation ${HOSTILE}” {
            nature dotation_globale
            financeur ARS
            financement etat
            etablissements E1
            montants 2013: 100 €, 2014: 100 €, 2015: 100 €, 2016: 100 €, 2017: 100 €
            actualisation taux_regional “${HOSTILE}”
        }
        cnr “CNR ${HOSTILE}” 2014: 45 000 € pour E1 financeur ARS
    }
    suivi { comite ARS, GEST dialogue_de_gestion annuel }
}
avenant 1 au HOSTILE {
    effet 2015-01-01
    signataires ARS, GEST
    objet “${HOSTILE}”
}
`;

async function renderHostile(): Promise<{ document: ContractDocument; syntax: string[] }> {
    const services = createCpomServices(EmptyFileSystem);
    const { shared } = services;
    const document = shared.workspace.LangiumDocumentFactory.fromString(HOSTILE_CONTRACT, URI.parse('memory:///hostile.cpom'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const syntax = (document.diagnostics ?? []).filter(d => d.code === 'CPOM001' || d.code === 'CPOM002').map(d => `${d.range.start.line + 1}: ${d.message}`);
    const root = document.parseResult.value as ast.CpomFile;
    const contract = root.elements.find(ast.isContrat)!;
    return { document: buildContractDocument(contract, services.Cpom.cpom.WorkspaceIndex.avenantsOf(contract)), syntax };
}

const hostile = await renderHostile();

describe('hostile strings', () => {
    const { document } = hostile;
    const html = renderHtml(document);
    const md = renderMarkdown(document);

    it('parse, and reach the document', () => {
        expect(hostile.syntax).toEqual([]);
        expect(document.titlePage.title).toBe(`CPOM ${HOSTILE}`);
        expect(document.annexes.some(a => a.id === 'annexe-avenants')).toBe(true);
    });

    it('HTML: no markup from the contract, and the strings visible as typed', () => {
        expect(html).not.toMatch(/<script|<img|<iframe/i);
        const tags = tagsOf(html);
        expect(tags.filter(t => !ALLOWED_TAGS.has(t.name)).map(t => t.raw)).toEqual([]);
        expect(tags.filter(t => /onerror|\son\w+=/i.test(t.raw)).map(t => t.raw)).toEqual([]);
        // Inert but visible: in the title, the title page, the perimeter table, an indicator, the diagnostic, the signatures.
        expect(html).toContain(`<title>CPOM &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &quot;quotes&quot; &amp;amp; &#39;apostrophe&#39;`);
        const text = visibleText(html);
        for (const expected of [`CPOM ${HOSTILE}`, `ESAT ${HOSTILE}`, `Indicateur ${HOSTILE}`, `Rôle ${HOSTILE}`, `Mme ${HOSTILE}`, `${HOSTILE} # pas un titre - pas une liste`]) {
            expect(text).toContain(expected);
        }
        expect(html).toMatch(/<th scope="row">Indicateur &lt;script&gt;/);
        // The running header carries the title as a CSS string: hex escapes, no way out of <style>.
        const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
        expect(style).not.toContain('<');
        expect(style).toContain('content: "CPOM \\3c script\\3e alert\\28 1\\29 \\3c \\2f script\\3e');
        expect(html.match(/<\/style>/g)).toHaveLength(1);
    });

    it('Markdown: no HTML, no markup, no block from the contract', () => {
        expect(md).not.toMatch(/<script|<img|<iframe/i);
        const tags = [...md.matchAll(/<[^>\n]*>/g)].map(m => m[0]);
        expect(tags.filter(t => !/^<a id="[A-Za-z0-9_-]+">$|^<\/a>$|^<br>$|^<\/?small>$/.test(t))).toEqual([]);
        const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; "quotes" &amp;amp; \'apostrophe\' '
            + '\\*étoiles\\* \\_soulignés\\_ \\[lien\\](http\\://x) \\`code\\` \\| barre \\~\\~barré\\~\\~ \\$x\\$';
        expect(md).toContain(`# CPOM ${escaped}\n`);
        expect(md).toContain(`| ESAT ${escaped} |`);
        expect(md).toContain(`Indicateur ${escaped}`);
        // Newlines in a text do not start headings, lists, quotes, thematic breaks or tables.
        expect(md).not.toMatch(/^(#+ pas|- pas|1\. pas|> pas|---$|\| a \| b \|)/m);
        expect(md).toContain(`${escaped} \\# pas un titre - pas une liste 1. pas une liste numérotée &gt; pas une citation ---`);
        // Table rows keep their number of cells: every unescaped | is a cell border.
        const blocks = md.split('\n\n').filter(b => b.startsWith('| '));
        for (const block of blocks) {
            const counts = block.split('\n').map(l => l.match(/(?<!\\)\|/g)!.length);
            expect(new Set(counts).size, block).toBe(1);
        }
    });
});

describe('anchors', () => {
    const part = (id: string, title: string) => ({ kind: 'section' as const, id, sectionKind: 'part' as const, title, blocks: [] });
    const document: ContractDocument = {
        lang: 'fr', id: 'X',
        titlePage: { heading: 'Contrat pluriannuel d\'objectifs et de moyens', title: 'X', between: [], period: '', frames: [] },
        visas: [], preamble: [],
        body: [{ kind: 'section', id: 'titre', sectionKind: 'title', title: 'T', label: 'Titre 1', blocks: [
            part('axe-Été "x"', 'A'), part('axe-Été "x"', 'B'), part('sommaire', 'C'),
            { kind: 'paragraph', content: [{ kind: 'text', text: 'voir ' }, { kind: 'ref', target: 'axe-Été "x"', text: 'A' }] },
        ] }],
        signatures: { kind: 'signatures', signatories: [] },
        annexes: [],
    };

    it('are ASCII, unique even for duplicate ids or the page\'s own ids, and references go to the first', () => {
        const html = renderHtml(document);
        const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map(m => m[1]);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(expect.arrayContaining(['axe-Ete-x', 'axe-Ete-x-2', 'sommaire-2']));
        expect(html).toContain('voir <a class="ref" href="#axe-Ete-x">A</a>');
        expect(renderMarkdown(document)).toContain('voir [A](#axe-Ete-x)');
    });
});
