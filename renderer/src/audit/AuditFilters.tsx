import { Button, Group, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditFilter } from '@shared/api/methods/audit'
import { isIsoDay } from '@shared/text/dates'
import { api } from '../api/transport'
import { ChoiceSelect } from '../components/ChoiceSelect'
import { DateField } from '../components/DateField'
import { ACTION_GROUPS, groupLabel } from './action-label'

/**
 * The audit screen's filters: user (from the people in the log), days from/to, artisan (a
 * CIN, resolved through the counter's search, or a file id), action group, free text. Typed
 * fields apply on Enter or when leaving the field; the others at once.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

async function resolveArtisan(text: string): Promise<string | null> {
  const q = text.trim()
  if (!q) return null
  if (UUID.test(q)) return q
  const found = await api.call('artisans.search', { query: q, limit: 2 })
  return found.kind === 'cin' && found.items.length === 1 ? (found.items[0]?.id ?? null) : null
}

export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilter
  onChange: (f: AuditFilter) => void
}) {
  const { t } = useTranslation()
  const [actors, setActors] = useState<{ value: string; label: string }[]>([])
  const [artisan, setArtisan] = useState('')
  const [artisanUnknown, setArtisanUnknown] = useState(false)
  const [text, setText] = useState('')
  useEffect(() => {
    api.call('audit.actors', {}).then(
      (list) => setActors(list.map((a) => ({ value: a.id, label: a.name || a.id }))),
      () => setActors([]),
    )
  }, [])

  const set = (patch: Partial<AuditFilter>) => {
    const next: AuditFilter = { ...value, ...patch }
    for (const k of Object.keys(next) as (keyof AuditFilter)[]) if (!next[k]) delete next[k]
    onChange(next)
  }
  const applyArtisan = () => {
    setArtisanUnknown(false)
    if (!artisan.trim()) return set({ artisanId: undefined })
    void resolveArtisan(artisan).then(
      (id) => (id ? set({ artisanId: id }) : setArtisanUnknown(true)),
      () => setArtisanUnknown(true),
    )
  }
  const applyText = () => set({ text: text.trim() || undefined })
  const onEnter = (apply: () => void) => (e: React.KeyboardEvent) => e.key === 'Enter' && apply()

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" data-testid="audit-filters">
      <ChoiceSelect
        label={t('audit.filters.actor')}
        placeholder={t('audit.filters.anyActor')}
        data={actors}
        value={value.actorId ?? null}
        onChange={(v) => set({ actorId: v ?? undefined })}
        clearable
        searchable
        w={200}
      />
      <DateField
        label={t('audit.filters.from')}
        value={value.from ?? ''}
        max={value.to}
        onChange={(v) => (!v || isIsoDay(v)) && set({ from: v || undefined })}
        w={170}
      />
      <DateField
        label={t('audit.filters.to')}
        value={value.to ?? ''}
        min={value.from}
        onChange={(v) => (!v || isIsoDay(v)) && set({ to: v || undefined })}
        w={170}
      />
      <TextInput
        dir="ltr"
        label={t('audit.filters.artisan')}
        value={artisan}
        onChange={(e) => setArtisan(e.currentTarget.value)}
        onBlur={applyArtisan}
        onKeyDown={onEnter(applyArtisan)}
        error={artisanUnknown ? t('audit.artisanUnknown') : undefined}
        w={220}
      />
      <ChoiceSelect
        label={t('audit.filters.action')}
        placeholder={t('audit.filters.anyAction')}
        data={ACTION_GROUPS.map((g) => ({ value: g, label: groupLabel(t, g) }))}
        value={value.action ?? null}
        onChange={(v) => set({ action: v ?? undefined })}
        clearable
        w={220}
      />
      <TextInput
        label={t('audit.filters.text')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={applyText}
        onKeyDown={onEnter(applyText)}
        w={160}
      />
      <Button
        variant="subtle"
        onClick={() => {
          setArtisan('')
          setText('')
          setArtisanUnknown(false)
          onChange({})
        }}
      >
        {t('audit.filters.clear')}
      </Button>
    </Group>
  )
}
