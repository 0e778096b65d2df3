/**
 * The formatter of `.cpom` files (LSP `textDocument/formatting`): 4-space indentation inside every `{ }` block,
 * one clause per line, a blank line between top-level elements and around clauses that open a block, one space
 * between the words of a clause, `:` and `,` glued to what precedes them and followed by one space, `.` of
 * qualified names glued, diagnostic texts and répartition amounts aligned in columns. Comments are kept and
 * indented like the clause below them (Langium's formatter only moves hidden tokens). FINESS numbers are left
 * as typed (CPOM043 offers their normalisation). Formatting never changes the AST and is idempotent
 * (tests/formatter.test.ts).
 */
import { type AstNode, type CstNode, CstUtils, GrammarAST, GrammarUtils, isLeafCstNode, type LangiumDocument } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';

/** Moves to the next line, indented one level deeper than the enclosing block, with `lines` line breaks. */
function indented(...lines: number[]): FormattingAction {
    return { options: {}, moves: lines.map(l => ({ tabs: 1, lines: l })) };
}

/** Indentation widths a client may ask for; anything else (negative, 1e9, 2.5, missing) is brought into range. */
const TAB_SIZES = { min: 1, max: 16, default: 4 };

/**
 * The client's options made safe: `' '.repeat(tabSize)` threw on a negative size or ran out of memory on 1e9,
 * and the client got an internal error instead of its formatting.
 */
export function saneFormattingOptions(options: FormattingOptions | undefined): FormattingOptions {
    const size = Number(options?.tabSize);
    const tabSize = Number.isFinite(size) ? Math.min(TAB_SIZES.max, Math.max(TAB_SIZES.min, Math.round(size))) : TAB_SIZES.default;
    return { ...options, tabSize, insertSpaces: options?.insertSpaces !== false };
}

export class CpomFormatter extends AbstractFormatter {
    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        return super.doDocumentFormat(document, saneFormattingOptions(options), range);
    }

    /** A comment on its own line is indented like the clause that follows it, at the depth of its block. */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined,
        context: FormattingContext): TextEdit[] {
        if (formatting) {
            return super.createHiddenTextEdits(previous, hidden, formatting, context);
        }
        const depth = blockDepth(hidden);
        const move = { tabs: depth - context.indentation };
        const edits = super.createHiddenTextEdits(previous, hidden, { options: {}, moves: [move] }, context);
        const startLine = hidden.range.start.line;
        if (previous && previous.range.end.line < startLine) {
            // At most one blank line before a comment, none right after `{`; the comment's first line indented here.
            const existing = startLine - previous.range.end.line;
            const lines = previous.text === '{' ? 1 : Math.min(existing, 2);
            const indent = (context.options.insertSpaces ? ' ' : '\t').repeat(this.getIndentationCharacterCount(context, move));
            return [
                ...edits.filter(e => e.range.start.line !== startLine),
                { range: { start: previous.range.end, end: hidden.range.start }, newText: '\n'.repeat(lines) + indent },
            ];
        }
        return edits;
    }

    /** A comment usually belongs to the clause below it: no blank line is forced between them (one is kept). */
    protected override createTextEdit(a: CstNode | undefined, b: CstNode, formatting: FormattingAction,
        context: FormattingContext): TextEdit[] {
        if (a?.hidden && formatting.moves.some(m => (m.lines ?? 0) > 1)) {
            const tabs = formatting.moves[0].tabs;
            return super.createTextEdit(a, b, { ...formatting, moves: [{ tabs, lines: 1 }, { tabs, lines: 2 }] }, context);
        }
        return super.createTextEdit(a, b, formatting, context);
    }

    protected format(node: AstNode): void {
        const cst = node.$cstNode;
        if (!cst) {
            return;
        }
        const formatter = this.getNodeFormatter(node);
        if (ast.isCpomFile(node)) {
            const children: AstNode[] = [...node.imports, ...node.elements];
            children.forEach((child, i) => {
                const region = formatter.node(child);
                if (i === 0) {
                    region.prepend(Formatting.noSpace());
                } else if (ast.isImport(child) && ast.isImport(children[i - 1])) {
                    region.prepend(Formatting.newLine());
                } else {
                    region.prepend(Formatting.newLines(2));
                }
            });
            return;
        }
        if (ast.isFiness(node)) {
            // The number is kept as typed: its inner spaces are part of the value.
            formatter.property('value').prepend(Formatting.oneSpace());
            return;
        }
        const own = ownTokens(node, cst);
        const open = own.find(t => t.text === '{' && isKeyword(t));
        const close = [...own].reverse().find(t => t.text === '}' && isKeyword(t));
        own.forEach((token, i) => {
            if (i === 0 || token === close || (open && close && token.offset > open.offset && token.offset < close.offset)) {
                return;
            }
            const region = formatter.cst([token]);
            const text = token.text;
            if ((text === ':' || text === ',') && isKeyword(token)) {
                region.prepend(Formatting.noSpace());
            } else if (text === '.' && isKeyword(token)) {
                region.prepend(Formatting.noSpace());
            } else if (own[i - 1].text === '.' && isKeyword(own[i - 1])) {
                region.prepend(Formatting.noSpace());
            } else {
                region.prepend(Formatting.oneSpace());
            }
        });
        const children = blockChildren(node);
        if (!(open && close)) {
            // Parts of a clause (`2013: 4 150 000 €`, a signatory): one space before each; a list item the author
            // put on its own line after a comma stays there, indented one level under the clause.
            children.forEach(child => formatter.node(child).prepend(afterComma(child)
                ? Formatting.fit(Formatting.oneSpace(), Formatting.indent())
                : Formatting.oneSpace()));
        } else {
            children.forEach((child, i) => {
                const region = formatter.node(child);
                if (i === 0) {
                    region.prepend(indented(1));
                } else if (hasBlock(child) || hasBlock(children[i - 1])) {
                    region.prepend(indented(2));
                } else {
                    region.prepend(indented(1, 2));
                }
            });
            formatter.cst([close]).prepend(children.length === 0 ? Formatting.noSpace() : Formatting.newLine());
            this.alignColumns(children);
        }
    }

    /**
     * Rows of a table are aligned in columns: the texts of the diagnostic sections (`activité     "…"`) and the
     * amounts of a répartition (`ESAT_LYON:    2 400 000 €`).
     */
    protected alignColumns(children: AstNode[]): void {
        const sections = children.filter(ast.isDiagnosticSection);
        const sectionWidth = Math.max(0, ...sections.map(s => formattedWidth(GrammarUtils.findNodeForProperty(s.$cstNode, 'axis')) ?? 0));
        for (const section of sections) {
            const width = formattedWidth(GrammarUtils.findNodeForProperty(section.$cstNode, 'axis'));
            if (width !== undefined) {
                this.getNodeFormatter(section).property('text').prepend(Formatting.spaces(sectionWidth - width + 1, { priority: 1 }));
            }
        }
        const parts = children.filter(ast.isPart);
        const partWidth = Math.max(0, ...parts.map(p => formattedWidth(GrammarUtils.findNodeForProperty(p.$cstNode, 'establishment')) ?? 0));
        for (const part of parts) {
            const width = formattedWidth(GrammarUtils.findNodeForProperty(part.$cstNode, 'establishment'));
            if (width !== undefined && part.amount) {
                this.getNodeFormatter(part).node(part.amount).prepend(Formatting.spaces(partWidth - width + 1, { priority: 1 }));
            }
        }
    }
}

/**
 * The width of a cell once formatted: its tokens glued (a qualified name split over two lines, `COTE_DOR.` then
 * `IME_DIJON`, is one word after formatting; measured as typed, its column moved on the second pass).
 */
function formattedWidth(cst: CstNode | undefined): number | undefined {
    if (!cst) return undefined;
    let width = 0;
    for (const leaf of CstUtils.streamCst(cst)) {
        if (isLeafCstNode(leaf) && !leaf.hidden) width += leaf.text.length;
    }
    return width;
}

function isKeyword(token: CstNode): boolean {
    return GrammarAST.isKeyword(token.grammarSource);
}

/** The non-hidden leaves that belong to this AST node itself (not to a child node). */
function ownTokens(node: AstNode, cst: CstNode): CstNode[] {
    return CstUtils.streamCst(cst).filter(c => isLeafCstNode(c) && !c.hidden && c.astNode === node).toArray();
}

/** How many `{ }` blocks enclose a (hidden) CST node. */
function blockDepth(cst: CstNode): number {
    let depth = 0;
    for (let node: AstNode | undefined = cst.container?.astNode; node; node = node.$container) {
        if (!node.$cstNode) {
            continue;
        }
        const own = ownTokens(node, node.$cstNode);
        const open = own.find(t => t.text === '{' && isKeyword(t));
        const close = [...own].reverse().find(t => t.text === '}' && isKeyword(t));
        if (open && open.offset < cst.offset && (!close || close.offset > cst.offset)) {
            depth++;
        }
    }
    return depth;
}

function hasBlock(node: AstNode): boolean {
    const cst = node.$cstNode;
    return !!cst && ownTokens(node, cst).some(t => t.text === '{' && isKeyword(t));
}

/** The clauses of a block, in text order. */
function blockChildren(node: AstNode): AstNode[] {
    const children: AstNode[] = [];
    for (const value of Object.entries(node).filter(([key]) => !key.startsWith('$')).map(([, v]) => v)) {
        for (const item of Array.isArray(value) ? value : [value]) {
            if (item && typeof item === 'object' && '$type' in item && (item as AstNode).$container === node) {
                children.push(item as AstNode);
            }
        }
    }
    return children.filter(c => c.$cstNode).sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset);
}

/** True when the token before the node is a list comma. */
function afterComma(node: AstNode): boolean {
    const cst = node.$cstNode;
    const container = node.$container?.$cstNode;
    if (!cst || !container) return false;
    const before = [...ownTokens(node.$container!, container)].filter(t => t.end <= cst.offset).pop();
    return before?.text === ',' && isKeyword(before);
}
