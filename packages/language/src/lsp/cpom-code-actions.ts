/**
 * Quick fixes (LSP `textDocument/codeAction`), keyed on the catalogue codes the diagnostics carry in
 * `data: { code, params }` (validation/reporter.ts): the parameters of the message, typed by the catalogue and
 * checked against it when the editor sends them back (`readDiagnosticData`). Each fix is a WorkspaceEdit on the
 * diagnosed document with a French title:
 * - CPOM041 wrong FINESS key → the number with its right key (`expected`, computed by the rule);
 * - CPOM043 FINESS typed with spaces or in lower case → its canonical form (`finess`);
 * - CPOM131 date typed the French way (`15/12/2023`) → ISO (`2023-12-15`);
 * - CPOM020 / CPOM022 / CPOM065 a party that must sign → added to `signataires`;
 * - CPOM059 no target for the final year → a target for that year with the last known value;
 * - CPOM060 years without an amount → those years added to `montants` with the previous year's amount (0 € when
 *   there is none), as a placeholder to be checked;
 * - CPOM002 a name declared in a file that is not imported → `importe "…"` added (and the reference qualified when
 *   the name is a catalogue entry); a catalogue entry visible under its qualified name → the qualified name; an
 *   establishment declared nowhere → a skeleton declared in the contract's perimeter (`ajoute` in an avenant),
 *   left incomplete on purpose so that CPOM030 and CPOM032 say what to fill in; a name close to declared ones →
 *   one of them (`EHPAD_BLAY` → `EHPAD_BLAYE`), one fix per name the message suggests;
 * - CPOM001 a misspelt keyword (`etablisement`) → the keyword the message suggests (`établissement`).
 */
import { type AstNode, AstUtils, CstUtils, GrammarUtils, type LangiumDocument, type MaybePromise, UriUtils } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import { type CodeAction, CodeActionKind, type Command, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { CodeActionParams } from 'vscode-languageserver';
import { readDiagnosticData } from '../diagnostics/rules.js';
import * as ast from '../generated/ast.js';
import { importedUris } from '../references/imports.js';

export class CpomCodeActionProvider implements CodeActionProvider {
    /** The last text looked at for accents: every CPOM002 fix of a request (and the next requests) asks again. */
    private accentsOf?: { readonly text: string; readonly accented: boolean };

    constructor(private readonly services: LangiumServices) {}

    /**
     * Whether the text writes its keywords with accents, read once per text: each fix read the whole text twice,
     * 2 s for the fixes of one request on a text of 2 million characters (fuzz seed 20261203, input 64951).
     */
    private accents(text: string): boolean {
        if (this.accentsOf?.text !== text) this.accentsOf = { text, accented: writesAccents(text) };
        return this.accentsOf.accented;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            try {
                const action = this.quickFix(document, diagnostic);
                if (Array.isArray(action)) {
                    actions.push(...action);
                } else if (action) {
                    actions.push(action);
                }
            } catch {
                // a fix that cannot be computed on this text is not offered
            }
        }
        return actions.length > 0 ? actions : undefined;
    }

    protected quickFix(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | CodeAction[] | undefined {
        const data = readDiagnosticData(diagnostic.data);
        switch (data?.code) {
            case 'CPOM041': return this.replaceFiness(document, diagnostic, data.params.expected, `Corriger la clé FINESS : ${data.params.expected}`);
            case 'CPOM043': return this.replaceFiness(document, diagnostic, data.params.finess, `Écrire le numéro FINESS sous sa forme normalisée : ${data.params.finess}`);
            case 'CPOM131': return this.replaceDate(document, diagnostic, data.params.iso);
            case 'CPOM020': return this.addSignatory(document, diagnostic, data.params.authority);
            case 'CPOM022': return this.addSignatory(document, diagnostic, data.params.gestionnaire);
            case 'CPOM065': return this.addSignatory(document, diagnostic, data.params.payer);
            case 'CPOM059': return this.addFinalTarget(document, diagnostic, data.params.year);
            case 'CPOM060': return this.addMissingAmounts(document, diagnostic, data.params.years);
            case 'CPOM002': return data.params.hint.variant === 'suggestion'
                ? this.writeSuggestions(document, diagnostic, data.params.hint.suggestions)
                : this.resolveName(document, diagnostic) ?? this.declareEstablishment(document, diagnostic);
            case 'CPOM001': return data.params.detail.variant === 'misspelt'
                ? this.writeSuggestions(document, diagnostic, data.params.detail.suggestions)
                : undefined;
            default: return undefined;
        }
    }

    /**
     * CPOM001 and CPOM002: the word under the diagnostic replaced by a word its message suggests, the first one
     * preferred; only while the text there is still one word (the editor may send back a stale diagnostic).
     */
    private writeSuggestions(document: LangiumDocument, diagnostic: Diagnostic, suggestions: readonly string[]): CodeAction[] {
        const written = document.textDocument.getText(diagnostic.range);
        if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(written)) return [];
        return suggestions.map((word, i) => ({
            ...quickFix(document, diagnostic, `Remplacer « ${written} » par « ${word} »`, [{ range: diagnostic.range, newText: word }])!,
            isPreferred: i === 0,
        }));
    }

    /** CPOM041 and CPOM043: the FINESS number under the diagnostic, written as the rule says it should be. */
    private replaceFiness(document: LangiumDocument, diagnostic: Diagnostic, value: string, title: string): CodeAction | undefined {
        const finess = nodeAt(document, diagnostic.range, ast.isFiness);
        if (!finess) return undefined;
        return quickFix(document, diagnostic, title, [replace(finess, 'value', value)]);
    }

    /** CPOM131: a date typed the French way, written in ISO. */
    private replaceDate(document: LangiumDocument, diagnostic: Diagnostic, iso: string): CodeAction | undefined {
        const node = nodeAt(document, diagnostic.range, (n): n is ast.Effet | ast.Fin | ast.DateSignature | ast.Prorogation | ast.Action | ast.FraisDeSiege =>
            ast.isEffet(n) || ast.isFin(n) || ast.isDateSignature(n) || ast.isProrogation(n) || ast.isAction(n) || ast.isFraisDeSiege(n));
        if (!node) return undefined;
        const property = ast.isAction(node) ? 'deadline' : ast.isFraisDeSiege(node) ? 'authorisation' : 'date';
        return quickFix(document, diagnostic, `Écrire la date sous la forme ISO : ${iso}`, [replace(node, property, iso)]);
    }

    private addSignatory(document: LangiumDocument, diagnostic: Diagnostic, name: string): CodeAction | undefined {
        if (!name) return undefined;
        const node = nodeAt(document, diagnostic.range, (_n): _n is AstNode => true);
        const root = document.parseResult.value as ast.CpomFile;
        let owner: ast.Contrat | ast.Avenant | undefined = node
            ? AstUtils.getContainerOfType(node, (n): n is ast.Contrat | ast.Avenant => ast.isContrat(n) || ast.isAvenant(n))
            : undefined;
        if (!owner) {
            const contracts = root.elements.filter(ast.isContrat);
            owner = contracts.length === 1 ? contracts[0] : undefined;
        }
        if (!owner?.$cstNode) return undefined;
        const clauses = owner.clauses as AstNode[];
        const signatories = clauses.find(ast.isSignataires);
        const title = `Ajouter ${name} aux signataires`;
        if (signatories?.$cstNode) {
            const end = signatories.$cstNode.range.end;
            return quickFix(document, diagnostic, title, [{ range: { start: end, end }, newText: `, ${name}` }]);
        }
        const last = clauses.at(-1)?.$cstNode;
        if (!last) return undefined;
        const indent = ' '.repeat(last.range.start.character);
        return quickFix(document, diagnostic, title, [{ range: { start: last.range.end, end: last.range.end }, newText: `\n${indent}signataires ${name}` }]);
    }

    private addFinalTarget(document: LangiumDocument, diagnostic: Diagnostic, year: number): CodeAction | undefined {
        const cibles = nodeAt(document, diagnostic.range, ast.isCibles);
        if (!cibles?.$cstNode) return undefined;
        const known = cibles.targets
            .filter(t => t.value?.$cstNode)
            .sort((a, b) => yearOf(a.year) - yearOf(b.year));
        const last = known.at(-1);
        if (!last) return undefined;
        const value = last.value.$cstNode!.text;
        const end = cibles.$cstNode.range.end;
        return quickFix(document, diagnostic, `Ajouter la cible ${year} : ${value} (dernière valeur connue)`,
            [{ range: { start: end, end }, newText: `, ${year}: ${value}` }]);
    }

    private addMissingAmounts(document: LangiumDocument, diagnostic: Diagnostic, missing: readonly number[]): CodeAction | undefined {
        const montants = nodeAt(document, diagnostic.range, ast.isMontants);
        if (!montants?.$cstNode) return undefined;
        const existing = montants.amounts.filter(a => a.$cstNode && a.amount?.$cstNode);
        if (missing.length === 0 || existing.length === 0) return undefined;
        const entries = existing.map(a => ({ year: yearOf(a.year), text: a.$cstNode!.text }));
        for (const year of missing) {
            const previous = existing
                .filter(a => yearOf(a.year) < year)
                .sort((a, b) => yearOf(a.year) - yearOf(b.year))
                .at(-1);
            const amount = previous ? previous.amount.$cstNode!.text : '0 €';
            entries.push({ year, text: `${year}: ${amount}` });
        }
        entries.sort((a, b) => a.year - b.year);
        const range = { start: existing[0].$cstNode!.range.start, end: existing.at(-1)!.$cstNode!.range.end };
        const list = missing.join(', ');
        return quickFix(document, diagnostic,
            `Ajouter ${missing.length > 1 ? 'les années' : "l'année"} ${list} aux montants (montant de l'année précédente, à vérifier)`,
            [{ range, newText: entries.map(e => e.text).join(', ') }]);
    }
    private resolveName(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
        const data = diagnostic.data as { containerType?: string; property?: string; refText?: string } | undefined;
        const refText = data?.refText;
        if (!refText || !data?.containerType || !data.property) return undefined;
        const type = this.services.shared.AstReflection.getReferenceType({
            container: { $type: data.containerType } as AstNode, property: data.property, reference: undefined as never,
        });
        const candidates = this.services.shared.workspace.IndexManager.allElements(type)
            .filter(d => d.name === refText || d.name.endsWith(`.${refText}`)).toArray();
        const visible = new Set([document.uri.toString(), ...importedUris(document).map(u => u.toString())]);
        const rename = (name: string): TextEdit => ({ range: diagnostic.range, newText: name });
        const qualified = candidates.find(d => visible.has(d.documentUri.toString()) && d.name !== refText);
        if (qualified) {
            return quickFix(document, diagnostic, `Écrire ${qualified.name}`, [rename(qualified.name)]);
        }
        const elsewhere = candidates.find(d => !visible.has(d.documentUri.toString()));
        const root = document.parseResult.value;
        if (!elsewhere || !ast.isCpomFile(root)) return undefined;
        const relative = UriUtils.relative(UriUtils.dirname(document.uri), elsewhere.documentUri);
        const line = `importe "${relative}"`;
        const lastImport = root.imports.at(-1)?.$cstNode;
        const firstElement = root.elements[0]?.$cstNode;
        const edits: TextEdit[] = [];
        if (lastImport) {
            edits.push({ range: { start: lastImport.range.end, end: lastImport.range.end }, newText: `\n${line}` });
        } else if (firstElement) {
            edits.push({ range: { start: firstElement.range.start, end: firstElement.range.start }, newText: `${line}\n\n` });
        } else {
            return undefined;
        }
        let title = `Importer "${relative}"`;
        if (elsewhere.name !== refText) {
            edits.push(rename(elsewhere.name));
            title += ` et écrire ${elsewhere.name}`;
        }
        return quickFix(document, diagnostic, title, edits);
    }

    /** An establishment named but declared nowhere: a skeleton in the perimeter, to be completed. */
    private declareEstablishment(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
        const data = diagnostic.data as { containerType?: string; property?: string; refText?: string } | undefined;
        const name = data?.refText;
        if (!name || !/^[_a-zA-Z\u00C0-\u024F][\w\u00C0-\u024F]*$/.test(name) || !data?.containerType || !data.property) return undefined;
        // `inclut` and `retire` name establishments declared elsewhere: declaring one here would not be the fix.
        if (data.containerType === 'Inclusion' || data.containerType === 'Retrait') return undefined;
        const type = this.services.shared.AstReflection.getReferenceType({
            container: { $type: data.containerType } as AstNode, property: data.property, reference: undefined as never,
        });
        if (type !== 'Etablissement') return undefined;
        const node = nodeAt(document, diagnostic.range, (_n): _n is AstNode => true);
        const owner = node ? AstUtils.getContainerOfType(node, (n): n is ast.Contrat | ast.Avenant => ast.isContrat(n) || ast.isAvenant(n)) : undefined;
        const accented = this.accents(document.textDocument.getText());
        if (ast.isContrat(owner)) {
            const edit = this.insertInPerimeter(owner, name, accented);
            return edit ? quickFix(document, diagnostic, `Déclarer l'établissement ${name} dans le périmètre`, [edit]) : undefined;
        }
        if (ast.isAvenant(owner)) {
            const last = (owner.clauses as AstNode[]).at(-1)?.$cstNode;
            if (!last) return undefined;
            const indent = ' '.repeat(last.range.start.character);
            const keyword = accented ? 'établissement' : 'etablissement';
            const block = skeleton(name, keyword, indent, accented).replace(`${indent}${keyword}`, `${indent}ajoute ${keyword}`);
            return quickFix(document, diagnostic, `Ajouter l'établissement ${name} au périmètre par cet avenant`,
                [{ range: { start: last.range.end, end: last.range.end }, newText: `\n\n${block}` }]);
        }
        return undefined;
    }

    private insertInPerimeter(contract: ast.Contrat, name: string, accented: boolean): TextEdit | undefined {
        const perimeter = (contract.clauses as AstNode[]).find(ast.isPerimetre);
        const keyword = accented ? 'établissement' : 'etablissement';
        if (perimeter?.$cstNode) {
            const last = perimeter.items.at(-1)?.$cstNode;
            if (last) {
                // After another item, a block is preceded by a blank line (as the formatter lays it out).
                const indent = ' '.repeat(last.range.start.character);
                return { range: { start: last.range.end, end: last.range.end }, newText: `\n\n${skeleton(name, keyword, indent, accented)}` };
            }
            const open = GrammarUtils.findNodeForKeyword(perimeter.$cstNode, '{');
            if (!open) return undefined;
            const indent = ' '.repeat(perimeter.$cstNode.range.start.character + 4);
            return { range: { start: open.range.end, end: open.range.end }, newText: `\n${skeleton(name, keyword, indent, accented)}` };
        }
        // No perimeter yet: one, after the parties and before the diagnostic, axes, means and follow-up.
        const clauses = contract.clauses as AstNode[];
        const before = clauses.filter(c => !(ast.isDiagnostic(c) || ast.isAxe(c) || ast.isMoyens(c) || ast.isSuivi(c))).at(-1)?.$cstNode;
        if (!before) return undefined;
        const indent = ' '.repeat(before.range.start.character);
        const opening = accented ? 'périmètre' : 'perimetre';
        return {
            range: { start: before.range.end, end: before.range.end },
            newText: `\n\n${indent}${opening} {\n${skeleton(name, keyword, indent + '    ', accented)}\n${indent}}`,
        };
    }
}

/** Whether a text writes its keywords with accents (`établissement`, `périmètre`); by default it does. */
function writesAccents(text: string): boolean {
    let accented = 0;
    let plain = 0;
    // The keywords are found by their letters, and only then is the white space around them looked at:
    // `(?:^|\s)` first made the engine try every character, 2 s on a text of 2 million "é".
    KEYWORD.lastIndex = 0;
    for (let match = KEYWORD.exec(text); match !== null; match = KEYWORD.exec(text)) {
        const before = match.index === 0 || isSpace(text.charCodeAt(match.index - 1));
        const after = isSpace(text.charCodeAt(match.index + match[0].length));
        if (!before || !after) continue;
        if (/[éè]/.test(match[0])) accented++;
        else plain++;
    }
    return accented >= plain;
}

const KEYWORD = /[ée]tablissement|p[ée]rim[èe]tre|cat[ée]gorie|capacit[ée]/g;

/** `\s` of a regular expression (NaN, past the end, is not). */
function isSpace(code: number): boolean {
    return !Number.isNaN(code) && /\s/.test(String.fromCharCode(code));
}

/**
 * A minimal establishment: its name as title and, as comments, the clauses to write. It stays incomplete on
 * purpose: CPOM030 (no FINESS number) and CPOM032 (no category, capacity, tarification) point at it until then.
 */
function skeleton(name: string, keyword: string, indent: string, accented: boolean): string {
    const inner = indent + '    ';
    const words = accented
        ? 'finess, catégorie, département, capacité, tarification'
        : 'finess, categorie, departement, capacite, tarification';
    return [
        `${indent}${keyword} ${name} "${name}" {`,
        `${inner}// À compléter : intitulé, ${words}`,
        `${indent}}`,
    ].join('\n');
}

function yearOf(text: string | undefined): number {
    return Number((text ?? '').replace(/\D/g, ''));
}

/** The innermost node of the wanted type at the start of a diagnostic's range. */
function nodeAt<T extends AstNode>(document: LangiumDocument, range: Range, is: (n: AstNode) => n is T): T | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(range.start);
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        if (is(node)) return node;
    }
    return undefined;
}

/** Replaces the text of a node's property. */
function replace(node: AstNode, property: string, text: string): TextEdit | undefined {
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
    return cst ? { range: cst.range, newText: text } : undefined;
}

function quickFix(document: LangiumDocument, diagnostic: Diagnostic, title: string, edits: Array<TextEdit | undefined>): CodeAction | undefined {
    if (edits.some(e => !e?.range)) return undefined;
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.textDocument.uri]: edits as TextEdit[] } },
    };
}
