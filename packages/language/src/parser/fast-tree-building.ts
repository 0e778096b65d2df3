/**
 * Langium's CST and AST building (4.2), with its per-token and per-node costs cut; the trees are the same. Langium's
 * parse of the 5,000-line contract took four times Chevrotain's recognition of it (issue 15): each node was pushed
 * into its parent through an `Array` subclass whose `push(...items)` copies its rest arguments twice; each token asked
 * the grammar's reflection whether its grammar element is a keyword and which assignment holds it; each AST node
 * listed its type's properties afresh (`Object.values`) to fill the defaults; and the finished tree was walked once
 * more through `Object.entries` and a closure per array to set `$container`. Here each grammar element's answers are
 * computed once per parser, the defaults once per type, nodes are appended with `Array.prototype.push`, and the
 * containers are set by a plain loop, in the same order as Langium's.
 */
import {
    type AstNode, type AstReflection, CompositeCstNodeImpl, type CompositeCstNode, CstUtils, DatatypeSymbol,
    GrammarAST, type LangiumParser, LeafCstNodeImpl, type ValueConverter, type CstNode, type CstNodeBuilder, type LexerResult,
    type ParseResult, type ParserOptions,
} from 'langium';
import type { IToken, TokenType } from 'chevrotain';

type AbstractElement = GrammarAST.AbstractElement;

const push = Array.prototype.push;

/** The members of Langium's `CstNodeBuilder` (4.2) that the building uses. */
interface BuilderInternals {
    rootNode: CompositeCstNode;
    nodeStack: CompositeCstNode[];
    buildRootNode: CstNodeBuilder['buildRootNode'];
    buildCompositeNode: CstNodeBuilder['buildCompositeNode'];
    buildLeafNode: CstNodeBuilder['buildLeafNode'];
    addHiddenNodes: CstNodeBuilder['addHiddenNodes'];
    construct: CstNodeBuilder['construct'];
}

/** The members of Langium's `LangiumParser` (4.2) that the building uses. */
interface ParserInternals {
    wrapper: { wrapConsume(idx: number, tokenType: TokenType): IToken; IS_RECORDING: boolean };
    nodeBuilder: BuilderInternals;
    stack: Array<Record<string, unknown> & { $type: string | symbol | undefined; $cstNode: CstNode; value?: string }>;
    lexerResult?: { hidden: IToken[] };
    converter: ValueConverter;
    astReflection: AstReflection;
    current: Record<string, unknown>;
    isRecording(): boolean;
    isValidToken(token: IToken): boolean;
    extractHiddenTokens(token: IToken): IToken[];
    assign(operator: string, feature: string, value: unknown, cstNode: CstNode, crossRef: 'single' | 'multi' | undefined): void;
    constructInfix(obj: unknown, precedence: unknown): unknown;
    operatorPrecedence: Map<string, unknown>;
    consume(idx: number, tokenType: TokenType, feature: AbstractElement): void;
    construct(): unknown;
    lexer: { tokenize(text: string): LexerResult };
    allRules: Map<string, unknown>;
    mainRule: unknown;
    unorderedGroups: Map<string, boolean[]>;
    doParse(rule: unknown): AstNode;
    parse(input: string, options?: ParserOptions): ParseResult;
}

/** What `consume` asks of a grammar element, once. */
interface FeatureFacts {
    keyword: boolean;
    assignment: GrammarAST.Assignment | undefined;
    crossRef: 'single' | 'multi' | undefined;
}

/** Installs the faster building on a parser made by `createLangiumParser`; returns it. */
export function buildTreesFaster(parser: LangiumParser): LangiumParser {
    const internals = parser as unknown as ParserInternals;
    if (!internals.nodeBuilder || !internals.wrapper || typeof internals.isValidToken !== 'function') return parser;
    installCstBuilding(internals.nodeBuilder);
    installConsume(internals);
    installConstruct(internals);
    installParse(internals);
    return parser;
}

/** Composite and leaf nodes appended to their parent without the container's rest-argument `push`. */
function installCstBuilding(builder: BuilderInternals): void {
    builder.buildCompositeNode = function (this: BuilderInternals, feature: AbstractElement) {
        const node = new CompositeCstNodeImpl();
        node.grammarSource = feature;
        node.root = this.rootNode as CompositeCstNodeImpl['root'];
        const parent = this.nodeStack[this.nodeStack.length - 1] ?? this.rootNode;
        node.container = parent;
        push.call(parent.content, node);
        this.nodeStack.push(node);
        return node;
    };
    builder.buildLeafNode = function (this: BuilderInternals, token: IToken, feature?: AbstractElement) {
        const leaf = new LeafCstNodeImpl(token.startOffset, token.image.length, CstUtils.tokenToRange(token), token.tokenType, !feature);
        leaf.grammarSource = feature;
        leaf.root = this.rootNode as LeafCstNodeImpl['root'];
        const parent = this.nodeStack[this.nodeStack.length - 1] ?? this.rootNode;
        leaf.container = parent;
        push.call(parent.content, leaf);
        return leaf;
    };
}

/** Langium's `consume`, with each grammar element's keyword and assignment facts computed once. */
function installConsume(parser: ParserInternals): void {
    const facts = new Map<AbstractElement, FeatureFacts>();
    const factsOf = (feature: AbstractElement): FeatureFacts => {
        let found = facts.get(feature);
        if (!found) {
            const assignment = GrammarAST.isAssignment(feature) ? feature : findAssignment(feature);
            const crossRef = assignment && GrammarAST.isCrossReference(assignment.terminal) ? (assignment.terminal.isMulti ? 'multi' : 'single') : undefined;
            found = { keyword: GrammarAST.isKeyword(feature), assignment, crossRef };
            facts.set(feature, found);
        }
        return found;
    };
    parser.consume = function (this: ParserInternals, idx: number, tokenType: TokenType, feature: AbstractElement) {
        const token = this.wrapper.wrapConsume(idx, tokenType);
        if (this.wrapper.IS_RECORDING || !this.isValidToken(token)) return;
        // Comments before the token go into the CST first (none: nothing to look for).
        if (this.lexerResult && this.lexerResult.hidden.length > 0) this.nodeBuilder.addHiddenNodes(this.extractHiddenTokens(token));
        const leaf = this.nodeBuilder.buildLeafNode(token, feature);
        const { keyword, assignment, crossRef } = factsOf(feature);
        if (assignment) {
            const value = keyword ? token.image : this.converter.convert(token.image, leaf);
            this.assign(assignment.operator, assignment.feature, value, leaf, crossRef);
            return;
        }
        const current = this.stack[this.stack.length - 1];
        if (current.$type === DatatypeSymbol) {
            current.value += keyword ? token.image : String(this.converter.convert(token.image, leaf));
        }
    };
}

/** Langium's `getContainerOfType(feature, isAssignment)`. */
function findAssignment(feature: AstNode): GrammarAST.Assignment | undefined {
    for (let node: AstNode | undefined = feature; node; node = node.$container) {
        if (GrammarAST.isAssignment(node)) return node;
    }
    return undefined;
}

/** Langium's `construct`, with each AST type's default values listed once. */
function installConstruct(parser: ParserInternals): void {
    const defaultsByType = new Map<string, Array<[string, unknown]>>();
    const defaultsOf = (type: string): Array<[string, unknown]> => {
        let found = defaultsByType.get(type);
        if (!found) {
            found = Object.values(parser.astReflection.getTypeMetaData(type).properties)
                .filter(property => property.defaultValue !== undefined)
                .map(property => [property.name, property.defaultValue]);
            defaultsByType.set(type, found);
        }
        return found;
    };
    parser.construct = function (this: ParserInternals) {
        if (this.wrapper.IS_RECORDING) return undefined;
        const obj = this.stack.pop()!;
        this.nodeBuilder.construct(obj);
        if ('$infixName' in obj) return this.constructInfix(obj, this.operatorPrecedence.get(obj.$infixName as string));
        if (obj.$type === DatatypeSymbol) return this.converter.convert(obj.value!, obj.$cstNode);
        for (const [name, value] of defaultsOf(obj.$type as string)) {
            if (obj[name] === undefined) obj[name] = copyDefault(value);
        }
        return obj;
    };
}

/** Langium's `copyDefaultValue`: arrays are copied, deeply. */
function copyDefault(value: unknown): unknown {
    return Array.isArray(value) ? value.map(copyDefault) : value;
}

/** Langium's `parse`, with the containers set by `linkContainers`. */
function installParse(parser: ParserInternals): void {
    parser.parse = function (this: ParserInternals & { wrapper: { input: IToken[]; errors: ParseResult['parserErrors'] } }, input: string, options: ParserOptions = {}) {
        this.nodeBuilder.buildRootNode(input);
        const lexerResult = this.lexerResult = this.lexer.tokenize(input);
        this.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? this.allRules.get(options.rule) : this.mainRule;
        if (!ruleMethod) throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        const result = this.doParse(ruleMethod);
        this.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        this.unorderedGroups.clear();
        this.lexerResult = undefined;
        linkContainers(result);
        return { value: result, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors: this.wrapper.errors };
    };
}

/**
 * Langium's `linkContentToContainer(node, { deep: true })`: `$container`, `$containerProperty` and
 * `$containerIndex` of every node under `node`, set in the same order.
 */
export function linkContainers(node: AstNode): void {
    const record = node as unknown as Record<string, unknown>;
    for (const name of Object.keys(record)) {
        if (name.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[name];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item = value[index];
                if (isNode(item)) {
                    item.$container = node;
                    (item as { $containerProperty?: string }).$containerProperty = name;
                    (item as { $containerIndex?: number }).$containerIndex = index;
                    linkContainers(item);
                }
            }
        } else if (isNode(value)) {
            value.$container = node;
            (value as { $containerProperty?: string }).$containerProperty = name;
            linkContainers(value);
        }
    }
}

function isNode(value: unknown): value is AstNode & { $container?: AstNode } {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
