/**
 * What a keystroke rebuilds (CpomDocumentBuilder): the changed file and the files that depend on it, not a file of
 * the folder that merely has an unresolved reference (Langium relinked those on every change anywhere). Such a file
 * is relinked when the exported names of the workspace change, so that a name it lacks resolves when it arrives.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentState, type LangiumDocument, URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterEach, describe, expect, it } from 'vitest';
import { createCpomLspServices } from '../packages/language/src/lsp/index.js';
import { EmptyFileSystem } from 'langium';
import { ROOT } from './helpers.js';

const { shared, Cpom } = createCpomLspServices(EmptyFileSystem);
const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');

const CATALOGUE = `catalogue ETABS "Établissements" {
    etablissement ESAT_A "ESAT" {
        finess 690999016
        categorie ESAT
        capacite 20 places
    }
}
`;
const IMPORTER = `importe "etabs.cpom"
contrat C "Contrat" {
    effet 2019-01-01
    fin 2021-12-31
    perimetre {
        inclut ETABS.ESAT_A
    }
}
`;

afterEach(async () => {
    await clearDocuments(Cpom);
});

/** Opens (or changes) a file as the editor's buffer and returns its URI. */
function setText(name: string, text: string): URI {
    const uri = URI.parse(`memory:///folder/${name}`);
    const previous = shared.workspace.TextDocuments.get(uri.toString());
    shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'cpom', (previous?.version ?? 0) + 1, text));
    return uri;
}

/** Runs the server's update for the given files; the documents validated by it, by name. */
async function update(changed: URI[]): Promise<string[]> {
    const validated: string[] = [];
    const listener = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, built => {
        validated.push(...built.map(d => path.posix.basename(d.uri.path)));
    });
    try {
        await shared.workspace.DocumentBuilder.update(changed, []);
    } finally {
        listener.dispose();
    }
    return validated.sort();
}

const unresolved = (document: LangiumDocument | undefined) => document?.references.filter(r => r.error !== undefined).map(r => r.$refText);

describe('what an edit rebuilds', () => {
    it('a file with an unresolved reference is not rebuilt by an edit elsewhere, and resolves when the missing file arrives', async () => {
        const contract = setText('contrat.cpom', BASE);
        const importer = setText('importer.cpom', IMPORTER);
        // New names in the workspace: a file of the same build left with an unresolved reference links once more
        // (within a build, a file may link before the one that declares what it names).
        expect(await update([contract, importer])).toEqual(['contrat.cpom', 'importer.cpom', 'importer.cpom']);
        const documents = shared.workspace.LangiumDocuments;
        expect(unresolved(documents.getDocument(importer))).toEqual(['ETABS.ESAT_A']);
        expect(documents.getDocument(importer)?.diagnostics?.map(d => d.code)).toContain('CPOM002');

        // A keystroke in the other contract (same exported names): that contract alone.
        setText('contrat.cpom', BASE.replace('capacite 120 places', 'capacite 121 places'));
        expect(await update([contract])).toEqual(['contrat.cpom']);

        // The imported file arrives: its name is new, the importer is relinked and resolves.
        const catalogue = setText('etabs.cpom', CATALOGUE);
        expect(await update([catalogue])).toEqual(['etabs.cpom', 'importer.cpom']);
        expect(unresolved(documents.getDocument(importer))).toEqual([]);
        // No unresolved reference (CPOM002) nor missing import (CPOM004) left (the short contract lacks clauses: CPOM005).
        const codes = documents.getDocument(importer)?.diagnostics?.map(d => d.code);
        expect(codes).not.toContain('CPOM002');
        expect(codes).not.toContain('CPOM004');
    });

    it('an edit of an imported file rebuilds its importers (they reference it), and only them', async () => {
        const catalogue = setText('etabs.cpom', CATALOGUE);
        const importer = setText('importer.cpom', IMPORTER);
        const other = setText('contrat.cpom', BASE);
        expect(await update([catalogue, importer, other])).toEqual(['contrat.cpom', 'etabs.cpom', 'importer.cpom']);
        setText('etabs.cpom', CATALOGUE.replace('capacite 20 places', 'capacite 21 places'));
        expect(await update([catalogue])).toEqual(['etabs.cpom', 'importer.cpom']);
    });
});
