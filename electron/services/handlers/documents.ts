import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import { cancelDocument, issueReceipt, listDocuments, reprintDocument } from '../documents/issue'

export function documentHandlers(
  db: Db,
): Pick<Handlers, 'documents.list' | 'documents.issue' | 'documents.reprint' | 'documents.cancel'> {
  return {
    'documents.list': (input) => listDocuments(db, input.artisanId),
    'documents.issue': (input, ctx) => issueReceipt(db, ctx.actor, input.artisanId),
    'documents.reprint': (input, ctx) => reprintDocument(db, ctx.actor, input.id),
    'documents.cancel': (input, ctx) => cancelDocument(db, ctx.actor, input.id, input.reason),
  }
}
