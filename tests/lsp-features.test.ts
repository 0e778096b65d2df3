/**
 * The editor features of the language server, on the in-memory LSP services (`lsp-services.ts`): completion,
 * hover, document links, inlay hints, definition, references and rename across two files, outline, folding and
 * semantic tokens. The workspace is a contract (`tests/fixtures/lsp/contrat.cpom`) importing a catalogue
 * (`referentiel.cpom`); documents are cleared after each test.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type LangiumDocument, TextDocument, URI } from 'langium';
import {
    clearDocuments, expectCompletion, expectFoldings, expectGoToDefinition, expectHover, expectSemanticToken,
    expectSymbols, highlightHelper, parseDocument,
} from 'langium/test';
import {
    CompletionItemKind, type CompletionItem, type DocumentSymbol, type InlayHint, type Position, SemanticTokenTypes, SymbolKind,
} from 'vscode-languageserver-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEPARTMENTS, ESMS_CATEGORIES, getRule } from '@cpom/language';
import type { CpomHoverProvider } from '../packages/language/src/lsp/cpom-hover.js';
import { ROOT } from './helpers.js';
import { lspServices } from './lsp-services.js';

const services = lspServices();
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'lsp');
const CONTRACT = readFileSync(path.join(FIXTURES, 'contrat.cpom'), 'utf8');
const REFERENTIEL = readFileSync(path.join(FIXTURES, 'referentiel.cpom'), 'utf8');
const CONTRACT_URI = 'file:///cpom/contrat.cpom';
const REFERENTIEL_URI = 'file:///cpom/referentiel.cpom';
const NNBSP = '\u202F';
const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, kind]) => [kind as number, name]));

let referentiel: LangiumDocument;

beforeEach(async () => {
    referentiel = await parseDocument(services, REFERENTIEL, { documentUri: REFERENTIEL_URI });
});

afterEach(async () => {
    await clearDocuments(services);
});

/** The text with the cursor marker `<|>` inserted `offset` characters into the `occurrence`-th `needle`. */
function mark(text: string, needle: string, offset = needle.length, occurrence = 0): string {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' not in the text`);
    }
    return text.slice(0, index + offset) + '<|>' + text.slice(index + offset);
}

/** Replaces exactly one occurrence. */
function once(text: string, from: string, to: string): string {
    expect(text.split(from).length - 1).toBe(1);
    return text.replace(from, to);
}

function positionIn(text: string, needle: string, offset = 0, occurrence = 0): Position {
    const doc = TextDocument.create('file:///x', 'cpom', 0, text);
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' not in the text`);
    return doc.positionAt(index + offset);
}

async function contract(text = CONTRACT, validation = false): Promise<LangiumDocument> {
    return parseDocument(services, text, { documentUri: CONTRACT_URI, validation });
}

async function hoverAt(document: LangiumDocument, position: Position): Promise<string | undefined> {
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : undefined;
}

async function completionsAt(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await expectCompletion(services)({
        text, index: 0, parseOptions: { documentUri: CONTRACT_URI }, disposeAfterCheck: true,
        assert: list => { items = list.items; },
    });
    return [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

describe('completion', () => {
    it('offers the ESMS categories after `catégorie`, with their label and FINESS code', async () => {
        const items = await completionsAt(mark(CONTRACT, 'catégorie ITEP 186', 'catégorie '.length).replace('<|>ITEP 186', '<|>'));
        expect(items.map(i => i.label)).toEqual(ESMS_CATEGORIES.map(c => c.key));
        const ehpad = items.find(i => i.label === 'EHPAD')!;
        expect(ehpad.detail).toBe("Établissement d'hébergement pour personnes âgées dépendantes (FINESS 500)");
        expect(ehpad.kind).toBe(CompletionItemKind.EnumMember);
        expect(ehpad.textEdit?.newText).toBe('EHPAD 500');
        expect(items.find(i => i.label === 'FAM')!.textEdit?.newText).toBe('FAM 437');
        expect(ehpad.documentation).toEqual({
            kind: 'markdown',
            value: "**EHPAD** — Établissement d'hébergement pour personnes âgées dépendantes\n\n"
                + '- Code de catégorie FINESS : 500\n- Secteur : personnes âgées\n'
                + "- Tarification habituelle : l'ARS et le département\n"
                + "- CPOM : CPOM obligatoire des EHPAD et petites unités de vie (IV ter de l'article L. 313-12 du code de l'action sociale et des familles)",
        });
    });

    it('offers the legal frames after `cadre`, with their French label', async () => {
        const items = await completionsAt(mark(CONTRACT, 'cadre L313-12-2', 'cadre '.length).replace('<|>L313-12-2', '<|>'));
        expect(items.map(i => i.label)).toEqual(['L313-11', 'L313-11-1', 'L313-11-2', 'L313-12-2', 'L313-12-IVter']);
        const ivTer = items.find(i => i.label === 'L313-12-IVter')!;
        expect(ivTer.detail).toBe("CPOM obligatoire des EHPAD et petites unités de vie — IV ter de l'article L. 313-12 du code de l'action sociale et des familles");
        expect(ivTer.kind).toBe(CompletionItemKind.EnumMember);
    });

    it('offers the years of the contract not yet targeted, in order', async () => {
        const text = once(CONTRACT, 'cibles 2019: 93 %, 2020: 94 %, 2021: 95 %, 2022: 95 %, 2023: 96 %', 'cibles 2019: 93 %, 2021: 95 %, <|>');
        const items = await completionsAt(text);
        expect(items.map(i => [i.label, i.detail])).toEqual([
            ['2020', '2e année du contrat'],
            ['2022', '4e année du contrat'],
            ['2023', '5e et dernière année du contrat'],
        ]);
        expect(items[0].kind).toBe(CompletionItemKind.Value);
    });

    it('offers the years without an amount in `montants`, and the funded years in `répartition`', async () => {
        const amounts = await completionsAt(once(CONTRACT, 'montants 2019: 600 000 €, 2020: 606 000 €, 2021: 612 060 €, 2022: 618 180,60 €, 2023: 624 362,41 €',
            'montants 2019: 600 000 €, 2023: 624 362,41 €, <|>'));
        expect(amounts.map(i => i.label)).toEqual(['2020', '2021', '2022']);
        const distribution = await completionsAt(once(CONTRACT, 'répartition 2019 {', 'répartition <|>'));
        expect(distribution.map(i => i.label)).toEqual(['2019', '2020', '2021', '2022', '2023']);
        const baseline = await completionsAt(once(CONTRACT, 'référence 2017: 40', 'référence <|>'));
        expect(baseline.map(i => [i.label, i.detail])).toEqual([['2018', 'année précédant le contrat'], ['2017', 'deux ans avant le contrat']]);
    });

    it('offers the départements with their names, the contract\'s own first; not those already listed', async () => {
        const items = await completionsAt(once(CONTRACT, '            département 21\n            capacité internat', '            département <|>\n            capacité internat'));
        expect(items.length).toBe(DEPARTMENTS.length);
        expect(items[0]).toMatchObject({ label: '21', detail: "Côte-d'Or (Bourgogne-Franche-Comté)", kind: CompletionItemKind.Value });
        expect(items.slice(1, 4).map(i => i.label)).toEqual(['01', '02', '03']);
        const listing = await completionsAt(once(CONTRACT, 'départements 21', 'départements 21, <|>'));
        expect(listing.length).toBe(DEPARTMENTS.length - 1);
        expect(listing.map(i => i.label)).not.toContain('21');
    });

    it('offers the establishments visible in the contract, catalogue entries qualified, with title and FINESS', async () => {
        const items = await completionsAt(once(CONTRACT, 'établissements SESSAD_DIJON\n            indicateur', 'établissements <|>\n            indicateur'));
        expect(items.map(i => [i.label, i.detail])).toEqual([
            ['ITEP_BEAUNE', 'ITEP Le Clos, Beaune — FINESS 210999025'],
            ['REF.IME_DIJON', 'IME Les Sources, Dijon — FINESS 210999017'],
            ['SESSAD_DIJON', 'SESSAD Les Sources, Dijon — FINESS 210999033'],
        ]);
        expect(items.every(i => i.kind === CompletionItemKind.Class)).toBe(true);
    });

    it('offers authorities and catalogue indicators where the grammar expects them', async () => {
        const authorities = await completionsAt(once(CONTRACT, 'financeur REF.ARS_BFC\n            financement assurance_maladie\n            établissements SESSAD_DIJON',
            'financeur <|>\n            financement assurance_maladie\n            établissements SESSAD_DIJON'));
        expect(authorities.map(i => [i.label, i.detail])).toEqual([
            ['REF.ARS_BFC', 'Agence régionale de santé Bourgogne-Franche-Comté (agence régionale de santé)'],
        ]);
        const indicators = await completionsAt(once(CONTRACT, 'indicateur OCC selon REF.TAUX_OCCUPATION', 'indicateur OCC selon <|>'));
        expect(indicators.map(i => [i.label, i.detail])).toEqual([
            ['ATTENTE', "Enfants en attente d'une place au SESSAD au 31 décembre"],
            ['REF.TAUX_OCCUPATION', "Taux d'occupation des lits ou places financés"],
        ]);
        // Not the indicator being declared: an indicator is not based on itself.
        expect(indicators[1].kind).toBe(CompletionItemKind.Property);
    });

    it('never throws on a broken document', async () => {
        const cut = CONTRACT.slice(0, CONTRACT.indexOf('cibles 2019') + 'cibles 20'.length);
        const items = await completionsAt(`${cut}<|>`);
        expect(items.map(i => i.label)).toEqual(['2019', '2020', '2021', '2022', '2023']);
    });
});

describe('hover', () => {
    it('shows the establishment card on a reference to a catalogue entry', async () => {
        await expectHover(services)({
            text: mark(CONTRACT, 'inclut REF.IME_DIJON', 'inclut REF.IM'.length),
            index: 0,
            parseOptions: { documentUri: CONTRACT_URI },
            hover: [
                '**Établissement** `IME_DIJON` — IME Les Sources, Dijon',
                '- FINESS : 210999017',
                '- Catégorie : IME (Institut médico-éducatif), code FINESS 183',
                "- Département : 21 (Côte-d'Or)",
                '- Capacité : 60 places autorisées (semi-internat 48, internat 12)',
                '- Tarification : ARS_BFC',
            ].join('\n'),
        });
    });

    it('shows an indicator with what it inherits through `selon` and its trajectory', async () => {
        await expectHover(services)({
            text: mark(CONTRACT, 'indicateur OCC', 'indicateur O'.length),
            index: 0,
            parseOptions: { documentUri: CONTRACT_URI },
            hover: [
                "**Indicateur** `OCC` — Taux d'occupation des lits ou places financés",
                '- Selon : `REF.TAUX_OCCUPATION`',
                '- Unité : % *(selon REF.TAUX_OCCUPATION)*',
                '- Sens : hausse ↗ *(selon REF.TAUX_OCCUPATION)*',
                '- Source : Tableau de bord de la performance (ANAP) *(selon REF.TAUX_OCCUPATION)*',
                '',
                '| Année | Valeur |',
                '|---|---:|',
                `| 2017 (référence) | 91,5${NNBSP}% |`,
                `| 2019 | 93${NNBSP}% |`,
                `| 2020 | 94${NNBSP}% |`,
                `| 2021 | 95${NNBSP}% |`,
                `| 2022 | 95${NNBSP}% |`,
                `| 2023 | 96${NNBSP}% |`,
                '',
                `Trajectoire : ↗ 91,5${NNBSP}% → 96${NNBSP}% en 2023`,
            ].join('\n'),
        });
    });

    it('shows a dotation with its amounts, total, share of the funding and distribution', async () => {
        const e = (text: string) => text.replace(/ (?=\d{3}\b)/g, NNBSP).replace(/ €/g, `${NNBSP}€`);
        await expectHover(services)({
            text: mark(CONTRACT, 'dotation DGC', 'dotation D'.length),
            index: 0,
            parseOptions: { documentUri: CONTRACT_URI },
            hover: [
                "**Dotation** `DGC` — Dotation globalisée commune de l'IME et de l'ITEP",
                '- Nature : dotation globalisée commune',
                '- Financeur : REF.ARS_BFC (Agence régionale de santé Bourgogne-Franche-Comté)',
                '- Financement : assurance maladie',
                "- Actualisation : taux d'actualisation régional",
                '',
                '| Année | Montant |',
                '|---|---:|',
                e('| 2019 | 5 000 000 € |'),
                e('| 2020 | 5 050 000 € |'),
                e('| 2021 | 5 100 500 € |'),
                e('| 2022 | 5 151 505 € |'),
                e('| 2023 | 5 203 020,05 € |'),
                e('| **Total** | **25 505 025,05 €** |'),
                '',
                e(`89${NNBSP}% du financement du contrat (28 621 628,06 € sur la période, CNR compris).`),
                '',
                'Répartition 2019 :',
                '',
                '| Établissement | Montant | Part |',
                '|---|---:|---:|',
                e(`| REF.IME_DIJON | 2 700 000 € | 54${NNBSP}% |`),
                e(`| ITEP_BEAUNE | 2 300 000 € | 46${NNBSP}% |`),
                e('| **Somme** | **5 000 000 €** | = montant 2019 ✓ |'),
            ].join('\n'),
        });
    });

    it('shows a CNR with its share of the year\'s funding', async () => {
        const document = await contract();
        expect(await hoverAt(document, positionIn(CONTRACT, 'cnr "', 1))).toBe([
            '**Crédits non reconductibles** — Équipement de la salle de motricité',
            `- 2020 : 56${NNBSP}000${NNBSP}€`,
            '- Pour : ITEP_BEAUNE',
            '- Financeur : REF.ARS_BFC',
            `- Part du financement 2020 : <${NNBSP}1${NNBSP}%`,
            '',
            'Hors base reconductible : accordés pour une année, ils ne se reportent pas sur les exercices suivants.',
        ].join('\n'));
    });

    it('explains the legal frame, an article cited in a string and a keyword that applies an article', async () => {
        const text = once(CONTRACT, 'source "Liste d\'attente"', 'source "Liste d\'attente (R.314-43-2)"');
        const document = await contract(text);
        expect(await hoverAt(document, positionIn(text, 'L313-12-2', 4))).toBe(
            "**CPOM obligatoire du handicap et des SSIAD (compétence de l'ARS)** — article L. 313-12-2 du code de l'action sociale et des familles\n\n"
            + "Depuis la LFSS pour 2016, contrat obligatoire pour les établissements et services relevant, seul ou conjointement, du directeur général de l'ARS : "
            + 'SSIAD, établissements pour enfants, ESAT, MAS, FAM, CRP, SAMSAH. Les structures relevant du seul département (foyers, SAVS, SAAD) et les CAMSP '
            + "en sont exclues. Le cadre budgétaire est l'EPRD.");
        expect(await hoverAt(document, positionIn(text, 'R.314-43-2', 3))).toMatch(/^\*\*Modulation selon l'activité\*\* — article R\. 314-43-2 du code/);
        expect(await hoverAt(document, positionIn(text, 'actualisation taux_régional', 2))).toMatch(/^\*\*Évolution annuelle des moyens\*\* — article R\. 314-40 /);
        expect(await hoverAt(document, positionIn(text, 'financement assurance_maladie', 2))).toBeUndefined();
    });

    it('appends the rule page of a diagnostic at the position, in the server\'s language, with a link when known', async () => {
        const text = once(CONTRACT, 'finess 210999025', 'finess 210999026');
        const document = await contract(text, true);
        expect(document.diagnostics?.map(d => d.code)).toEqual(['CPOM041']);
        const position = positionIn(text, '210999026', 3);
        const rule = getRule('CPOM041')!;
        expect(await hoverAt(document, position)).toBe(
            `**CPOM041** \`finess-key\` — ${rule.title.fr}\n\n*Pourquoi* : ${rule.rationale.fr}\n\n*Source* : ${rule.source.fr}\n\n`
            + '*Fiabilité* : C — calculé et recoupé par le projet cpom');

        const hover = services.lsp.HoverProvider as CpomHoverProvider;
        const settings = services.cpom.Settings;
        hover.rulesBaseUri = 'file:///docs/rules/';
        settings.locale = 'en';
        try {
            expect(await hoverAt(document, position)).toBe(
                `**CPOM041** \`finess-key\` — ${rule.title.en}\n\n*Why* : ${rule.rationale.en}\n\n*Source* : ${rule.source.en}\n\n`
                + '*Confidence* : C — computed and cross-checked by the cpom project\n\n[Rule page CPOM041](file:///docs/rules/CPOM041.md)');
        } finally {
            hover.rulesBaseUri = undefined;
            settings.locale = 'fr';
        }
        expect(await hoverAt(document, positionIn(text, 'finess 210999033', 9))).toBeUndefined();
    });

    it('explains a modification by avenant on its keyword, and nothing on its values', async () => {
        const text = CONTRACT + `
avenant 1 au ${/contrat (\w+)/.exec(CONTRACT)![1]} {
    modifie NOWHERE {
        capacite 10 places
    }
}
`;
        const document = await contract(text);
        const card = await hoverAt(document, positionIn(text, 'modifie', 2));
        expect(card).toContain('**Modification par avenant**');
        expect(card).toContain('la cible n\'est pas résolue');
        expect(await hoverAt(document, positionIn(text, '10 places', 0))).toBeUndefined();
    });

    it('explains a duration clause (prorogeable) with the article it applies', async () => {
        const withClause = once(CONTRACT, '\n    effet ', '\n    prorogeable par avenant pour 1 an\n    effet ');
        const clauseCard = await hoverAt(await contract(withClause), positionIn(withClause, 'prorogeable', 2));
        expect(clauseCard).toContain('**Clause de durée**');
        expect(clauseCard).toContain('L. 313-11');
    });
});

describe('document links', () => {
    it('links each imported path to the imported file', async () => {
        const document = await contract();
        const links = await services.lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument: { uri: CONTRACT_URI } });
        const start = positionIn(CONTRACT, 'importe "referentiel.cpom"', 'importe "'.length);
        expect(links).toEqual([{
            range: { start, end: { line: start.line, character: start.character + 'referentiel.cpom'.length } },
            target: REFERENTIEL_URI,
            tooltip: 'Ouvrir referentiel.cpom',
        }]);
    });

    it('resolves relative paths against any URI scheme', async () => {
        const document = await parseDocument(services, 'importe "../communs/ars.cpom"\nimporte "sous-dossier/cat.cpom"\n', { documentUri: 'vscode-vfs://github/org/repo/contrats/a.cpom' });
        const links = await services.lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument: { uri: document.uri.toString() } });
        expect(links.map(l => l.target)).toEqual([
            'vscode-vfs://github/org/repo/communs/ars.cpom',
            'vscode-vfs://github/org/repo/contrats/sous-dossier/cat.cpom',
        ]);
    });
});

describe('inlay hints', () => {
    async function hints(text: string): Promise<InlayHint[]> {
        const document = await contract(text);
        return await services.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: CONTRACT_URI },
            range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) },
        }) ?? [];
    }

    it('totals the funding lines, shares the CNR, checks the distribution, sums up the trajectories', async () => {
        const result = await hints(CONTRACT);
        const endOf = (needle: string) => positionIn(CONTRACT, needle, needle.length);
        expect(result.map(h => [h.label, h.position])).toEqual([
            [`↗ 91,5${NNBSP}% → 96${NNBSP}% en 2023`, endOf('indicateur OCC selon REF.TAUX_OCCUPATION {')],
            ['↘ 40 → 10 en 2023', endOf('indicateur ATTENTE "Enfants en attente d\'une place au SESSAD au 31 décembre" {')],
            [`total 25,5${NNBSP}M€ · 89${NNBSP}% du financement`, endOf('2023: 5 203 020,05 €')],
            [`somme 5${NNBSP}000${NNBSP}000${NNBSP}€ = montant 2019 ✓`, endOf('répartition 2019 {')],
            [`total 3,1${NNBSP}M€ · 11${NNBSP}% du financement`, endOf('2023: 624 362,41 €')],
            [`<${NNBSP}1${NNBSP}% du financement 2020`, endOf('pour ITEP_BEAUNE financeur REF.ARS_BFC')],
        ]);
        expect(result.every(h => h.paddingLeft === true)).toBe(true);
    });

    it('warns about a missing final target, a target against the direction, a wrong distribution; daily tariffs', async () => {
        let text = once(CONTRACT, 'cibles 2019: 35, 2020: 28, 2021: 20, 2022: 15, 2023: 10', 'cibles 2019: 35, 2020: 28, 2021: 42');
        text = once(text, 'REF.IME_DIJON: 2 700 000 €', 'REF.IME_DIJON: 2 699 000 €');
        text = once(text, 'cibles 2019: 93 %, 2020: 94 %, 2021: 95 %, 2022: 95 %, 2023: 96 %', '');
        text = once(text, 'montants 2019: 600 000 €, 2020: 606 000 €, 2021: 612 060 €, 2022: 618 180,60 €, 2023: 624 362,41 €',
            'montants 2019: 58,40 € par jour, 2023: 61,10 € par jour');
        const labels = (await hints(text)).map(h => h.label);
        expect(labels).toEqual([
            '⚠ aucune cible',
            `↘ 40 → 42 en 2021 · ⚠ cible finale manquante (2023) · ⚠ contraire au sens « baisse »`,
            `total 25,5${NNBSP}M€ · >${NNBSP}99${NNBSP}% du financement`,
            `⚠ somme 4${NNBSP}999${NNBSP}000${NNBSP}€ ≠ montant 2019 (5${NNBSP}000${NNBSP}000${NNBSP}€) : écart −1${NNBSP}000${NNBSP}€`,
            `par jour : 58,40${NNBSP}€ → 61,10${NNBSP}€ (+4,6${NNBSP}%)`,
            // 56 000 € of 5 106 000 €: the daily tariff is no yearly funding.
            `1${NNBSP}% du financement 2020`,
        ]);
    });

    it('never throws on a document cut anywhere', async () => {
        let hinted = 0;
        for (let end = 0; end < CONTRACT.length; end += 97) {
            hinted += (await hints(CONTRACT.slice(0, end))).length;
            await clearDocuments(services, [services.shared.workspace.LangiumDocuments.getDocument(URI.parse(CONTRACT_URI))!]);
        }
        // Half-typed contracts still get the hints of what is complete.
        expect(hinted).toBeGreaterThan(20);
    });
});

describe('definition, references and rename across files', () => {
    it('goes from a qualified reference to the catalogue entry', async () => {
        const document = await contract();
        const links = await services.lsp.DefinitionProvider!.getDefinition(document, {
            textDocument: { uri: CONTRACT_URI }, position: positionIn(CONTRACT, 'inclut REF.IME_DIJON', 'inclut REF.IME'.length),
        });
        const start = positionIn(REFERENTIEL, 'établissement IME_DIJON', 'établissement '.length);
        expect(links?.map(l => [l.targetUri, l.targetSelectionRange])).toEqual([
            [REFERENTIEL_URI, { start, end: { line: start.line, character: start.character + 'IME_DIJON'.length } }],
        ]);
    });

    it('goes to a local declaration (expectGoToDefinition)', async () => {
        await expectGoToDefinition(services)({
            text: once(mark(CONTRACT, 'pour ITEP_BEAUNE', 'pour ITEP'.length), 'établissement ITEP_BEAUNE', 'établissement <|ITEP_BEAUNE|>'),
            index: 0, rangeIndex: 0, parseOptions: { documentUri: CONTRACT_URI },
        });
    });

    it('finds the references to a catalogue authority in both files', async () => {
        await contract();
        const references = await services.lsp.ReferencesProvider!.findReferences(referentiel, {
            textDocument: { uri: REFERENTIEL_URI }, position: positionIn(REFERENTIEL, 'autorité ARS_BFC', 'autorité '.length + 1),
            context: { includeDeclaration: true },
        });
        const occurrences = (text: string, pattern: RegExp, uri: string) => [...text.matchAll(pattern)].map(m => {
            const start = TextDocument.create(uri, 'cpom', 0, text).positionAt(m.index!);
            return `${uri}:${start.line}:${start.character}:${m[0].length}`;
        });
        const expected = [
            ...occurrences(REFERENTIEL, /\bARS_BFC\b/g, REFERENTIEL_URI),
            ...occurrences(CONTRACT, /\bREF\.ARS_BFC\b/g, CONTRACT_URI),
        ].sort();
        expect(expected.length).toBe(2 + 7);
        expect(references.map(r => `${r.uri}:${r.range.start.line}:${r.range.start.character}:${r.range.end.character - r.range.start.character}`).sort()).toEqual(expected);
    });

    it('renames a catalogue entry in both files, keeping the catalogue prefix of qualified references', async () => {
        const document = await contract();
        const edit = await services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: CONTRACT_URI }, position: positionIn(CONTRACT, 'inclut REF.IME_DIJON', 'inclut REF.I'.length), newName: 'IME_LES_SOURCES',
        });
        const apply = (doc: LangiumDocument) => TextDocument.applyEdits(doc.textDocument, edit?.changes?.[doc.uri.toString()] ?? []);
        expect(Object.keys(edit?.changes ?? {}).sort()).toEqual([CONTRACT_URI, REFERENTIEL_URI]);
        expect(apply(document)).toBe(CONTRACT.replaceAll('REF.IME_DIJON', 'REF.IME_LES_SOURCES'));
        expect(apply(referentiel)).toBe(once(REFERENTIEL, 'établissement IME_DIJON', 'établissement IME_LES_SOURCES'));
    });

    it('renames an establishment of the contract everywhere in it, and a catalogue in the qualified names', async () => {
        const document = await contract();
        const local = await services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: CONTRACT_URI }, position: positionIn(CONTRACT, 'service SESSAD_DIJON', 'service S'.length), newName: 'SESSAD_LES_SOURCES',
        });
        expect(TextDocument.applyEdits(document.textDocument, local?.changes?.[CONTRACT_URI] ?? [])).toBe(CONTRACT.replaceAll('SESSAD_DIJON', 'SESSAD_LES_SOURCES'));
        const catalogue = await services.lsp.RenameProvider!.rename(referentiel, {
            textDocument: { uri: REFERENTIEL_URI }, position: positionIn(REFERENTIEL, 'catalogue REF', 'catalogue R'.length), newName: 'COTE_DOR',
        });
        expect(TextDocument.applyEdits(document.textDocument, catalogue?.changes?.[CONTRACT_URI] ?? [])).toBe(CONTRACT.replaceAll('REF.', 'COTE_DOR.'));
        expect(TextDocument.applyEdits(referentiel.textDocument, catalogue?.changes?.[REFERENTIEL_URI] ?? [])).toBe(once(REFERENTIEL, 'catalogue REF', 'catalogue COTE_DOR'));
    });

    it('refuses a new name that is no identifier', async () => {
        const document = await contract();
        expect(await services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: CONTRACT_URI }, position: positionIn(CONTRACT, 'service SESSAD_DIJON', 'service S'.length), newName: 'SESSAD DIJON',
        })).toBeUndefined();
    });
});

describe('outline, folding, semantic tokens', () => {
    it('outlines the contract: parties, perimeter, axes, objectives, actions, indicators, means, with titles', async () => {
        const toText = (s: DocumentSymbol, depth = 0): string[] =>
            [`${'  '.repeat(depth)}${s.name} [${KIND_NAMES.get(s.kind)}]${s.detail ? ` ${s.detail}` : ''}`, ...(s.children ?? []).flatMap(c => toText(c, depth + 1))];
        await expectSymbols(services)({
            text: CONTRACT,
            parseOptions: { documentUri: CONTRACT_URI },
            assert: symbols => expect(symbols.flatMap(s => toText(s))).toEqual([
                'CPOM_TEST [Namespace] CPOM des tests du serveur de langage 2019-2023',
                '  LES_SOURCES [Object] Association Les Sources',
                '  périmètre [Module]',
                '    ITEP_BEAUNE [Class] ITEP Le Clos, Beaune',
                '    SESSAD_DIJON [Class] SESSAD Les Sources, Dijon',
                "  ACTIVITE [Module] Accueillir plus d'enfants et plus vite",
                "    OCCUPATION [Struct] Occuper pleinement les places de l'IME et de l'ITEP",
                "      Mettre en place une commission d'admission mensuelle [Function]",
                "      OCC [Property] Taux d'occupation des lits ou places financés",
                "    SESSAD_ATTENTE [Struct] Réduire l'attente au SESSAD",
                "      ATTENTE [Property] Enfants en attente d'une place au SESSAD au 31 décembre",
                '  moyens [Module]',
                "    DGC [Field] Dotation globalisée commune de l'IME et de l'ITEP",
                '    DG_SESSAD [Field] Dotation globale du SESSAD',
                '    CNR 2020 [Field] Équipement de la salle de motricité',
            ]),
        });
    });

    it('outlines a catalogue and an avenant', async () => {
        await expectSymbols(services)({
            text: 'avenant 2 au CPOM_TEST {\n    effet 2021-01-01\n    ajoute établissement X "Nouveau" {\n    }\n}\n',
            assert: symbols => expect(symbols.map(s => [s.name, s.detail, s.kind, s.children?.map(c => c.name)])).toEqual([
                ['Avenant n° 2', 'au CPOM_TEST', SymbolKind.Event, ['X']],
            ]),
        });
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(referentiel, { textDocument: { uri: REFERENTIEL_URI } });
        expect(symbols.map(s => [s.name, s.kind, s.children?.map(c => `${c.name}:${KIND_NAMES.get(c.kind)}`)])).toEqual([
            ['REF', SymbolKind.Package, ['ARS_BFC:Interface', 'IME_DIJON:Class', 'TAUX_OCCUPATION:Property']],
        ]);
    });

    it('folds blocks and runs of line comments', async () => {
        await expectFoldings(services)({
            text: [
                '// Two lines',
                '// of notes.',
                'contrat C "c" {',
                '    perimetre {',
                '        etablissement E "e" {',
                '            finess 690999016',
                '            categorie ESAT',
                '        }',
                '    }',
                '    effet 2013-01-01   // a trailing comment',
                '    // not a run: one line',
                '}',
            ].join('\n'),
            assert: foldings => expect(foldings.map(f => [f.startLine, f.endLine, f.kind ?? null])).toEqual([
                [0, 1, 'comment'], [2, 10, null], [3, 7, null], [4, 6, null],
            ]),
        });
    });

    it('types references by what they name', async () => {
        const tokens = await highlightHelper(services)('contrat C "c" {\n    autorite A ars "a"\n    perimetre {\n        etablissement E "e" { tarification <|A|> }\n    }\n    axe X "x" { objectif O "o" { etablissements <|E|> } }\n}\n');
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.class });
    });
});

describe('robustness', () => {
    it('no provider throws on a contract cut anywhere, wherever the cursor is', async () => {
        const uri = { uri: CONTRACT_URI };
        for (let end = 0; end <= CONTRACT.length; end += 131) {
            const text = CONTRACT.slice(0, end);
            const document = await contract(text, true);
            const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
            for (let at = 0; at <= text.length; at += 211) {
                const position = document.textDocument.positionAt(at);
                await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: uri, position });
                await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: uri, position });
                await services.lsp.RenameProvider!.rename(document, { textDocument: uri, position, newName: 'NOUVEAU' });
            }
            expect(Array.isArray(await services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: uri, range: whole }))).toBe(true);
            expect(Array.isArray(await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: uri }))).toBe(true);
            expect(Array.isArray(await services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: uri }))).toBe(true);
            expect(Array.isArray(await services.lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument: uri }))).toBe(true);
            await services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: uri, range: whole, context: { diagnostics: document.diagnostics ?? [] } });
            await clearDocuments(services, [document]);
        }
    });
});
