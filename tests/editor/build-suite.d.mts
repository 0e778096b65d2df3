/** Types of build-suite.mjs, for tests/extension.test.ts. */
export const ROOT: string;
export const EXTENSION_DIR: string;
export const SUITE_WEB: string;
export const SUITE_NODE: string;
export function buildSuite(): Promise<{ web: string; node: string }>;
