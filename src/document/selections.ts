// Reading a selection set one level deep, through inline and named fragments, and a document's
// fragments by name.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** The names of the fields a selection set asks for at its own level, fragments included. */
export function fieldNamesOf(
  selectionSet: SelectionSetNode | undefined,
  fragment: (name: string) => FragmentDefinitionNode | undefined,
): Set<string> {
  const names = new Set<string>();
  // Each fragment is read once, however often it is spread: a chain of fragments each spreading
  // the next twice would otherwise be walked 2^n times.
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(fragment(selection.name.value)?.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return names;
}

/** A document's fragment definitions by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
}
