import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import { countBatch, createBatchJobs } from '../documents/batch'
import type { Logger } from '../log'
import { importPublicKey, listKeys, rotateKey } from '../documents/signing'
import { verifyCertificate } from '../documents/verify'
import { cancelDocument, issueDocument, listDocuments, reprintDocument } from '../documents/issue'

export function documentHandlers(
  db: Db,
  log: Logger,
): Pick<
  Handlers,
  | 'documents.list'
  | 'documents.issue'
  | 'documents.reprint'
  | 'documents.cancel'
  | 'documents.verify'
  | 'signing.keys'
  | 'signing.rotate'
  | 'signing.importKey'
  | 'documents.batchCount'
  | 'documents.batchStart'
  | 'documents.batchStatus'
  | 'documents.batchFile'
  | 'documents.batchCancel'
> {
  const batches = createBatchJobs(db, log)
  return {
    'documents.list': (input) => listDocuments(db, input.artisanId),
    'documents.issue': (input, ctx) => issueDocument(db, ctx.actor, input.artisanId, input.type),
    'documents.reprint': (input, ctx) => reprintDocument(db, ctx.actor, input.id),
    'documents.cancel': (input, ctx) => cancelDocument(db, ctx.actor, input.id, input.reason),
    'documents.verify': (input) => verifyCertificate(db, input.text),
    'signing.keys': () => listKeys(db),
    'signing.rotate': (_input, ctx) => rotateKey(db, ctx.actor),
    'signing.importKey': (input, ctx) => importPublicKey(db, ctx.actor, input.publicKey),
    'documents.batchCount': (input) => countBatch(db, input),
    'documents.batchStart': (input, ctx) => batches.start(ctx.actor, input),
    'documents.batchStatus': (input) => batches.status(input.jobId),
    'documents.batchFile': (input) => batches.file(input.jobId),
    'documents.batchCancel': (input) => batches.cancel(input.jobId),
  }
}
