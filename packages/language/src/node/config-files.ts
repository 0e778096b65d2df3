/** Finds and reads cpom.config.json: the nearest one walking up from each contract, or the one given by --config. */
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigError, EMPTY_CONFIG, type ResolvedConfig, resolveConfig } from '../diagnostics/config.js';

export const CONFIG_FILE_NAME = 'cpom.config.json';

/** A config and the folder of its file (what its `ignore` globs are relative to); no folder when there is none. */
export interface LocatedConfig {
    readonly config: ResolvedConfig;
    readonly dir: string | undefined;
}

const NO_CONFIG: LocatedConfig = { config: EMPTY_CONFIG, dir: undefined };

export class ConfigFiles {
    private readonly byDir = new Map<string, LocatedConfig>();
    private readonly explicit: LocatedConfig | undefined;

    constructor(explicitPath?: string) {
        this.explicit = explicitPath ? { config: readConfig(explicitPath), dir: path.dirname(explicitPath) } : undefined;
    }

    /** Forgets what was read: a config file was created, changed or deleted (the language server watches them). */
    clear(): void {
        this.byDir.clear();
    }

    /** The config that applies to a contract file. Throws ConfigError for an unreadable or invalid file. */
    forFile(file: string): ResolvedConfig {
        return this.locate(file).config;
    }

    /** The config that applies to a contract file and where its file is. Throws ConfigError like `forFile`. */
    locate(file: string): LocatedConfig {
        return this.explicit ?? this.forDir(path.dirname(file));
    }

    private forDir(dir: string): LocatedConfig {
        const cached = this.byDir.get(dir);
        if (cached) return cached;
        const candidate = path.join(dir, CONFIG_FILE_NAME);
        const parent = path.dirname(dir);
        const located = existsSync(candidate) ? { config: readConfig(candidate), dir } : parent === dir ? NO_CONFIG : this.forDir(parent);
        this.byDir.set(dir, located);
        return located;
    }
}

function readConfig(file: string): ResolvedConfig {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        throw new ConfigError({ fr: `impossible de lire « ${file} » : ${(error as Error).message}`, en: `cannot read ${file}: ${(error as Error).message}` });
    }
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (error) {
        throw new ConfigError({ fr: `${file} : JSON invalide : ${(error as Error).message}`, en: `${file}: invalid JSON: ${(error as Error).message}` });
    }
    return resolveConfig(raw, file);
}
