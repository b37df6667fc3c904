import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/transport'
import { useDesk } from '../app/desk-context'
import { useReference } from '../app/reference'
import { hrefOf } from '../app/sections'
import { navigate } from '../app/useRoute'
import { ErrorAlert } from '../components/ErrorAlert'
import { DuplicatePanel } from './DuplicatePanel'
import { RegisterFields } from './RegisterFields'
import {
  EMPTY_REGISTRATION,
  useRegisterForm,
  valuesFromFile,
  valuesFromParams,
  type RegisterValues,
} from './useRegisterForm'

/** The file being corrected: its id, the version opened, and whether it is only identified. */
interface Editing {
  id: string
  version: number
  identified: boolean
}

/**
 * Registering an artisan at the counter: the form in sections, live duplicate warnings,
 * save as a draft at any moment, register when complete. With `?edit=<id>` the same form
 * corrects an existing file (or completes one that was only identified).
 */
export function RegisterPage({ params }: { params: URLSearchParams }) {
  const draftId = params.get('draft')
  const editId = params.get('edit')
  const { profile } = useDesk()
  // A new file starts in the chamber's own region (the clerk can change it).
  const [initial, setInitial] = useState<RegisterValues | null>(
    draftId || editId
      ? null
      : { ...valuesFromParams(params), regionCode: profile.chamber.regionCode },
  )
  const [editing, setEditing] = useState<Editing | null>(null)
  const [failure, setFailure] = useState<AppErrorData | null>(null)
  useEffect(() => {
    if (editId) {
      api.call('artisans.get', { id: editId }).then(
        (file) => {
          setEditing({
            id: file.id,
            version: file.version,
            identified: file.rnaStatus === 'identified',
          })
          setInitial(valuesFromFile(file))
        },
        (e: unknown) => setFailure(errorDataOf(e)),
      )
    } else if (draftId) {
      api.call('drafts.get', { id: draftId }).then(
        (d) => setInitial({ ...EMPTY_REGISTRATION, ...(d.data as Partial<RegisterValues>) }),
        () => setInitial(EMPTY_REGISTRATION),
      )
    }
  }, [draftId, editId])
  if (failure) return <ErrorAlert error={failure} />
  return initial ? <RegisterForm initial={initial} draftId={draftId} editing={editing} /> : null
}

function RegisterForm({
  initial,
  draftId,
  editing,
}: {
  initial: RegisterValues
  draftId: string | null
  editing: Editing | null
}) {
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
      id = editing
        ? (
            await api.call('artisans.update', {
              ...registration,
              id: editing.id,
              expectedVersion: editing.version,
              notSameAs: dismissed,
            })
          ).id
        : (
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
        <Title order={2}>
          {t(
            editing
              ? editing.identified
                ? 'register.completeTitle'
                : 'register.editTitle'
              : 'register.title',
          )}
        </Title>
        {editing?.identified && <Text c="dimmed">{t('register.completeHint')}</Text>}
        <DuplicatePanel
          values={form.values}
          {...(editing ? { excludeId: editing.id } : {})}
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
          {editing ? (
            <Button component="a" variant="default" href={hrefOf.artisan(editing.id)}>
              {t('register.cancel')}
            </Button>
          ) : (
            <Button variant="default" onClick={() => void saveDraft()}>
              {t('register.saveDraft')}
            </Button>
          )}
          <Button type="submit" loading={saving}>
            {t(editing ? 'register.saveChanges' : 'register.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
