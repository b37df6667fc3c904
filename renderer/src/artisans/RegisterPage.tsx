import { Alert, Button, Group, Stack, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/transport'
import { useReference } from '../app/reference'
import { hrefOf } from '../app/sections'
import { navigate } from '../app/useRoute'
import { ErrorAlert } from '../components/ErrorAlert'
import { DuplicatePanel } from './DuplicatePanel'
import { RegisterFields } from './RegisterFields'
import {
  EMPTY_REGISTRATION,
  useRegisterForm,
  valuesFromParams,
  type RegisterValues,
} from './useRegisterForm'

/**
 * Registering an artisan at the counter: the form in sections, live duplicate warnings,
 * save as a draft at any moment, register when complete.
 */
export function RegisterPage({ params }: { params: URLSearchParams }) {
  const draftId = params.get('draft')
  const [initial, setInitial] = useState<RegisterValues | null>(
    draftId ? null : valuesFromParams(params),
  )
  useEffect(() => {
    if (!draftId) return
    api.call('drafts.get', { id: draftId }).then(
      (d) => setInitial({ ...EMPTY_REGISTRATION, ...(d.data as Partial<RegisterValues>) }),
      () => setInitial(EMPTY_REGISTRATION),
    )
  }, [draftId])
  return initial ? <RegisterForm initial={initial} draftId={draftId} /> : null
}

function RegisterForm({ initial, draftId }: { initial: RegisterValues; draftId: string | null }) {
  const { t } = useTranslation()
  const reference = useReference()
  const form = useRegisterForm(initial)
  const [dismissed, setDismissed] = useState<string[]>([])
  const [draft, setDraft] = useState<string | null>(draftId)
  const [draftSaved, setDraftSaved] = useState(false)
  const [saving, setSaving] = useState(false)

  const register = async () => {
    setSaving(true)
    let id: string | null = null
    await form.submit(async (registration) => {
      id = (
        await api.call('artisans.register', {
          ...registration,
          notSameAs: dismissed,
          ...(draft ? { draftId: draft } : {}),
        })
      ).id
    })
    setSaving(false)
    if (id) navigate(hrefOf.artisan(id))
  }

  const saveDraft = async () => {
    const v = form.values
    const label =
      [v.firstNameAr, v.lastNameAr].join(' ').trim() ||
      [v.firstNameLat, v.lastNameLat].join(' ').trim() ||
      v.cin
    const saved = await api.call('drafts.save', {
      ...(draft ? { id: draft } : {}),
      label,
      data: { ...v },
    })
    setDraft(saved.id)
    setDraftSaved(true)
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void register()
      }}
    >
      <Stack gap="md" maw={1100}>
        <Title order={2}>{t('register.title')}</Title>
        <DuplicatePanel
          values={form.values}
          dismissed={dismissed}
          onDismiss={(id) => setDismissed((d) => [...d, id])}
        />
        <RegisterFields form={form} reference={reference} />
        {form.hasVisibleErrors && (
          <Alert color="red" role="alert">
            {t('register.fixErrors')}
          </Alert>
        )}
        {form.failure && <ErrorAlert error={form.failure} />}
        {draftSaved && (
          <Alert color="teal" role="status">
            {t('register.draftSaved')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void saveDraft()}>
            {t('register.saveDraft')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('register.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
