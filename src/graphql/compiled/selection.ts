// Reading an operation's selections for the compiler: the fields a selection set selects on a
// concrete type, as graphql-js collects them, and the state one compilation shares.
import {
  isAbstractType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { unsupported, type Template } from './statement.ts';

export interface Scope {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Table aliases handed out so far in this operation. */
  aliases: number;
  /** Whether the answer carries cursors (the executor then spells them out). */
  cursors: boolean;
  /** The JSON object of a row of `type` under `alias` (objects.ts; passed in to keep modules acyclic). */
  object: (
    scope: Scope,
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
    alias: string,
  ) => Template;
}

export function nextAlias(scope: Scope): string {
  scope.aliases += 1;
  return `t${scope.aliases}`;
}

/** `json_build_object` takes at most 100 arguments. */
export const MAX_KEYS = 50;

/** The fields a selection set selects on a concrete type, by response name, as graphql-js collects them. */
export function collectFields(
  scope: Scope,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  into = new Map<string, FieldNode[]>(),
  visited = new Set<string>(),
): Map<string, FieldNode[]> {
  const applies = (condition: string | undefined) => {
    if (!condition || condition === type.name) return true;
    const conditionType = scope.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && scope.schema.isSubType(conditionType, type);
  };
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet.selections) {
      if (selection.directives?.length) unsupported('a directive');
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = into.get(key);
        if (list) list.push(selection);
        else into.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value))
          collectFields(scope, type, [selection.selectionSet], into, visited);
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = scope.fragments.get(name) ?? unsupported('an unknown fragment');
        if (applies(fragment.typeCondition.name.value))
          collectFields(scope, type, [fragment.selectionSet], into, visited);
      }
    }
  }
  return into;
}

export function subSelections(fieldNodes: readonly FieldNode[]): SelectionSetNode[] {
  return fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}
