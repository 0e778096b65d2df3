export * from './document/model.js';
export * from './document/build-contract-document.js';
export * from './document/numbering.js';
