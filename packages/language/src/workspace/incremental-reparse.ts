/**
 * Reparsing an edited document by the one block the edit falls in (issue 15): the parse of the whole text was
 * nearly half of a keystroke on a 5,000-line contract, with its garbage. Langium has no incremental parser, but its
 * parser parses a single rule (`parse(text, { rule })`). The block is the smallest member of a list (`props+=…`,
 * `items+=…`, `clauses+=…`) whose CST range contains the edit strictly; its new text, followed by the next token of
 * the document, is parsed with the rule that built it. Only if that parse has no lexer error and one parser error —
 * "end of file expected" at that next token, so the rule stops where the document's parse would stop it — is the new
 * node put in place of the old one, its CST in place of the old CST, and the offsets and positions of every CST
 * node after it shifted. Anything else (an edit across blocks, a document or a block that does not parse, a limit
 * of the lexer that the block's text alone would not reach) parses the whole text as before.
 *
 * The tree is patched in place: the root stays the same object, so the caches keyed by the root or by an ancestor
 * of the block (the shared walk, the owner indexes, the model's views, the checks' kept diagnostics) are dropped here. Scopes, links and
 * diagnostics are computed again for the whole document, as after a full parse; `tests/incremental-reparse.test.ts`
 * compares both, edit after edit.
 */
import { type AstNode, type CompositeCstNode, CompositeCstNodeImpl, type CstNode, GrammarAST, isAstNode, type LangiumDocument, type LangiumParser, type LeafCstNode } from 'langium';
import type { IToken } from 'chevrotain';
import type { Range } from 'vscode-languageserver-types';
import { MAX_NESTING, MAX_TOKENS } from '../parser/cpom-lexer.js';
import { replaceInWalk } from './ast-nodes.js';
import { forgetOwnerIndex } from '../validation/owner-index.js';
import { forgetKeptChecks } from '../validation/check-cache.js';
import { forgetKeptViews, invalidateModel } from '../model/model-cache.js';

/** Blocks tried, smallest first, before the whole text is parsed. */
const MAX_TRIES = 3;

/** The fields of Langium's CST nodes (4.2) that the patch writes. */
interface LeafFields { _offset: number; _range: Range; root: CompositeCstNode; container?: CompositeCstNode }
interface CompositeFields { _rangeCache?: Range; _astNode?: AstNode; root: CompositeCstNode; container?: CompositeCstNode }
interface RootFields { _text: string }

type Mutable = Record<string, unknown> & AstNode & { $containerProperty?: string; $containerIndex?: number };

/** Leaves of each document's CST (visible and hidden tokens: what MAX_TOKENS counts), kept once counted. */
const leafCounts = new WeakMap<CstNode, number>();

/**
 * Patches `document`'s trees for its new `text` by reparsing one block; false (nothing changed) when the whole
 * text must be parsed.
 */
export function reparseIncrementally(document: LangiumDocument, text: string, parser: LangiumParser): boolean {
    const result = document.parseResult;
    const rootNode = result.value;
    const root = rootNode?.$cstNode?.root;
    if (!root) return false;
    const oldText = root.fullText;
    if (oldText === text || result.lexerErrors.length > 0 || result.parserErrors.length > 0 || hasReport(result.lexerReport)) return false;
    // The changed range: [start, oldEnd) of the old text became [start, text.length - (oldText.length - oldEnd)).
    const { start, oldEnd } = changedRange(oldText, text);
    let tries = 0;
    for (const node of containingNodes(rootNode, start, oldEnd)) {
        const rule = blockRule(node);
        if (!rule) continue;
        if (replaceBlock(document, parser, node, rule, text, text.length - oldText.length)) return true;
        if (++tries >= MAX_TRIES) break;
    }
    return false;
}

/** Compared by slices of this many characters first (the buffer's text is a concatenation: one compare per slice). */
const SLICE = 512;

/** The changed range: [start, oldEnd) of the old text is what differs from the new text (common prefix and suffix). */
function changedRange(oldText: string, text: string): { start: number; oldEnd: number } {
    const min = Math.min(oldText.length, text.length);
    let start = 0;
    while (start + SLICE <= min && oldText.slice(start, start + SLICE) === text.slice(start, start + SLICE)) start += SLICE;
    while (start < min && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
    let oldEnd = oldText.length;
    let newEnd = text.length;
    while (oldEnd - SLICE >= start && newEnd - SLICE >= start && oldText.slice(oldEnd - SLICE, oldEnd) === text.slice(newEnd - SLICE, newEnd)) {
        oldEnd -= SLICE;
        newEnd -= SLICE;
    }
    while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
        oldEnd--;
        newEnd--;
    }
    return { start, oldEnd };
}

function hasReport(report: unknown): boolean {
    const diagnostics = (report as { diagnostics?: unknown[] } | undefined)?.diagnostics;
    return Array.isArray(diagnostics) && diagnostics.length > 0;
}

/** The nodes whose CST contains [start, end) strictly (the edit touches neither their first nor last character), deepest first. */
function containingNodes(root: AstNode, start: number, end: number): AstNode[] {
    const path: AstNode[] = [];
    const contains = (node: AstNode) => {
        const cst = node.$cstNode;
        return cst !== undefined && cst.offset < start && end < cst.end;
    };
    let node: AstNode | undefined = root;
    while (node) {
        path.push(node);
        let next: AstNode | undefined;
        for (const key of Object.keys(node)) {
            if (key.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as Mutable)[key];
            if (Array.isArray(value)) {
                for (const item of value) {
                    if (!isAstNode(item)) continue;
                    if (contains(item)) { next = item; break; }
                    if ((item.$cstNode?.offset ?? 0) > start) break;
                }
            } else if (isAstNode(value) && contains(value)) {
                next = value;
            }
            if (next) break;
        }
        node = next;
    }
    return path.reverse();
}

/** The rule that can parse `node` alone: a plain parser rule called for a member of a list. */
function blockRule(node: AstNode): GrammarAST.ParserRule | undefined {
    const holder = node as Mutable;
    if (!node.$container || holder.$containerIndex === undefined || !holder.$containerProperty) return undefined;
    const source = node.$cstNode?.grammarSource;
    if (!source || !GrammarAST.isRuleCall(source)) return undefined;
    const rule = source.rule.ref;
    if (!rule || !GrammarAST.isParserRule(rule) || rule.fragment || rule.dataType || rule.parameters.length > 0 || source.arguments.length > 0) return undefined;
    return rule;
}

function replaceBlock(document: LangiumDocument, parser: LangiumParser, old: AstNode, rule: GrammarAST.ParserRule, text: string, delta: number): boolean {
    const block = old.$cstNode as CompositeCstNode;
    const root = block.root;
    const blockStart = block.offset;
    const blockEnd = block.end;
    const next = nextVisibleLeaf(block);
    const newLength = blockEnd + delta - blockStart;
    const snippet = text.slice(blockStart, next ? next.end + delta : text.length);
    const parsed = parser.parse(snippet, { rule: rule.name });
    if (parsed.lexerErrors.length > 0 || hasReport(parsed.lexerReport)) return false;
    if (next ? !stopsAt(parsed.parserErrors, next, next.offset + delta - blockStart) : parsed.parserErrors.length > 0) return false;
    const node = parsed.value as Mutable;
    if (node.$type !== old.$type) return false;
    // The block's CST, less the comments after it (the document's CST has them already).
    const content = node.$cstNode!.root.content.filter(child => child.offset < newLength);
    const first = firstVisibleLeaf(content);
    const last = lastVisibleLeaf(content);
    if (!first || !last || first.offset !== 0 || last.end !== newLength) return false;
    // The lexer's limits, which the block's text alone would not reach.
    if (nestingBefore(block) + deepestNesting(content) > MAX_NESTING) return false;
    if (text.length >= MAX_TOKENS) {
        const count = (leafCounts.get(root) ?? countLeaves([root])) - countLeaves(block.content) + countLeaves(content);
        if (count >= MAX_TOKENS - 1) return false;
        leafCounts.set(root, count);
    }

    // Positions: the new leaves from the snippet's to the document's; the old ones after the block by the change.
    const startPosition = firstVisibleLeaf(block.content)!.range.start;
    const oldEndPosition = lastVisibleLeaf(block.content)!.range.end;
    forEachLeaf(content, leaf => {
        const fields = leaf as unknown as LeafFields;
        fields._offset += blockStart;
        const { start, end } = fields._range;
        if (start.line === 0) start.character += startPosition.character;
        if (end.line === 0) end.character += startPosition.character;
        start.line += startPosition.line;
        end.line += startPosition.line;
    });
    const newEndPosition = last.range.end;
    shiftAfter(block, delta, oldEndPosition.line, newEndPosition.line - oldEndPosition.line, newEndPosition.character - oldEndPosition.character);

    // The CST: the block's composite node keeps its place and grammar source, with the new content.
    const blockFields = block as unknown as CompositeFields;
    block.content.length = 0;
    for (const child of content) {
        (child as unknown as CompositeFields).container = block;
        Array.prototype.push.call(block.content, child);
    }
    setRoot(content, root);
    blockFields._rangeCache = undefined;
    blockFields._astNode = node;
    (node as { $cstNode?: CstNode }).$cstNode = block;
    (root as unknown as RootFields)._text = text;

    // The AST: the new node at the old one's place.
    const container = old.$container as Mutable;
    const property = (old as Mutable).$containerProperty!;
    const index = (old as Mutable).$containerIndex!;
    (container[property] as AstNode[])[index] = node;
    (node as { $container?: AstNode }).$container = container;
    node.$containerProperty = property;
    node.$containerIndex = index;

    // The caches of the trees that changed.
    const rootNode = document.parseResult.value;
    replaceInWalk(rootNode, old, node);
    invalidateModel(rootNode);
    for (let ancestor: AstNode | undefined = container; ancestor; ancestor = ancestor.$container) {
        forgetOwnerIndex(ancestor);
        forgetKeptChecks(ancestor);
        forgetKeptViews(ancestor);
    }
    return true;
}

/** The only parser error is "end of file expected" at the document's next token, unchanged. */
function stopsAt(errors: ReadonlyArray<{ name: string; token: IToken }>, next: LeafCstNode, offset: number): boolean {
    if (errors.length !== 1) return false;
    const { name, token } = errors[0];
    return name === 'NotAllInputParsedException' && token.startOffset === offset && token.tokenType === next.tokenType && token.image.length === next.length;
}

/** The first visible leaf after `node` in the document. */
function nextVisibleLeaf(node: CstNode): LeafCstNode | undefined {
    for (let current: CstNode = node; current.container; current = current.container) {
        const siblings = current.container.content;
        const at = siblings.indexOf(current);
        const leaf = firstVisibleLeaf(siblings, at + 1);
        if (leaf) return leaf;
    }
    return undefined;
}

function firstVisibleLeaf(nodes: readonly CstNode[], from = 0): LeafCstNode | undefined {
    for (let i = from; i < nodes.length; i++) {
        const node = nodes[i];
        if (isComposite(node)) {
            const leaf = firstVisibleLeaf(node.content);
            if (leaf) return leaf;
        } else if (!node.hidden) {
            return node as LeafCstNode;
        }
    }
    return undefined;
}

function lastVisibleLeaf(nodes: readonly CstNode[]): LeafCstNode | undefined {
    for (let i = nodes.length - 1; i >= 0; i--) {
        const node = nodes[i];
        if (isComposite(node)) {
            const leaf = lastVisibleLeaf(node.content);
            if (leaf) return leaf;
        } else if (!node.hidden) {
            return node as LeafCstNode;
        }
    }
    return undefined;
}

function isComposite(node: CstNode): node is CompositeCstNode {
    return Array.isArray((node as CompositeCstNode).content);
}

function forEachLeaf(nodes: readonly CstNode[], action: (leaf: LeafCstNode) => void): void {
    for (const node of nodes) {
        if (isComposite(node)) forEachLeaf(node.content, action);
        else action(node as LeafCstNode);
    }
}

function countLeaves(nodes: readonly CstNode[]): number {
    let count = 0;
    forEachLeaf(nodes, () => count++);
    return count;
}

function setRoot(nodes: readonly CstNode[], root: CompositeCstNode): void {
    for (const node of nodes) {
        (node as unknown as CompositeFields).root = root;
        if (isComposite(node)) setRoot(node.content, root);
    }
}

/** The `{` still open where `block` starts (the lexer counts them, MAX_NESTING). */
function nestingBefore(block: CstNode): number {
    let depth = 0;
    for (let current: CstNode = block; current.container; current = current.container) {
        for (const sibling of current.container.content) {
            if (sibling === current) break;
            if (!isComposite(sibling) && !sibling.hidden) {
                const image = (sibling as LeafCstNode).text;
                if (image === '{') depth++;
                else if (image === '}' && depth > 0) depth--;
            }
        }
    }
    return depth;
}

function deepestNesting(nodes: readonly CstNode[]): number {
    let depth = 0;
    let deepest = 0;
    forEachLeaf(nodes, leaf => {
        if (leaf.hidden || leaf.length !== 1) return;
        const image = leaf.text;
        if (image === '{') deepest = Math.max(deepest, ++depth);
        else if (image === '}' && depth > 0) depth--;
    });
    return deepest;
}

/**
 * Every leaf after the block moved by `delta` characters, and by `lines` lines (and `columns` columns on the line
 * where the block ended); the ranges the block's ancestors computed from them forgotten. The CST's content is in
 * the order of the text: after the block are the later siblings of the block and of each of its ancestors.
 */
function shiftAfter(block: CstNode, delta: number, endLine: number, lines: number, columns: number): void {
    const shift = (nodes: readonly CstNode[], from: number): void => {
        for (let i = from; i < nodes.length; i++) {
            const node = nodes[i];
            if (node instanceof CompositeCstNodeImpl) {
                (node as unknown as CompositeFields)._rangeCache = undefined;
                shift(node.content, 0);
                continue;
            }
            const leaf = node as unknown as LeafFields;
            leaf._offset += delta;
            const { start, end } = leaf._range;
            if (lines !== 0 || start.line === endLine || end.line === endLine) {
                leaf._range = {
                    start: { line: start.line + lines, character: start.line === endLine ? start.character + columns : start.character },
                    end: { line: end.line + lines, character: end.line === endLine ? end.character + columns : end.character },
                };
            }
        }
    };
    for (let current: CstNode = block; current.container; current = current.container) {
        const parent = current.container;
        (parent as unknown as CompositeFields)._rangeCache = undefined;
        shift(parent.content, parent.content.indexOf(current) + 1);
    }
}
