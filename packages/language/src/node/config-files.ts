/** Finds and reads cpom.config.json: the nearest one walking up from each contract, or the one given by --config. */
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigError, EMPTY_CONFIG, type ResolvedConfig, resolveConfig } from '../diagnostics/config.js';

export const CONFIG_FILE_NAME = 'cpom.config.json';

export class ConfigFiles {
    private readonly byDir = new Map<string, ResolvedConfig>();
    private readonly explicit: ResolvedConfig | undefined;

    constructor(explicitPath?: string) {
        this.explicit = explicitPath ? readConfig(explicitPath) : undefined;
    }

    /** Forgets what was read: a config file was created, changed or deleted (the language server watches them). */
    clear(): void {
        this.byDir.clear();
    }

    /** The config that applies to a contract file. Throws ConfigError for an unreadable or invalid file. */
    forFile(file: string): ResolvedConfig {
        return this.explicit ?? this.forDir(path.dirname(file));
    }

    private forDir(dir: string): ResolvedConfig {
        const cached = this.byDir.get(dir);
        if (cached) return cached;
        const candidate = path.join(dir, CONFIG_FILE_NAME);
        const parent = path.dirname(dir);
        const config = existsSync(candidate) ? readConfig(candidate) : parent === dir ? EMPTY_CONFIG : this.forDir(parent);
        this.byDir.set(dir, config);
        return config;
    }
}

function readConfig(file: string): ResolvedConfig {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
    }
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (error) {
        throw new ConfigError(`${file}: invalid JSON: ${(error as Error).message}`);
    }
    return resolveConfig(raw, file);
}
