/**
 * Langium's validation registry, cheaper per node. Langium wraps every check in two async functions (a promise
 * per check and node, though cpom's rules are synchronous) and answers `getChecks` with a new chain of streams for
 * every node, most of which have no check at all: on a 5,000-line contract that was much of the validation's
 * garbage. Here a synchronous check runs synchronously (its errors handled as Langium does) and the checks of a
 * node type and set of categories are listed once.
 */
import { type AstNode, isOperationCancelled, stream, type Stream, type ValidationAcceptor, type ValidationCategory, type ValidationCheck, ValidationRegistry } from 'langium';

/** Langium does not export the type of its entries. */
type ValidationCheckEntry = ValidationRegistry['entries'] extends { add(key: string, value: infer E): unknown } ? E : never;

const FAILURE_CONTEXT = 'An error occurred during validation';

export class CpomValidationRegistry extends ValidationRegistry {
    /** Checks by categories (joined), then by node type. */
    private readonly listed = new Map<string, Map<string, readonly ValidationCheck[]>>();

    /**
     * The checks by node type for the given categories (all when undefined), each list in registration order,
     * filled as types are asked for: look the categories up once per walk, then each node's type.
     */
    checksByType(categories?: ValidationCategory[]): (type: string) => readonly ValidationCheck[] {
        const key = categories ? categories.join(',') : '*';
        let byType = this.listed.get(key);
        if (!byType) {
            byType = new Map();
            this.listed.set(key, byType);
        }
        const lists = byType;
        return type => {
            let checks = lists.get(type);
            if (!checks) {
                checks = super.getChecks(type, categories).toArray();
                lists.set(type, checks);
            }
            return checks;
        };
    }

    override getChecks(type: string, categories?: ValidationCategory[]): Stream<ValidationCheck> {
        return stream(this.checksByType(categories)(type));
    }

    protected override addEntry(type: string, entry: ValidationCheckEntry): void {
        this.listed.clear();
        super.addEntry(type, entry);
    }

    /** As Langium's wrapper, without a promise when the check returns none. */
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            let result: unknown;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                reportFailure(error, accept, node);
                return undefined;
            }
            if (result instanceof Promise) return result.then(() => undefined, (error: unknown) => reportFailure(error, accept, node));
            return undefined;
        };
    }
}

function reportFailure(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
    // Langium's cancellation is a symbol, not an Error: passed on as Langium's own wrapper does.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (isOperationCancelled(error)) throw error;
    console.error(`${FAILURE_CONTEXT}:`, error);
    if (error instanceof Error && error.stack) console.error(error.stack);
    accept('error', `${FAILURE_CONTEXT}: ${error instanceof Error ? error.message : String(error)}`, { node });
}
