/**
 * One French wording layer, shared by the documents, the hovers and completions, the diff and the avenant: labels
 * of the language's value keywords, month names, lists and quotes. Pure: no I/O.
 */
export * from './keywords.js';
export * from './lists.js';
export * from './months.js';
export * from './quotes.js';
export * from './prepositions.js';
