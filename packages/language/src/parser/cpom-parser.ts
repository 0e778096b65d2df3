/**
 * Langium's parser, with the CST built in linear time. Before each token, Langium places the comments that precede
 * it in the CST; with no comment at all it still searched the token's parent among its siblings (`indexOf`), so a
 * list of N items cost N² (300,000 legal frames or départements: three minutes). No comment, no search.
 */
import { createLangiumParser, type CstNodeBuilder, type LangiumCoreServices, type LangiumParser } from 'langium';

export function createCpomParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const builder = (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder;
    const addHiddenNodes = builder.addHiddenNodes.bind(builder);
    builder.addHiddenNodes = tokens => {
        if (tokens.length > 0) addHiddenNodes(tokens);
    };
    return parser;
}
