/**
 * One French wording layer, shared by the documents, the hovers and completions, the diff and the avenant: labels
 * of the language's value keywords, month names, lists and quotes, amounts, dates and plurals. Pure: no I/O.
 */
export * from './keywords.js';
export * from './lists.js';
export * from './months.js';
export * from './quotes.js';
export * from './prepositions.js';
export * from './amounts.js';
export * from './dates.js';
export * from './plurals.js';
export * from './capitals.js';
export * from './text-writer.js';
