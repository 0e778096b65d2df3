/** The JSON of the parties (docs/json-export.md): the gestionnaire, the authorities, the signatories. */
import { AstUtils, type AstNode, isReference, type ReferenceInfo } from 'langium';
import { ast, authorityDepartments, catalogueOf, firstProp, type GestionnaireView, normalisedDepartment, plain, type SignatoryView, walkedTree } from '@cpom/language';
import type { AuthorityJson, GestionnaireJson, SignatoryJson } from './cpom-json.js';
import { defined, idOf } from './model.js';

export function gestionnaireJson(g: GestionnaireView): GestionnaireJson {
    return defined<GestionnaireJson>({
        id: g.name!,
        denominationPm: g.title!,
        numFinessPm: g.finess,
        legalStatus: g.legalStatus as GestionnaireJson['legalStatus'],
        address: g.address,
    });
}

/**
 * The authorities an owner (contract or avenant) brings into the document: those it declares and those of a
 * catalogue it refers to, in the order they first appear in its text, without those already listed.
 */
export function authoritiesOf(owner: ast.Contrat | ast.Avenant, listed: Set<ast.Autorite>): AuthorityJson[] {
    const found: ast.Autorite[] = [];
    const add = (node: AstNode | undefined) => {
        if (ast.isAutorite(node) && !listed.has(node)) {
            listed.add(node);
            found.push(node);
        }
    };
    // The grammar has single references only; a multi-reference would bring nothing here.
    visitWithReferences(owner, add, info => add(isReference(info.reference) ? info.reference.ref : undefined));
    return found.map(authorityJson);
}

/**
 * Visits the nodes under `owner` (itself first), each followed by its cross-references, in `AstUtils.streamAst` order:
 * from the document's shared walk (language's ast-nodes.ts, already made by linking) rather than Langium's stream
 * iterators, which took half of an export. A consolidated contract is a copy outside its document's tree: streamed.
 */
function visitWithReferences(owner: AstNode, visitNode: (node: AstNode) => void, visitReference: (info: ReferenceInfo) => void): void {
    const tree = walkedTree(AstUtils.findRootNode(owner));
    const start = tree.nodes.indexOf(owner);
    if (start < 0) {
        for (const node of AstUtils.streamAst(owner)) {
            visitNode(node);
            for (const info of AstUtils.streamReferences(node)) visitReference(info);
        }
        return;
    }
    for (let i = start; i < tree.subtreeEnd[start]; i++) {
        visitNode(tree.nodes[i]);
        for (let r = tree.firstReference[i]; r < tree.firstReference[i + 1]; r++) visitReference(tree.references[r]);
    }
}

function authorityJson(a: ast.Autorite): AuthorityJson {
    return defined<AuthorityJson>({
        id: idOf(a),
        kind: a.kind !== undefined ? plain(a.kind) as AuthorityJson['kind'] : undefined!,
        department: normalisedDepartment(a.department),
        otherDepartments: otherDepartmentsJson(a),
        name: a.title,
        region: firstProp(a, ast.isRegion)?.value,
        address: firstProp(a, ast.isAdresse)?.value,
        catalogue: catalogueOf(a)?.name,
    });
}

/** The départements an authority covers beyond `department` (normalised, in the order written); none: left out. */
function otherDepartmentsJson(a: ast.Autorite): string[] | undefined {
    const codes = authorityDepartments(a).slice(1).map(normalisedDepartment).filter((c): c is string => c !== undefined);
    return codes.length > 0 ? codes : undefined;
}

export function signatoryJson(s: SignatoryView): SignatoryJson {
    return defined<SignatoryJson>({ party: (s.party ? idOf(s.party) : s.node.party?.$refText) ?? '', role: s.role, person: s.person });
}
