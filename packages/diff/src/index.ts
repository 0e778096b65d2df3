export * from './change.js';
export * from './diff-contracts.js';
export * from './describe.js';
export * from './format/text.js';
export * from './format/markdown.js';
export * from './avenant/build-avenant-document.js';
export * from './avenant/groups.js';
export { ContractReferences } from './avenant/context.js';
export * from './versions.js';
