/**
 * Langium's parser, with the CST built in linear time and constant stack. Before each token, Langium places the
 * comments that precede it in the CST; with no comment at all it still searched the token's parent among its
 * siblings (`indexOf`), so a list of N items cost N² (300,000 legal frames or départements: three minutes). No
 * comment, no search. And it inserted them with one spread call (`push(...nodes)`), which overflows the stack past
 * some 100,000 comments in a row; they are inserted one by one here, at the place Langium chooses.
 *
 * And Chevrotain's error recovery looks for a token to resume at by testing each token ahead against every token
 * type of the follow set (a `find` over some hundred types): 3 µs a skipped token, half the parse of 250,000 stray
 * quoted texts. Whether a token type is in the set is asked once per type here, with the same answer.
 *
 * And before each single-token recovery, Chevrotain walks the grammar of the outermost rule (the whole contract) for
 * the tokens that may follow the grammar path where the token was expected: 150 µs an error, 23 s for 145,000 stray
 * names in a block (fuzz seed 20261204, input 6310). The answer depends on the path alone: computed once per path.
 */
import { CstUtils, createLangiumParser, type CompositeCstNode, type CstNode, type CstNodeBuilder, LeafCstNodeImpl, type LangiumCoreServices, type LangiumParser } from 'langium';
import { type IToken, tokenMatcher, type TokenType } from 'chevrotain';
import { buildTreesFaster } from './fast-tree-building.js';
import { stopAfterSyntaxErrors } from './syntax-error-limit.js';

export function createCpomParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const builder = (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder;
    builder.addHiddenNodes = tokens => {
        if (tokens.length > 0) addHiddenNodes(builder, tokens);
    };
    const wrapper = (parser as unknown as { wrapper?: RecoveringParser }).wrapper;
    if (wrapper && typeof wrapper.flattenFollowSet === 'function' && typeof wrapper.findReSyncTokenType === 'function') {
        wrapper.findReSyncTokenType = findReSyncTokenType;
    }
    if (wrapper && typeof wrapper.getNextPossibleTokenTypes === 'function') {
        wrapper.getNextPossibleTokenTypes = nextTokenTypesOncePerPath(wrapper.getNextPossibleTokenTypes.bind(wrapper));
    }
    return stopAfterSyntaxErrors(buildTreesFaster(parser));
}

/** The members of Chevrotain's recovery (`Recoverable`, chevrotain 11) that the resync search uses. */
interface RecoveringParser {
    flattenFollowSet(): TokenType[];
    LA(howMuch: number): IToken;
    findReSyncTokenType(): TokenType;
    getNextPossibleTokenTypes(path: GrammarPath): TokenType[];
}

/** Where a token was expected: the rules entered (and each one's occurrence), the token and its occurrence. */
interface GrammarPath {
    ruleStack: string[];
    occurrenceStack: number[];
    lastTok: TokenType;
    lastTokOccurrence: number;
}

/** Distinct paths remembered (a grammar has a few hundred places where a token is expected, times the nesting). */
const MAX_PATHS = 10_000;

/** Chevrotain's `getNextPossibleTokenTypes`, remembered by path (the callers only read the list). */
function nextTokenTypesOncePerPath(compute: (path: GrammarPath) => TokenType[]): (path: GrammarPath) => TokenType[] {
    const known = new Map<string, TokenType[]>();
    return path => {
        const key = `${path.ruleStack.join(' ')}|${path.occurrenceStack.join(' ')}|${path.lastTok.tokenTypeIdx}|${path.lastTokOccurrence}`;
        let types = known.get(key);
        if (types === undefined) {
            if (known.size >= MAX_PATHS) known.clear();
            types = compute(path);
            known.set(key, types);
        }
        return types;
    };
}

/**
 * Chevrotain's `findReSyncTokenType`: the first type of the follow set that the nearest token ahead matches, with
 * the answer for each token type computed once (a token matches a type by its type alone: `tokenMatcher`).
 */
function findReSyncTokenType(this: RecoveringParser): TokenType {
    const candidates = this.flattenFollowSet();
    const byType = new Map<number, TokenType | undefined>();
    // The follow set holds EOF, which LA returns past the end: the search ends.
    for (let k = 1; ; k++) {
        const token = this.LA(k);
        const type = token.tokenType.tokenTypeIdx!;
        let found = byType.get(type);
        if (found === undefined && !byType.has(type)) {
            found = candidates.find(candidate => tokenMatcher(token, candidate));
            byType.set(type, found);
        }
        if (found !== undefined) return found;
    }
}

/** Langium's `CstNodeBuilder.addHiddenNodes` (4.2), without spreading the nodes into one call. */
function addHiddenNodes(builder: CstNodeBuilder, tokens: IToken[]): void {
    const root = (builder as unknown as { rootNode: CompositeCstNode }).rootNode;
    const nodes: CstNode[] = tokens.map(token => {
        const leaf = new LeafCstNodeImpl(token.startOffset, token.image.length, CstUtils.tokenToRange(token), token.tokenType, true);
        leaf.root = root as LeafCstNodeImpl['root'];
        return leaf;
    });
    let current: CompositeCstNode = builder.current;
    // Within a composite node that has content: after it.
    if (current.content.length > 0) {
        insertAt(current, current.content.length, nodes);
        return;
    }
    // At a new node: before it, in the first parent that has content before it.
    while (current.container) {
        const index = current.container.content.indexOf(current);
        if (index > 0) {
            insertAt(current.container, index, nodes);
            return;
        }
        current = current.container;
    }
    // The first nodes of the tree.
    insertAt(root, 0, nodes);
}

/** Inserts `nodes` into `parent`'s content at `index`, each with its container set, in linear time. */
function insertAt(parent: CompositeCstNode, index: number, nodes: CstNode[]): void {
    const content = parent.content;
    const tail: CstNode[] = [];
    for (let i = index; i < content.length; i++) tail.push(content[i]);
    content.length = index;
    // Array.prototype.push one at a time: Langium's container overrides push to set `container` from rest arguments.
    for (const node of nodes) {
        (node as { container?: CompositeCstNode }).container = parent;
        Array.prototype.push.call(content, node);
    }
    for (const node of tail) Array.prototype.push.call(content, node);
}
