/** Entry of the language server services (`@cpom/language/lsp`): kept apart so that `cpom check` does not load langium/lsp. */
export * from './cpom-lsp-module.js';
// Shells set `rulesBaseUri` on it (the rule pages linked from hovers).
export { CpomHoverProvider } from './cpom-hover.js';
