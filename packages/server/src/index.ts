/** The cpom language server, host-independent part; hosts start it from `@cpom/server/node` or `@cpom/server/browser`. */
export * from './start-server.js';
export * from './protocol.js';
export { ALL_CHECKS } from './full-checks.js';
export type { ConfigLookup } from './client-settings.js';
export { preview } from './requests/preview.js';
export { render } from './requests/render.js';
export { diff } from './requests/diff.js';
export { checkWorkspace } from './requests/check-workspace.js';
