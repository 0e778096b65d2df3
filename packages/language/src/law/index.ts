/**
 * The law as it stood: legal texts with dated versions, who held departmental competence where, and the region of
 * each département, by date. Pure data and functions, no I/O. The rules read it through their context (`RuleContext.law`).
 */
export * from './types.js';
export * from './legal-texts.js';
export * from './citations.js';
export * from './unsourced-citations.js';
export * from './law-view.js';
export * from './regions.js';
export * from './territories.js';
export { FORFAIT_GLOBAL_UNIQUE_TERRITORIES } from './texts-other.js';
