// The text a document is sent and stored as, on both sides of the manifest: the viewer looks its
// hash up by this text, and `npm run viewer:documents` writes hash → text.
import { print, type DocumentNode } from '@0no-co/graphql.web';

export function documentText(document: DocumentNode): string {
  return print(document);
}
