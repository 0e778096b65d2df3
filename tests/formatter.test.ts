/** The formatter: expected layout, idempotence on every bundled contract, AST unchanged. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type AstNode, isReference, type LangiumDocument } from 'langium';
import { expectFormatting, parseDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions } from 'vscode-languageserver-types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filesUnder, ROOT } from './helpers.js';
import { lspServices } from './lsp-services.js';
import { reformatted } from './reformat.js';

const services = lspServices();
const contracts = [...filesUnder(path.join(ROOT, 'seeds'), '.cpom'), ...filesUnder(path.join(ROOT, 'examples'), '.cpom')];

/**
 * Parses a text as a document of its own and removes it once used: left in the workspace, the hundreds of texts of
 * the property tests were linked against each other on every build (the time grew with their count).
 */
async function withDocument<T>(text: string, use: (document: LangiumDocument) => Promise<T> | T): Promise<T> {
    const document = await parseDocument(services, text);
    try {
        return await use(document);
    } finally {
        await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    }
}

async function format(text: string, options: FormattingOptions = { insertSpaces: true, tabSize: 4 }): Promise<string> {
    return withDocument(text, async document => {
        const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
        return TextDocument.applyEdits(document.textDocument, edits);
    });
}

/** The AST without positions, containers or CST: what the text means. References by their text. */
function meaning(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(meaning);
    if (isReference(node)) return { ref: node.$refText };
    if (node && typeof node === 'object') {
        return Object.fromEntries(Object.entries(node as AstNode)
            .filter(([key]) => !key.startsWith('$') || key === '$type')
            .map(([key, value]) => [key, meaning(value)]));
    }
    return node;
}

async function parse(text: string): Promise<{ ast: unknown; errors: number }> {
    return withDocument(text, document => ({
        ast: meaning(document.parseResult.value), errors: document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length,
    }));
}

const MESSY = `importe   "catalogue.cpom"
contrat  X  "Contrat"{cadre L313-12-2
effet 2013-01-01 fin 2017-12-31
  // the gestionnaire
    gestionnaire G "Gestionnaire" { finess 690 799 994  statut association }
autorite ARS ars "ARS"   signataires ARS par "Directeur" , G
perimetre { etablissement E "E" { finess 690999016 categorie ESAT 246 capacite 90 places financees 90 tarification ARS }
etablissement F "F" { finess 690999024 }}
axe A1 "Axe" { objectif O "O" { etablissements E,F
indicateur I "I" { reference 2012 :4 cibles 2013:6 %,2014 : 9 % } } }
moyens { dotation D "D" { montants 2013 :4 150 000 € ,2014:  4 191 500 €
repartition 2013 { E : 2 400 000 € F: 1 750 000 € } }
cnr "CNR" 2014: 45 000 € pour E financeur ARS }
suivi{}
}
catalogue C { }
`;

const EXPECTED = `importe "catalogue.cpom"

contrat X "Contrat" {
    cadre L313-12-2
    effet 2013-01-01
    fin 2017-12-31
    // the gestionnaire
    gestionnaire G "Gestionnaire" {
        finess 690 799 994
        statut association
    }

    autorite ARS ars "ARS"
    signataires ARS par "Directeur", G

    perimetre {
        etablissement E "E" {
            finess 690999016
            categorie ESAT 246
            capacite 90 places financees 90
            tarification ARS
        }

        etablissement F "F" {
            finess 690999024
        }
    }

    axe A1 "Axe" {
        objectif O "O" {
            etablissements E, F

            indicateur I "I" {
                reference 2012: 4
                cibles 2013: 6 %, 2014: 9 %
            }
        }
    }

    moyens {
        dotation D "D" {
            montants 2013: 4 150 000 €, 2014: 4 191 500 €

            repartition 2013 {
                E: 2 400 000 €
                F: 1 750 000 €
            }
        }

        cnr "CNR" 2014: 45 000 € pour E financeur ARS
    }

    suivi {}
}

catalogue C {}
`;

describe('formatter', () => {
    it('lays out a messy contract: indentation, one clause per line, blank lines around blocks, spaces', async () => {
        await expectFormatting(services)({ before: MESSY, after: EXPECTED, disposeAfterCheck: true });
    });

    it('lays out what an avenant withdraws and words anew of the visas and clauses, as the contract\'s blocks', async () => {
        const messy = 'avenant 2 au X {\n  retire   visa  schéma_départemental "de l\'Ain"   du 2019-01-01\n    retire clause   litiges\n  visas { prs "b" du 2023-10-31\n}\n clauses { litiges "c" }\n}\n';
        const expected = 'avenant 2 au X {\n    retire visa schéma_départemental "de l\'Ain" du 2019-01-01\n    retire clause litiges\n\n    visas {\n        prs "b" du 2023-10-31\n    }\n\n    clauses {\n        litiges "c"\n    }\n}\n';
        expect(await format(messy)).toBe(expected);
        expect(await format(expected)).toBe(expected);
    });

    it('is idempotent and keeps the AST of the messy contract', async () => {
        const once = await format(MESSY);
        expect(await format(once)).toBe(once);
        expect((await parse(once)).ast).toEqual((await parse(MESSY)).ast);
    });

    it('keeps comments, trailing ones on their line', async () => {
        const text = 'contrat X "t" {\n  cadre L313-12-2   // trailing\n\n\n\n// own line\n effet 2013-01-01\n    /* block */\n}\n';
        expect(await format(text)).toBe('contrat X "t" {\n    cadre L313-12-2   // trailing\n\n    // own line\n    effet 2013-01-01\n    /* block */\n}\n');
    });

    it('aligns the diagnostic texts and the amounts of a répartition in columns', async () => {
        const text = 'contrat X "t" {\n    diagnostic {\n        activité "a"\n        organisation    "o"\n    }\n    moyens {\n        dotation D "d" {\n            repartition 2013 {\n                LONG_NAME: 1 €\n                E:2 €\n            }\n        }\n    }\n}\n';
        const once = await format(text);
        expect(once).toContain('        activité     "a"\n        organisation "o"\n');
        expect(once).toContain('                LONG_NAME: 1 €\n                E:         2 €\n');
        expect(await format(once)).toBe(once);
    });

    it('aligns a répartition whose name is split over two lines the same way on every pass', async () => {
        const text = 'contrat X "t" {\n    moyens {\n        dotation D "d" {\n            repartition 2013 {\n'
            + '                COTE_DOR.\nIME_DIJON: 2 698 450 €\n                E: 2 €\n            }\n        }\n    }\n}\n';
        const once = await format(text);
        expect(once).toContain('                COTE_DOR.IME_DIJON: 2 698 450 €\n                E:                  2 €\n');
        expect(await format(once)).toBe(once);
    });

    it('is idempotent and keeps the AST on any layout of the bundled contracts (shuffled, split, commented)', async () => {
        for (const file of contracts) {
            const text = readFileSync(file, 'utf8');
            await fc.assert(fc.asyncProperty(reformatted(text), async messy => {
                const once = await format(messy);
                expect(await format(once)).toBe(once);
                expect((await parse(once)).ast).toEqual((await parse(messy)).ast);
            }), { numRuns: 5 });
        }
    });

    it('takes any tab size a client sends: brought between 1 and 16, 4 when it is not a number', async () => {
        const text = 'contrat X "t" {\ncadre L313-12-2\n}\n';
        const cases: Array<[unknown, string]> = [[-4, ' '], [0, ' '], [1e9, ' '.repeat(16)], [2.6, '   '], [Number.NaN, '    '], ['huit', '    '], [undefined, '    ']];
        for (const [tabSize, indent] of cases) {
            expect(await format(text, { insertSpaces: true, tabSize } as FormattingOptions), String(tabSize)).toBe(`contrat X "t" {\n${indent}cadre L313-12-2\n}\n`);
        }
        expect(await format(text, { insertSpaces: false, tabSize: -1 })).toBe('contrat X "t" {\n\tcadre L313-12-2\n}\n');
    });

    it('does not throw on broken text (truncated contracts)', async () => {
        const text = readFileSync(contracts[0], 'utf8');
        for (let cut = 0; cut < text.length; cut += Math.ceil(text.length / 60)) {
            await expect(format(text.slice(0, cut) + ' } { , : ')).resolves.toBeTypeOf('string');
        }
    });

    it('keeps a list item the author put on its own line after a comma, one level under the clause', async () => {
        const text = 'contrat X "C" {\n    signataires A par "Directeur",\n B par "Président", C par "Maire"\n}\n';
        expect(await format(text)).toBe('contrat X "C" {\n    signataires A par "Directeur",\n        B par "Président", C par "Maire"\n}\n');
    });

    it.each(contracts.map(f => [path.relative(ROOT, f), f]))('%s: formatted already, the formatter keeps the AST', async (_name, file) => {
        const text = readFileSync(file, 'utf8');
        const once = await format(text);
        // The bundled contracts are the house style: formatting them changes nothing.
        expect(once).toBe(text);
        const before = await parse(text);
        const after = await parse(once);
        expect(after.errors).toBe(0);
        expect(after.ast).toEqual(before.ast);
    });
});
