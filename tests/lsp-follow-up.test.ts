/**
 * The editor in a yearly follow-up file: references into the imported contract resolve (so go-to-definition,
 * rename and completion cross the files), the hover on a value shows the target of the year and the status, the
 * hover on an establishment's activity shows the modulation step by step, and the inlay hint after a value reads
 * `cible 2022 : 96,5 % · ⚠ en écart`.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, type LangiumDocument, TextDocument } from 'langium';
import { clearDocuments, parseDocument } from 'langium/test';
import { afterEach, describe, expect, it } from 'vitest';
import { ast } from '@cpom/language';
import { ROOT } from './helpers.js';
import { lspServices } from './lsp-services.js';

const services = lspServices();
const FOLDER = path.join(ROOT, 'examples', 'ehpad-ivter');
const CONTRACT = readFileSync(path.join(FOLDER, 'cpom-ehpad-dordogne.cpom'), 'utf8');
const SUIVI = readFileSync(path.join(FOLDER, 'suivi-2022.cpom'), 'utf8');

afterEach(async () => {
    await clearDocuments(services);
});

async function load(): Promise<LangiumDocument> {
    await parseDocument(services, CONTRACT, { documentUri: 'file:///ex/cpom-ehpad-dordogne.cpom' });
    return parseDocument(services, SUIVI, { documentUri: 'file:///ex/suivi-2022.cpom' });
}

async function hoverOn(document: LangiumDocument, needle: string, offset = 1): Promise<string> {
    const text = document.textDocument.getText();
    const position = TextDocument.create('file:///x', 'cpom', 0, text).positionAt(text.indexOf(needle) + offset);
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

describe('follow-up files in the editor', () => {
    it('resolve indicators, establishments and funding lines in the imported contract', async () => {
        const document = await load();
        const suivi = (document.parseResult.value as ast.CpomFile).elements.find(ast.isSuiviAnnuel)!;
        expect(suivi.contract.ref?.name).toBe('CPOM_EHPAD_JARDINS_PERIGORD_2019');
        const refs = suivi.items.map(i => ast.isValeurRealisee(i) ? i.indicator : ast.isActiviteRealisee(i) ? i.establishment : ast.isMontantRecu(i) ? i.funding : undefined);
        expect(refs.every(r => r?.ref !== undefined)).toBe(true);
        expect(new Set(refs.map(r => AstUtils.getDocument(r!.ref!).uri.path))).toEqual(new Set(['/ex/cpom-ehpad-dordogne.cpom']));
    });

    it('hover on a value: target of the year and status', async () => {
        const card = await hoverOn(await load(), '95,1 %');
        expect(card).toContain('Cible 2022 : 96,5');
        expect(card).toContain('**en écart**');
    });

    it('hover on an activity: the modulation of the next year, step by step', async () => {
        const card = await hoverOn(await load(), '91,7 %');
        expect(card).toContain('Modulation 2023');
        expect(card).toContain('½ × 3,3');
        expect(card).toContain('13\u202F811,07\u202F€');
        expect(card).toContain('6\u202F773,62\u202F€');
    });

    it('inlay hints: the target of the year after each value', async () => {
        const document = await load();
        const hints = await services.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } },
        }) ?? [];
        const labels = hints.map(h => String(h.label));
        expect(labels).toContain('cible 2022 : 96,5\u202F% · ⚠ en écart');
        expect(labels).toContain('cible 2022 : 65 · ✓ atteint');
    });

    it('rename of an indicator in the contract renames its value in the follow-up; completion offers the contract\'s indicators', async () => {
        const suivi = await load();
        const contract = services.shared.workspace.LangiumDocuments.all.find(d => d.uri.path.endsWith('cpom-ehpad-dordogne.cpom'))!;
        const text = contract.textDocument.getText();
        const position = contract.textDocument.positionAt(text.indexOf('indicateur OCC_HP') + 'indicateur '.length + 1);
        const edit = await services.lsp.RenameProvider!.rename(contract, { textDocument: { uri: contract.uri.toString() }, position, newName: 'OCCUPATION_HP' });
        expect(Object.keys(edit?.changes ?? {})).toContain(suivi.uri.toString());
        const suiviText = suivi.textDocument.getText();
        const at = suivi.textDocument.positionAt(suiviText.indexOf('indicateur OCC_AJ') + 'indicateur '.length);
        const completion = await services.lsp.CompletionProvider!.getCompletion(suivi, { textDocument: { uri: suivi.uri.toString() }, position: at });
        expect(completion?.items.map(i => i.label)).toEqual(expect.arrayContaining(['OCC_HP', 'ABS', 'FRNG']));
    });
});
