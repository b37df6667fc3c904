import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { ApprovalView } from '@shared/approvals/approval'
import { isolate } from '@shared/text/bidi'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'

/** Returning a request to the clerk: the comment says what to correct (3 characters at least). */
export function ReturnModal({
  approval,
  onClose,
  onReturned,
}: {
  approval: ApprovalView
  onClose: () => void
  onReturned: (view: ApprovalView) => void
}) {
  const { t } = useTranslation()
  const [comment, setComment] = useState('')
  const [tooShort, setTooShort] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppErrorData | null>(null)

  const submit = () => {
    if (comment.trim().length < 3) {
      setTooShort(true)
      return
    }
    setBusy(true)
    setError(null)
    api
      .call('approvals.return', {
        id: approval.id,
        comment,
        expectedVersion: approval.version,
      })
      .then(onReturned, (e: unknown) => setError(errorDataOf(e)))
      .finally(() => setBusy(false))
  }

  return (
    <Modal opened onClose={onClose} title={t('approvals.returnTitle')} centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('approvals.returnHint', { name: isolate(approval.requestedBy.name) })}
        </Text>
        <Textarea
          label={t('approvals.comment')}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value)
            setTooShort(false)
          }}
          error={tooShort ? t('validation.approval_comment') : undefined}
          autosize
          minRows={3}
          maxLength={500}
          required
          data-autofocus
          data-testid="approval-comment"
        />
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            onClick={submit}
            loading={busy}
            data-testid="approval-return-confirm"
          >
            {t('approvals.return')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
