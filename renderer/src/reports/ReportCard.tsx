import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { fromBase64, saveFile } from '../files/file-content'
import { PdfPreview, type PreviewDocument } from '../printing/PdfPreview'
import { namedTitle } from '../printing/preview-title'
import { monthName, recentMonths, recentQuarters } from './report-periods'
import { ChoiceSelect } from '../components/ChoiceSelect'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The monthly or quarterly report to the ministry: chosen period, language and place (the
 * whole chamber, or the province the dashboard is filtered on); the PDF opens in the print
 * preview, the workbook is saved.
 */
export function ReportCard({ today, provinceCode }: { today: string; provinceCode?: string }) {
  const { t, i18n } = useTranslation()
  const [kind, setKind] = useState<'month' | 'quarter'>('month')
  const periods = useMemo(
    () =>
      kind === 'month'
        ? recentMonths(today).map((m) => ({ value: m, label: monthName(m, i18n.language) }))
        : recentQuarters(today).map((q) => ({
            value: q,
            label: t('reports.document.quarter', { q: q.slice(6), year: q.slice(0, 4) }),
          })),
    [kind, today, i18n.language, t],
  )
  const [period, setPeriod] = useState<string | null>(null)
  const chosen = period && periods.some((p) => p.value === period) ? period : periods[0]!.value
  const [lang, setLang] = useState<'ar' | 'fr'>(i18n.language === 'ar' ? 'ar' : 'fr')
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const [preview, setPreview] = useState<PreviewDocument | null>(null)

  const make = async (format: 'pdf' | 'xlsx') => {
    setBusy(format)
    setError(null)
    try {
      const file = await api.call('reports.document', {
        period: chosen,
        lang,
        format,
        ...(provinceCode ? { provinceCode } : {}),
      })
      const bytes = fromBase64(file.base64)
      const label = periods.find((p) => p.value === chosen)?.label ?? chosen
      if (format === 'pdf')
        setPreview({
          fileName: file.fileName,
          bytes,
          title: namedTitle(t, t('printing.title.report'), label),
        })
      else saveFile(file.fileName, bytes, XLSX)
    } catch (e) {
      setError(errorDataOf(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('reports.document.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {provinceCode ? t('reports.document.forProvince') : t('reports.document.forChamber')}
        </Text>
        <Group gap="sm" align="end" wrap="wrap">
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(v) => setKind(v as 'month' | 'quarter')}
            data={[
              { value: 'month', label: t('reports.document.monthly') },
              { value: 'quarter', label: t('reports.document.quarterly') },
            ]}
          />
          <ChoiceSelect
            size="xs"
            label={t('reports.document.period')}
            data={periods}
            value={chosen}
            onChange={setPeriod}
            w={200}
          />
          <ChoiceSelect
            size="xs"
            label={t('reports.document.language')}
            data={[
              { value: 'ar', label: t('sessions.language.ar') },
              { value: 'fr', label: t('sessions.language.fr') },
            ]}
            value={lang}
            onChange={(v) => v && setLang(v as 'ar' | 'fr')}
            w={140}
          />
          <Button size="xs" onClick={() => void make('pdf')} loading={busy === 'pdf'}>
            {t('reports.document.pdf')}
          </Button>
          <Button
            size="xs"
            variant="light"
            onClick={() => void make('xlsx')}
            loading={busy === 'xlsx'}
          >
            {t('reports.document.xlsx')}
          </Button>
        </Group>
        {error && <ErrorAlert error={error} />}
        {preview && <PdfPreview document={preview} onClose={() => setPreview(null)} />}
      </Stack>
    </Paper>
  )
}
