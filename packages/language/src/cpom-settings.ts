/**
 * Settings that shells (CLI, language server) set and the core reads: the language of messages and
 * the project configuration that applies to a document.
 */
import type { URI } from 'langium';
import { EMPTY_CONFIG, type ResolvedConfig } from './diagnostics/config.js';
import type { Locale } from './diagnostics/rules.js';
import type { ISODate } from './law/types.js';

export type ConfigResolver = (uri: URI) => ResolvedConfig;

export class CpomSettings {
    /** Language of diagnostics when no config says otherwise. */
    locale: Locale = 'fr';
    /** Language asked for explicitly (`--lang`): wins over the config files. */
    forcedLocale: Locale | undefined;
    /**
     * Read the law as it stood on this day (`cpom check --droit-au`) instead of each contract's date d'effet (an
     * avenant's own date).
     */
    lawDate: ISODate | undefined;
    private resolver: ConfigResolver = () => EMPTY_CONFIG;

    setConfigResolver(resolver: ConfigResolver): void {
        this.resolver = resolver;
    }

    configFor(uri: URI): ResolvedConfig {
        return this.resolver(uri);
    }

    localeFor(uri: URI): Locale {
        return this.forcedLocale ?? this.configFor(uri).lang ?? this.locale;
    }
}
