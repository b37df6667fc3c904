import { SyncBadge } from '../sync/SyncBadge'
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { isolate, ltr } from '@shared/text/bidi'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArtisanFile } from '@shared/artisans/records'
import type { PathAction } from '@shared/artisans/path-action'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { nameIn, useReference } from '../app/reference'
import { hrefOf } from '../app/sections'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { displayNames, phoneText } from './display'
import { ArtisanSessionsCard } from '../sessions/ArtisanSessionsCard'
import { ApprovalBanner } from '../approvals/ApprovalBanner'
import { DataExportButtons } from './DataExportButtons'
import { useDesk } from '../app/desk-context'
import { DocumentsCard } from './DocumentsCard'
import { PathActionModal } from './PathActionModal'
import { PathBadges } from './PathBadges'
import { availableSteps, heldSteps, milestoneDates, MILESTONES } from './path-steps'
import { entryState } from '../app/desk-history'
import { formatDay, formatInstantDay } from '@shared/text/dates'

/** The artisan's file: identity, craft, path with dates and next steps, history. */
export function ArtisanFilePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const { can, allows } = useDesk()
  const ref = useReference()
  const [file, setFile] = useState<ArtisanFile | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const [step, setStep] = useState<PathAction['step'] | null>(null)
  // The notice belongs to this file and the step that made it.
  const [saved, setSaved] = useState<string | null>(null)
  const [waiting, setWaiting] = useState(false)
  // Back to the search or the list this file was opened from, as it was left.
  const [from] = useState(() => {
    const f = entryState().from ?? ''
    return /^#\/(counter|artisans)\b/.test(f) ? f : null
  })

  const load = useCallback(() => {
    api.call('artisans.get', { id }).then(setFile, (e: unknown) => setError(errorDataOf(e)))
  }, [id])
  useEffect(load, [load])
  useEffect(() => {
    api.call('approvals.forArtisan', { artisanId: id }).then(
      (a) => setWaiting(a !== null),
      () => setWaiting(false),
    )
  }, [id, file?.version])

  if (error) return <ErrorAlert error={error} />
  if (!file) return null
  const names = displayNames(file, i18n.language)
  const dates = milestoneDates(file)
  const active = MILESTONES.findIndex((m) => !dates[m])
  const steps = availableSteps(file)
  const held = waiting ? heldSteps(steps) : []
  const list = (items: string[]) => items.filter(Boolean).join(i18n.language === 'ar' ? '، ' : ', ')
  const row = (label: string, value: React.ReactNode) => (
    <Table.Tr>
      <Table.Th w={200}>{label}</Table.Th>
      <Table.Td>{value || t('common.none')}</Table.Td>
    </Table.Tr>
  )

  return (
    <Stack gap="md" maw={1100}>
      <Anchor
        href={from ?? hrefOf.section('counter')}
        size="sm"
        data-testid="artisan-back"
        onClick={(e) => {
          if (!from) return
          e.preventDefault()
          window.history.back()
        }}
      >
        {t(from?.startsWith('#/artisans') ? 'artisan.backToList' : 'artisan.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} data-testid="artisan-name">
            {names.primary}
          </Title>
          <Text c="dimmed">{names.secondary}</Text>
          <Group gap="lg">
            <Text size="sm">
              {t('artisan.cin')}: <Ltr>{file.cin ?? t('common.none')}</Ltr>
            </Text>
            <Text size="sm" data-testid="artisan-nia">
              {t('artisan.nia')}: {file.nia ? <Ltr>{file.nia}</Ltr> : t('artisan.noNia')}
            </Text>
          </Group>
        </Stack>
        <Stack gap="xs" align="flex-end">
          <PathBadges artisan={file} />
          <SyncBadge artisanId={file.id} version={file.version} />
          {allows('artisans.update') && (
            <Button
              component="a"
              size="xs"
              variant="default"
              href={hrefOf.register({ edit: file.id })}
              data-testid="edit-file"
            >
              {t(file.rnaStatus === 'identified' ? 'artisan.complete' : 'artisan.edit')}
            </Button>
          )}
        </Stack>
      </Group>
      <ApprovalBanner artisanId={file.id} version={file.version} />

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('artisan.path')}
          </Title>
          <Stepper
            active={active === -1 ? MILESTONES.length : active}
            size="sm"
            allowNextStepsSelect={false}
          >
            {MILESTONES.map((m) => (
              <Stepper.Step
                key={m}
                label={t(
                  `enums.step.${m === 'rna' ? 'rna_registered' : m === 'cnss' ? 'cnss_pre_registered' : m === 'amo' ? 'amo_covered' : m === 'bank' ? 'bank_opened' : 'identified'}`,
                )}
                description={dates[m] ? <Ltr>{formatDay(dates[m])}</Ltr> : undefined}
              />
            ))}
          </Stepper>
          {saved === file.id && (
            <Alert color="teal" role="status" data-testid="step-saved">
              {t('path.saved')}
            </Alert>
          )}
          <Text size="sm" fw={700}>
            {steps.length ? t('artisan.nextAction') : t('artisan.nextDone')}
          </Text>
          <Group gap="xs" data-testid="next-steps">
            {(allows('artisans.recordStep') ? steps : []).map((s) => (
              <Button
                key={s}
                size="xs"
                variant="light"
                onClick={() => setStep(s)}
                disabled={held.includes(s)}
                aria-describedby={held.includes(s) ? 'held-steps-reason' : undefined}
              >
                {t(`enums.step.${s}`)}
              </Button>
            ))}
          </Group>
          {held.length > 0 && allows('artisans.recordStep') && (
            <Text size="sm" c="dimmed" id="held-steps-reason" data-testid="held-steps-reason">
              {t('artisan.heldSteps')}
            </Text>
          )}
        </Stack>
      </Paper>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t('artisan.identity')}
          </Title>
          <Table variant="vertical" layout="fixed">
            <Table.Tbody>
              {row(t('register.sex'), file.sex ? t(`enums.sex.${file.sex}`) : '')}
              {row(
                t('artisan.born'),
                file.birthDate ? (
                  <>
                    <Ltr>{formatDay(file.birthDate)}</Ltr> {file.birthPlace}
                  </>
                ) : (
                  ''
                ),
              )}
              {row(
                t('artisan.phones'),
                <Ltr>
                  {[phoneText(file.phone), phoneText(file.phone2)].filter(Boolean).join(' · ')}
                </Ltr>,
              )}
              {row(
                t('artisan.territory'),
                list(
                  [
                    ref?.commune.get(file.communeCode ?? ''),
                    ref?.province.get(file.provinceCode ?? ''),
                    ref?.region.get(file.regionCode ?? ''),
                  ].map((r) => nameIn(i18n.language, r)),
                ),
              )}
              {row(t('artisan.address'), file.address)}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t('artisan.craft')}
          </Title>
          <Table variant="vertical" layout="fixed">
            <Table.Tbody>
              {row(t('artisan.actorType'), t(`enums.actorType.${file.actorType}`))}
              {file.organisationName &&
                row(
                  t('artisan.organisation'),
                  `${file.organisationName} (${file.organisationLegalId})`,
                )}
              {row(
                t('artisan.mainActivity'),
                nameIn(i18n.language, ref?.activity.get(file.mainActivity ?? '')),
              )}
              {row(
                t('artisan.secondaryActivities'),
                list(
                  file.secondaryActivities.map((c) => nameIn(i18n.language, ref?.activity.get(c))),
                ),
              )}
              {row(
                t('artisan.practice'),
                file.practice ? t(`enums.practice.${file.practice}`) : '',
              )}
              {row(
                t('artisan.qualification'),
                file.qualification
                  ? `${t(`enums.qualification.${file.qualification}`)} · ${t('artisan.years', { count: file.practiceYears ?? 0 })}`
                  : '',
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('artisan.history')}
        </Title>
        <Table data-testid="artisan-history">
          <Table.Tbody>
            {file.events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td w={120}>
                  <Ltr>{formatDay(e.happenedOn)}</Ltr>
                </Table.Td>
                <Table.Td>
                  {t(`enums.step.${e.step}`)}
                  {e.detail.nia && (
                    <>
                      {' · '}
                      <Ltr>{e.detail.nia}</Ltr>
                    </>
                  )}
                  {e.detail.cnssNumber && (
                    <>
                      {' · '}
                      <Ltr>{e.detail.cnssNumber}</Ltr>
                    </>
                  )}
                  {e.detail.bank && ` · ${t(`enums.bank.${e.detail.bank}`)}`}
                  {e.detail.reason && ` · ${e.detail.reason}`}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t('artisan.recordedBy', {
                      name: isolate(e.actorName),
                      date: ltr(formatInstantDay(e.recordedAt)),
                    })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DocumentsCard key={file.id} file={file} />
        <ArtisanSessionsCard artisanId={file.id} />
      </SimpleGrid>
      {can(['supervisor', 'administrator']) && (
        <Paper withBorder p="md">
          <Group justify="space-between" align="center">
            <Stack gap={2} maw={640}>
              <Title order={3} size="h5">
                {t('dataExport.button')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('dataExport.hint')}
              </Text>
            </Stack>
            <DataExportButtons artisanId={file.id} />
          </Group>
        </Paper>
      )}

      {step && (
        <PathActionModal
          step={step}
          artisanId={file.id}
          version={file.version}
          onClose={() => setStep(null)}
          onDone={() => {
            setStep(null)
            setSaved(file.id)
            load()
          }}
        />
      )}
    </Stack>
  )
}
