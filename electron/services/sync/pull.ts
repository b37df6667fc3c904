import type { PullResponse } from '@shared/registry/contract'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { appendAudit } from '../audit/audit-log'
import { writeWordCounts } from '../artisans/name-index'
import { applyRegistryArtisan, type PageBatch } from './apply-artisan'
import { REGISTRY_ACTOR } from './registry-columns'
import { readState, writeState } from './state'

/**
 * Pulling the registry's changes (docs/sync.md, rules 4, 6, 9): page by page after the
 * saved cursor; each page applied and the new cursor saved in one transaction, so a crash
 * between pages resumes exactly where it stopped and a page applied twice (a duplicate
 * delivery, a lost answer) changes nothing the second time (revisions are compared).
 */
export interface PullSummary {
  pages: number
  created: number
  updated: number
  deleted: number
  notices: number
}

export async function pullChanges(
  db: Db,
  fetchPage: (cursor: string, limit: number) => Promise<PullResponse>,
  limit: number,
  options: { shouldStop?: () => boolean; onPage?: (summary: PullSummary) => void } = {},
): Promise<PullSummary> {
  const summary: PullSummary = { pages: 0, created: 0, updated: 0, deleted: 0, notices: 0 }
  let cursor = readState(db, 'cursor') ?? ''
  for (;;) {
    if (options.shouldStop?.()) return summary
    const page = await fetchPage(cursor, limit)
    const at = nowIso()
    db.transaction(() => {
      const batch: PageBatch = { counts: new Map(), audit: [] }
      for (const change of page.changes) {
        if (change.entityType === 'artisan') {
          const done = applyRegistryArtisan(
            db,
            change.id,
            change.revision,
            change.record,
            at,
            batch,
          )
          if (done !== 'unchanged') summary[done]++
        } else {
          const { changes } = sql(
            db,
            `INSERT INTO certificate_notice (number, notice_json, revision, received_at)
             VALUES (?, ?, ?, ?)
             ON CONFLICT (number) DO UPDATE SET notice_json = excluded.notice_json,
               revision = excluded.revision, received_at = excluded.received_at
             WHERE certificate_notice.revision <> excluded.revision`,
          ).run(change.notice.number, JSON.stringify(change.notice), change.revision, at)
          summary.notices += changes
        }
      }
      writeWordCounts(db, batch.counts)
      // One audit entry for the page: what the registry changed, file by file.
      if (batch.audit.length)
        appendAudit(
          db,
          REGISTRY_ACTOR,
          {
            action: 'sync.pull',
            entityType: 'artisan',
            entityId: '*',
            before: null,
            after: { changes: batch.audit },
          },
          at,
        )
      writeState(db, 'cursor', page.cursor)
    })()
    cursor = page.cursor
    summary.pages++
    options.onPage?.(summary)
    if (!page.hasMore) return summary
  }
}
