export * from './document/model.js';
export * from './document/build-contract-document.js';
export * from './document/numbering.js';
export * from './document/fact-sheet.js';
export { fundingSummary } from './document/contract-annexes.js';
export { visaSentence, type VisaWords, withoutSemicolon } from './document/contract-visas.js';
export { MISSING, orMissing } from './document/missing.js';
export * from './version.js';
export * from './json/cpom-json.js';
export * from './json/export-contract.js';
export * from './json/serialise.js';
export * from './render/docx.js';
export * from './render/html.js';
export * from './render/html-toc-pages.js';
export * from './render/markdown.js';
export { collapseWhiteSpace } from './render/text-writer.js';
export {
    authorityKindLabel, budgetDocumentLabel, criterionLabel, directionLabel, frameLabel, frequencyLabel, frenchDate,
    indexationLabel, modalityLabel, natureBesideTitle, natureLabel, reviewLabel, sourceLabel, statusLabel,
} from './document/french.js';
export * from './skeleton/contract-skeleton.js';
export * from './json/follow-up-json.js';
export * from './json/export-follow-up.js';
export * from './report/index.js';
