/** Bundles fuzz entries (paths relative to tests/fuzz) into a fresh temporary folder; returns that folder. */
export function bundleFuzzEntries(entries: string[]): Promise<string>;
