/**
 * The law as it stood: legal texts with dated versions, who held departmental competence where, and the region of
 * each département, by date. Pure data and functions, no I/O. Not wired into the validation rules yet.
 */
export * from './types.js';
export * from './legal-texts.js';
export * from './citations.js';
export * from './catalogue-sources.js';
export * from './regions.js';
export * from './territories.js';
export { FORFAIT_GLOBAL_UNIQUE_TERRITORIES } from './texts-other.js';
