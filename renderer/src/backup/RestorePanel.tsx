import { Alert, Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RestorePreview } from '@shared/api/methods/backup'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { RestoreWarning } from './RestoreWarning'

/**
 * Restore in three steps: choose a backup file (from the list, or a path typed in),
 * check it and see what it would replace, confirm — then restart Sijill to finish (the
 * database is swapped before it is opened; the replaced one is kept beside it).
 */
export function RestorePanel({
  path: chosen,
  pending,
  onChanged,
}: {
  path: string
  pending: boolean
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const [path, setPath] = useState(chosen)
  const [preview, setPreview] = useState<RestorePreview | null>(null)
  const [understood, setUnderstood] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppErrorData | null>(null)

  useEffect(() => {
    setPath(chosen)
    setPreview(null)
  }, [chosen])

  const run = <T,>(call: () => Promise<T>, then: (v: T) => void) => {
    setBusy(true)
    setError(null)
    call()
      .then(then, (e: unknown) => setError(errorDataOf(e)))
      .finally(() => setBusy(false))
  }
  const check = () =>
    run(
      () => api.call('backup.restorePrepare', { path }),
      (p) => {
        setPreview(p)
        setUnderstood(false)
      },
    )
  const apply = () =>
    run(
      () => api.call('backup.restoreApply', { path }),
      () => {
        setPreview(null)
        onChanged()
      },
    )
  const discard = () => run(() => api.call('backup.restoreDiscard', {}), onChanged)

  return (
    <Stack gap="sm" data-testid="restore">
      <Title order={4} size="h5">
        {t('backup.restoreTitle')}
      </Title>
      {pending ? (
        <Alert color="teal" role="status" title={t('backup.staged')}>
          <Stack gap="xs">
            <Text size="sm">{t('backup.restartToFinish')}</Text>
            <Button variant="default" size="xs" w="fit-content" onClick={discard} loading={busy}>
              {t('backup.discard')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('backup.restoreHint')}
          </Text>
          <Group align="flex-end">
            <TextInput
              label={t('backup.restorePath')}
              dir="ltr"
              value={path}
              onChange={(e) => {
                setPath(e.currentTarget.value)
                setPreview(null)
              }}
              miw={360}
            />
            <Button variant="default" onClick={check} disabled={!path.trim()} loading={busy}>
              {t('backup.restoreCheck')}
            </Button>
          </Group>
          {preview && (
            <>
              <RestoreWarning preview={preview} />
              <Checkbox
                label={t('backup.confirmLabel')}
                checked={understood}
                onChange={(e) => setUnderstood(e.currentTarget.checked)}
              />
              <Button
                color="red"
                w="fit-content"
                disabled={!understood}
                onClick={apply}
                loading={busy}
              >
                {t('backup.confirm')}
              </Button>
            </>
          )}
        </>
      )}
      {error && <ErrorAlert error={error} />}
    </Stack>
  )
}
