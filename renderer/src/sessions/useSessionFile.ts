import { useState } from 'react'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { fromBase64 } from '../files/file-content'
import type { PreviewDocument } from '../printing/PdfPreview'

/**
 * A PDF the desk makes for a session, opened in the print preview (titled with what it is
 * and the session's title); its error if it fails.
 */
export function useSessionFile() {
  const [preview, setPreview] = useState<PreviewDocument | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const open = async (
    make: () => Promise<{ fileName: string; base64: string }>,
    title?: string,
  ) => {
    setError(null)
    try {
      const file = await make()
      setPreview({
        fileName: file.fileName,
        bytes: fromBase64(file.base64),
        ...(title ? { title } : {}),
      })
    } catch (e) {
      setError(errorDataOf(e))
    }
  }
  return { preview, error, open, close: () => setPreview(null), setError }
}
