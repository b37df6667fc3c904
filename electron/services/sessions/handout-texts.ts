import type { Actor } from '@shared/api/roles'
import { appError } from '@shared/errors'
import type { HandoutLanguage, HandoutText, HandoutTopic } from '@shared/sessions/handout'
import { handoutBlocks, normaliseHandoutBody } from '@shared/sessions/handout-blocks'
import { HANDOUT_DEFAULTS } from '@shared/sessions/handout-defaults'
import { nowIso } from '../clock'
import { recordChange } from '../database/record-change'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { checkCoverage } from '../documents/layout/paragraph'

/**
 * The handout texts of this chamber (issue 6): the chamber's own wording of each topic in
 * each language, or the text shipped with Sijill until it writes one. Rewriting and going
 * back to the shipped text are audited. A text the fonts cannot print, or with nothing to
 * read once its markers are set aside, is refused when it is saved, not when it is printed.
 */
interface Key {
  topic: HandoutTopic
  lang: HandoutLanguage
}

export function getHandoutText(db: Db, { topic, lang }: Key): HandoutText {
  const row = sql(
    db,
    `SELECT title, body, updated_at AS updatedAt FROM handout_text WHERE topic = ? AND lang = ?`,
  ).get(topic, lang) as { title: string; body: string; updatedAt: string } | undefined
  if (row) return { topic, lang, ...row, isDefault: false }
  return { topic, lang, ...HANDOUT_DEFAULTS[topic][lang], isDefault: true, updatedAt: null }
}

const empty = (path: 'title' | 'body') =>
  appError('validation', 'errors.validation', undefined, [
    { path, key: 'validation.handout_empty' },
  ])

export function setHandoutText(
  db: Db,
  actor: Actor,
  input: Key & { title: string; body: string },
): HandoutText {
  const title = input.title.replace(/\s+/g, ' ').trim()
  const body = normaliseHandoutBody(input.body)
  if (!title) throw empty('title')
  if (!handoutBlocks(body).length) throw empty('body')
  checkCoverage(title, 'bold')
  checkCoverage(body, 'bold')
  checkCoverage(body, 'regular')
  const at = nowIso()
  db.transaction(() => {
    const before = getHandoutText(db, input)
    sql(
      db,
      `INSERT INTO handout_text (topic, lang, title, body, updated_at, updated_by)
       VALUES (@topic, @lang, @title, @body, @at, @by)
       ON CONFLICT (topic, lang) DO UPDATE SET
         title = excluded.title, body = excluded.body,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run({ topic: input.topic, lang: input.lang, title, body, at, by: actor.id })
    recordChange(db, actor, at, {
      action: 'handout.setText',
      entityType: 'handout_text',
      entityId: `${input.topic}.${input.lang}`,
      before: { title: before.title, body: before.body, isDefault: before.isDefault },
      after: { title, body },
    })
  })()
  return getHandoutText(db, input)
}

/** Back to the text shipped with Sijill; nothing is written when it is already that. */
export function resetHandoutText(db: Db, actor: Actor, key: Key): HandoutText {
  db.transaction(() => {
    const before = getHandoutText(db, key)
    if (before.isDefault) return
    const at = nowIso()
    sql(db, `DELETE FROM handout_text WHERE topic = ? AND lang = ?`).run(key.topic, key.lang)
    recordChange(db, actor, at, {
      action: 'handout.resetText',
      entityType: 'handout_text',
      entityId: `${key.topic}.${key.lang}`,
      before: { title: before.title, body: before.body },
      after: null,
    })
  })()
  return getHandoutText(db, key)
}
