import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import { listKeys, rotateKey } from '../documents/signing'
import { verifyCertificate } from '../documents/verify'
import { cancelDocument, issueDocument, listDocuments, reprintDocument } from '../documents/issue'

export function documentHandlers(
  db: Db,
): Pick<
  Handlers,
  | 'documents.list'
  | 'documents.issue'
  | 'documents.reprint'
  | 'documents.cancel'
  | 'documents.verify'
  | 'signing.keys'
  | 'signing.rotate'
> {
  return {
    'documents.list': (input) => listDocuments(db, input.artisanId),
    'documents.issue': (input, ctx) => issueDocument(db, ctx.actor, input.artisanId, input.type),
    'documents.reprint': (input, ctx) => reprintDocument(db, ctx.actor, input.id),
    'documents.cancel': (input, ctx) => cancelDocument(db, ctx.actor, input.id, input.reason),
    'documents.verify': (input) => verifyCertificate(db, input.text),
    'signing.keys': () => listKeys(db),
    'signing.rotate': (_input, ctx) => rotateKey(db, ctx.actor),
  }
}
