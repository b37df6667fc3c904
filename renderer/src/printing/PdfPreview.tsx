import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Progress,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { saveFile } from '../files/file-content'
import { drawPage, openPdf } from './pdf-pages'
import { clearPrintArea, MAX_PRINTED_PAGES, printPdf } from './print'
import { titleFromFileName } from './preview-title'

/**
 * A document as it will come out of the printer, before it is printed: its pages drawn
 * (the first ones of a long batch), Print (dialog, or straight to the desk's printer when
 * the settings say so), Save as PDF, Close. Warnings from the desk (a logo it could not
 * read) show above the pages. The preview is titled with what the document is and for
 * whom (`title`, else the kind read from the file name); the file name is only the saved
 * PDF's name.
 */
export interface PreviewDocument {
  fileName: string
  bytes: Uint8Array<ArrayBuffer>
  warnings?: string[]
  /** "Attestation d'inscription — Fatima Ouali"; see preview-title.ts. */
  title?: string
}

const SHOWN_PAGES = 12
const SCALE = 1.15

function Page({ pdf, n }: { pdf: PDFDocumentProxy; n: number }) {
  const ref = useRef<HTMLCanvasElement>(null)
  const [drawn, setDrawn] = useState(false)
  useEffect(() => {
    if (ref.current)
      void drawPage(pdf, n, ref.current, SCALE * window.devicePixelRatio).then(() => setDrawn(true))
  }, [pdf, n])
  return (
    // A canvas inherits the page's direction, and pdf.js draws text as laid out in the
    // PDF: in an Arabic screen it must still be left-to-right, or every glyph shifts.
    <canvas
      ref={ref}
      dir="ltr"
      data-testid="preview-page"
      data-drawn={drawn}
      style={{
        inlineSize: `${Math.round(595 * SCALE)}px`,
        maxInlineSize: '100%',
        boxShadow: '0 1px 6px rgb(0 0 0 / 25%)',
        background: 'white',
      }}
    />
  )
}

export function PdfPreview({
  document: doc,
  onClose,
}: {
  document: PreviewDocument
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const [printing, setPrinting] = useState<{ done: number; total: number } | null>(null)
  const [printed, setPrinted] = useState(false)

  useEffect(() => {
    let open: PDFDocumentProxy | null = null
    openPdf(doc.bytes).then(
      (p) => {
        open = p
        setPdf(p)
      },
      (e: unknown) => setError(errorDataOf(e)),
    )
    return () => {
      void open?.destroy()
      clearPrintArea()
    }
  }, [doc.bytes])

  const print = async () => {
    setError(null)
    setPrinted(false)
    setPrinting({ done: 0, total: pdf?.numPages ?? 0 })
    try {
      const preference = await api.call('settings.printing', {})
      await printPdf(doc.bytes, preference, (done, total) => setPrinting({ done, total }))
      setPrinted(true)
    } catch (e) {
      setError(errorDataOf(e))
    } finally {
      setPrinting(null)
    }
  }

  const pages = pdf?.numPages ?? 0
  return (
    <Modal
      opened
      onClose={onClose}
      size="auto"
      title={doc.title ?? titleFromFileName(t, doc.fileName)}
      centered
      data-testid="pdf-preview"
    >
      <Stack gap="sm" miw={Math.min(720, window.innerWidth - 80)}>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {pdf ? t('printing.pages', { count: pages }) : ''}
          </Text>
          <Group gap="xs">
            <Button
              onClick={() => void print()}
              loading={printing !== null}
              disabled={!pdf || pages > MAX_PRINTED_PAGES}
            >
              {t('printing.print')}
            </Button>
            <Button
              variant="default"
              onClick={() => saveFile(doc.fileName, doc.bytes, 'application/pdf')}
            >
              {t('printing.save')}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t('printing.close')}
            </Button>
          </Group>
        </Group>
        {doc.warnings?.map((w) => (
          <Alert key={w} color="orange" role="status">
            {t(w)}
          </Alert>
        ))}
        {pages > MAX_PRINTED_PAGES && (
          <Alert color="blue">{t('printing.tooManyToPrint', { max: MAX_PRINTED_PAGES })}</Alert>
        )}
        {printing && (
          <Progress
            value={printing.total ? (100 * printing.done) / printing.total : 0}
            aria-label={t('printing.preparing')}
          />
        )}
        {printed && (
          <Alert color="teal" role="status">
            {t('printing.sent')}
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
        <ScrollArea.Autosize mah="70vh" type="auto">
          <Stack align="center" gap="md" p="sm" bg="gray.1">
            {!pdf && !error && <Loader />}
            {pdf &&
              Array.from({ length: Math.min(pages, SHOWN_PAGES) }, (_, i) => (
                <Page key={i} pdf={pdf} n={i + 1} />
              ))}
            {pages > SHOWN_PAGES && (
              <Text size="sm" c="dimmed">
                {t('printing.morePages', { count: pages - SHOWN_PAGES })}
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Modal>
  )
}
