import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaravanSummary } from '@shared/sessions/caravan'
import { SESSION_KINDS, SESSION_LANGUAGES, type Session } from '@shared/sessions/session'
import { api } from '../api/transport'
import { useDesk } from '../app/desk-context'
import { chamberRegionFirst, nameIn, useReference } from '../app/reference'
import { ChoiceMultiSelect } from '../components/ChoiceMultiSelect'
import { ChoiceSelect } from '../components/ChoiceSelect'
import { DateField } from '../components/DateField'
import { ErrorAlert } from '../components/ErrorAlert'
import { TimeField } from '../components/TimeField'
import { PartnersFields } from './PartnersFields'
import { useSessionForm } from './useSessionForm'

/**
 * Planning a session, or correcting one: kind, title, day and hours, place, partners,
 * languages, targets, capacity, organiser, caravan. The desk refuses a day already past
 * and an end before the start, and says so under the field.
 */
export function SessionFormModal({
  existing,
  caravanId = null,
  onClose,
  onSaved,
}: {
  existing: Session | null
  caravanId?: string | null
  onClose: () => void
  onSaved: (s: Session) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const reference = useReference()
  const region = useDesk().profile.chamber.regionCode
  const form = useSessionForm(existing, caravanId)
  const { values, set, blur } = form
  const [caravans, setCaravans] = useState<CaravanSummary[]>([])
  const [saving, setSaving] = useState(false)
  useEffect(() => {
    api.call('caravans.list', {}).then(setCaravans, () => undefined)
  }, [])

  const message = (field: Parameters<typeof form.errorFor>[0]) => {
    const e = form.errorFor(field)
    return e ? t(e.key, e.params) : undefined
  }
  // The day and the start make one date-time: its error shows once, under the day.
  const text = (field: 'title' | 'venue' | 'organiser' | 'capacity') => ({
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(field, e.currentTarget.value),
    onBlur: () => blur(field),
    error: message(field),
  })
  const provinces = useMemo(
    () =>
      chamberRegionFirst(reference?.provinces ?? [], (p) => p.regionCode, region).map((p) => ({
        value: p.code,
        label: nameIn(lang, p),
      })),
    [reference, lang, region],
  )
  const communes = useMemo(
    () =>
      chamberRegionFirst(
        (reference?.communes ?? []).filter(
          (c) => !values.provinceCode || c.provinceCode === values.provinceCode,
        ),
        (c) => reference?.province.get(c.provinceCode)?.regionCode,
        region,
      ).map((c) => ({ value: c.code, label: nameIn(lang, c) })),
    [reference, values.provinceCode, lang, region],
  )
  const activities = useMemo(
    () => (reference?.activities ?? []).map((a) => ({ value: a.code, label: nameIn(lang, a) })),
    [reference, lang],
  )

  const save = async () => {
    setSaving(true)
    let saved: Session | null = null
    const ok = await form.submit(async (request) => {
      saved = existing
        ? await api.call(
            'sessions.update',
            request as Parameters<typeof api.call<'sessions.update'>>[1],
          )
        : await api.call('sessions.plan', request)
    })
    setSaving(false)
    if (ok && saved) onSaved(saved)
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t(existing ? 'sessions.form.editTitle' : 'sessions.form.planTitle')}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ChoiceSelect
            label={t('sessions.form.kind')}
            required
            data={SESSION_KINDS.map((k) => ({ value: k, label: t(`sessions.kind.${k}`) }))}
            value={values.kind}
            onChange={(v) => v && set('kind', v as Session['kind'])}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('sessions.form.title')}
            required
            data-autofocus
            classNames={{ input: 'auto-input' }}
            {...text('title')}
          />
          <DateField
            label={t('sessions.form.day')}
            required
            value={values.day}
            onChange={(v) => set('day', v)}
            onBlur={() => blur('day')}
            error={message('day')}
          />
          <Group grow align="flex-start">
            <TimeField
              label={t('sessions.form.start')}
              required
              value={values.startTime}
              onChange={(v) => set('startTime', v)}
              onBlur={() => blur('startTime')}
            />
            <TimeField
              label={t('sessions.form.end')}
              required
              value={values.endTime}
              onChange={(v) => set('endTime', v)}
              onBlur={() => blur('endTime')}
              error={message('endTime')}
            />
          </Group>
          <ChoiceSelect
            label={t('sessions.form.province')}
            searchable
            clearable
            data={provinces}
            value={values.provinceCode || null}
            onChange={(v) => {
              set('provinceCode', v ?? '')
              set('communeCode', '')
            }}
            error={message('provinceCode')}
            comboboxProps={{ withinPortal: true }}
          />
          <ChoiceSelect
            label={t('sessions.form.commune')}
            searchable
            clearable
            data={communes}
            value={values.communeCode || null}
            onChange={(v) => set('communeCode', v ?? '')}
            error={message('communeCode')}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('sessions.form.venue')}
            classNames={{ input: 'auto-input' }}
            {...text('venue')}
          />
          <TextInput
            label={t('sessions.form.organiser')}
            classNames={{ input: 'auto-input' }}
            {...text('organiser')}
          />
          <TextInput
            label={t('sessions.form.capacity')}
            inputMode="numeric"
            dir="ltr"
            {...text('capacity')}
          />
          <ChoiceSelect
            label={t('sessions.form.caravan')}
            clearable
            data={caravans.map((c) => ({ value: c.id, label: c.title }))}
            value={values.caravanId || null}
            onChange={(v) => set('caravanId', v ?? '')}
            error={message('caravanId')}
            placeholder={t('sessions.form.noCaravan')}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('sessions.form.languages')}
          value={values.languages}
          onChange={(v) => set('languages', v as Session['languages'])}
        >
          <Group mt={4}>
            {SESSION_LANGUAGES.map((l) => (
              <Checkbox key={l} value={l} label={t(`sessions.language.${l}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ChoiceMultiSelect
            label={t('sessions.form.targetActivities')}
            searchable
            data={activities}
            value={values.targetActivities}
            onChange={(v) => set('targetActivities', v)}
            comboboxProps={{ withinPortal: true }}
          />
          <ChoiceMultiSelect
            label={t('sessions.form.targetCommunes')}
            searchable
            data={communes}
            value={values.targetCommunes}
            onChange={(v) => set('targetCommunes', v)}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <PartnersFields
          partners={values.partners}
          onChange={(p) => set('partners', p)}
          errorAt={(path) => form.errorAt(path, 'partners')}
        />
        {form.failure && <ErrorAlert error={form.failure} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            {t(existing ? 'sessions.form.save' : 'sessions.form.plan')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
