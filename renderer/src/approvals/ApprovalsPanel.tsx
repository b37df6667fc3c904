import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApprovalView } from '@shared/approvals/approval'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { isolate, ltr } from '@shared/text/bidi'
import { api } from '../api/transport'
import { hrefOf } from '../app/sections'
import { displayNames } from '../artisans/display'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { ChangesTable } from './ChangesTable'
import { ReturnModal } from './ReturnModal'
import { when } from './when'
import { formatDay } from '@shared/text/dates'

/**
 * The supervisor's queue: clerks' registrations and identity changes waiting before they
 * go to the national registry — pending first, then those returned to a clerk. Each shows
 * who asked and when, the artisan, the fields changed (before → after), and Approve or
 * Return with a comment. Someone who cannot decide sees only their own requests.
 */
export function ApprovalsPanel() {
  const { t, i18n } = useTranslation()
  const [items, setItems] = useState<ApprovalView[]>([])
  const [canDecide, setCanDecide] = useState(false)
  const [returning, setReturning] = useState<ApprovalView | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const fail = (e: unknown) => setError(errorDataOf(e))

  const load = useCallback(() => {
    api.call('approvals.list', { status: 'open' }).then((list) => {
      setItems(list.items)
      setCanDecide(list.canDecide)
    }, fail)
  }, [])
  useEffect(load, [load])

  const approve = (a: ApprovalView) => {
    setError(null)
    setDone(null)
    api.call('approvals.approve', { id: a.id, expectedVersion: a.version }).then(
      () => {
        setDone(t('approvals.approvedDone'))
        load()
      },
      (e: unknown) => {
        fail(e)
        load() // a stale request: show what it holds now
      },
    )
  }

  return (
    <Paper withBorder p="md" data-testid="approvals-panel">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('approvals.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('approvals.hint')}
        </Text>
        {done && (
          <Alert color="teal" role="status">
            {done}
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
        {items.length === 0 && <Text size="sm">{t('approvals.empty')}</Text>}
        {items.map((a) => {
          const names = displayNames({ ...a.artisan, organisationName: '' }, i18n.language)
          return (
            <Paper key={a.id} withBorder p="sm" data-testid="approval" data-status={a.status}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Group gap="xs">
                    <Badge variant="light">{t(`approvals.kind.${a.kind}`)}</Badge>
                    <Badge color={a.status === 'returned' ? 'orange' : 'yellow'} variant="light">
                      {t(`approvals.status.${a.status}`)}
                    </Badge>
                    {a.resubmitted && (
                      <Badge color="blue" variant="light">
                        {t('approvals.resubmitted')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('approvals.requestedBy', {
                      name: isolate(a.requestedBy.name),
                      when: ltr(when(a.requestedAt)),
                    })}
                  </Text>
                </Group>
                <Group gap="sm" wrap="wrap">
                  <Anchor href={hrefOf.artisan(a.artisanId)} fw={600}>
                    {names.primary || a.artisanId}
                  </Anchor>
                  {names.secondary && <Text size="sm">{names.secondary}</Text>}
                  {a.artisan.cin && (
                    <Text size="sm">
                      {t('artisan.cin')} <Ltr>{a.artisan.cin}</Ltr>
                    </Text>
                  )}
                  {a.artisan.birthDate && (
                    <Text size="sm">
                      <Ltr>{formatDay(a.artisan.birthDate)}</Ltr>
                    </Text>
                  )}
                </Group>
                {a.comment && a.decidedBy && (
                  <Text size="sm" c={a.status === 'returned' ? 'orange' : 'dimmed'}>
                    {t('approvals.returnedBy', {
                      name: isolate(a.decidedBy.name),
                      comment: isolate(a.comment),
                    })}
                  </Text>
                )}
                <ChangesTable changes={a.changes} />
                <Text size="xs" c="dimmed">
                  {t('approvals.held', { count: a.held })}
                </Text>
                {canDecide && (
                  <Group justify="flex-end">
                    {a.status === 'pending' && (
                      <Button
                        variant="light"
                        color="orange"
                        onClick={() => setReturning(a)}
                        data-testid="approval-return"
                      >
                        {t('approvals.return')}
                      </Button>
                    )}
                    <Button onClick={() => approve(a)} data-testid="approval-approve">
                      {t('approvals.approve')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          )
        })}
      </Stack>
      {returning && (
        <ReturnModal
          approval={returning}
          onClose={() => setReturning(null)}
          onReturned={(view) => {
            setReturning(null)
            setDone(t('approvals.returnedDone', { name: isolate(view.requestedBy.name) }))
            load()
          }}
        />
      )}
    </Paper>
  )
}
