/**
 * The names a reader knows elements by, looked up from the identifiers the change records carry: an establishment
 * by its name (`nomEgeLong`), a party by its name or denomination, an axis, an objective, an indicator, an action or
 * a funding line by its title — from the new version first, then the old one. The diff never shows an identifier.
 */
import { MISSING } from '@cpom/generator';
import { quote as frenchQuote } from '@cpom/language';

type JsonObject = Record<string, unknown>;

/** The fields that name an element, in order of preference. */
const NAMING_FIELDS = ['nomEgeLong', 'denominationPm', 'title', 'name'] as const;

export class ElementNames {
    private byIdOnceRead: Map<string, string> | undefined;
    private readonly versions: readonly unknown[];

    constructor(...versions: readonly unknown[]) {
        this.versions = versions;
    }

    /** The names of the versions, collected when the first one is looked up: a diff without changes needs none. */
    private get byId(): Map<string, string> {
        if (!this.byIdOnceRead) {
            this.byIdOnceRead = new Map();
            for (const version of this.versions) this.collect(version, this.byIdOnceRead);
        }
        return this.byIdOnceRead;
    }

    private collect(value: unknown, byId: Map<string, string>): void {
        if (Array.isArray(value)) {
            for (const item of value) this.collect(item, byId);
            return;
        }
        if (typeof value !== 'object' || value === null) return;
        const object = value as JsonObject;
        if (typeof object.id === 'string' && !byId.has(object.id)) {
            const name = NAMING_FIELDS.map(f => object[f]).find((v): v is string => typeof v === 'string' && v !== '');
            if (name !== undefined) byId.set(object.id, name);
        }
        for (const key of Object.keys(object)) if (key !== 'id') this.collect(object[key], byId);
    }

    /** The name of what an identifier names, or the placeholder (never the identifier). */
    nameOf(id: unknown): string {
        return (typeof id === 'string' ? this.byId.get(id) : undefined) ?? MISSING.name;
    }

    /** `« ESAT MESSIDOR Lyon Gerland »`. */
    quoted(id: unknown): string {
        return frenchQuote(this.nameOf(id));
    }

    /** The name of an element of a version (its own naming field), else by its identifier. */
    quotedElement(element: JsonObject | undefined): string {
        const own = NAMING_FIELDS.map(f => element?.[f]).find((v): v is string => typeof v === 'string' && v !== '');
        return frenchQuote(own ?? this.nameOf(element?.id));
    }
}

/** No version to look names up in (a record described alone): every name is the placeholder. */
export const NO_NAMES = new ElementNames();
