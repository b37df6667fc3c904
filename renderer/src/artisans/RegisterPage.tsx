import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/transport'
import { useDesk } from '../app/desk-context'
import { useReference } from '../app/reference'
import { hrefOf } from '../app/sections'
import { navigate } from '../app/useRoute'
import { ErrorAlert } from '../components/ErrorAlert'
import { visitId } from '../app/desk-history'
import { keptDraft, registerDraftSaver, setKeptDraft } from './draft-keeper'
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
      if (keptDraft()?.id === draftId) setKeptDraft(null)
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
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(
    () => formRef.current?.querySelector<HTMLInputElement>('input[name="cin"]')?.focus(),
    [],
  )

  // A new registration left half-filled (Alt+1, a link, Back, logging out) keeps itself as
  // a draft; the counter then says so. Corrections of a file are not drafts.
  const latest = useRef({ values: form.values, draft, saved: JSON.stringify(initial), done: false })
  latest.current.values = form.values
  latest.current.draft = draft ?? latest.current.draft
  useEffect(() => {
    if (editing) return
    const now = latest.current // one object for the form's life, updated at each render
    const keep = async (): Promise<{ id: string; label: string } | null> => {
      const json = JSON.stringify(now.values)
      if (now.done || json === now.saved) return null
      now.saved = json
      const label = labelOf(now.values)
      const saved = await api.call('drafts.save', {
        ...(now.draft ? { id: now.draft } : {}),
        label,
        data: { ...now.values },
      })
      now.draft = saved.id
      return { id: saved.id, label }
    }
    const off = registerDraftSaver(async () => {
      await keep()
    })
    return () => {
      off()
      const visit = visitId()
      const label = labelOf(now.values)
      if (now.done || JSON.stringify(now.values) === now.saved) return
      setKeptDraft({ visit, label, id: null })
      keep().then(
        (kept) => kept && keptDraft()?.id === null && setKeptDraft({ visit, ...kept }),
        () => setKeptDraft(null),
      )
    }
  }, [editing])

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
    if (id) {
      latest.current.done = true
      navigate(hrefOf.artisan(id))
    }
  }

  const saveDraft = async () => {
    const v = form.values
    const saved = await api.call('drafts.save', {
      ...(draft ? { id: draft } : {}),
      label: labelOf(v),
      data: { ...v },
    })
    latest.current.saved = JSON.stringify(v)
    setDraft(saved.id)
    setDraftSaved(true)
  }

  return (
    <form
      ref={formRef}
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

/** How a draft is named in the list: the name as typed, else the CIN. */
function labelOf(v: RegisterValues): string {
  return (
    [v.firstNameAr, v.lastNameAr].join(' ').trim() ||
    [v.firstNameLat, v.lastNameLat].join(' ').trim() ||
    v.cin
  )
}
