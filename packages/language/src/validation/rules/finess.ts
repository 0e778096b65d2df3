/** FINESS numbers: form, key, prefix, normalisation (DOMAIN §2.1–2.2). */
import * as ast from '../../generated/ast.js';
import { FORBIDDEN_FINESS_PREFIXES, hasValidFinessKey, isWellFormedFiness, finessKey, normaliseFiness } from '../../model/finess.js';
import type { RuleContext } from '../rule-context.js';

export function checkFiness(node: ast.Finess, ctx: RuleContext): void {
    if (!node.value) {
        return;
    }
    const { value, changed } = normaliseFiness(node.value);
    if (!isWellFormedFiness(value)) {
        ctx.reporter.report('CPOM040', { finess: value }, { node, property: 'value' });
        return;
    }
    if (changed) {
        ctx.reporter.report('CPOM043', { finess: value }, { node, property: 'value' });
    }
    const prefix = value.slice(0, 2);
    if ((FORBIDDEN_FINESS_PREFIXES as readonly string[]).includes(prefix)) {
        ctx.reporter.report('CPOM042', { finess: value, prefix }, { node, property: 'value' });
    }
    if (!hasValidFinessKey(value)) {
        const key = finessKey(value.slice(0, 8));
        ctx.reporter.report('CPOM041', {
            finess: value, key,
            expected: value.slice(0, 8) + key,
        }, { node, property: 'value' });
    }
}
