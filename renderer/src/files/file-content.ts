/**
 * Files chosen or saved by the clerk, the same under Electron and in the browser host:
 * a chosen file goes to the API as text when it is UTF-8 text (CSV), otherwise as base64
 * bytes (XLSX, or CSV saved in another encoding); a file made by the desk is offered as a
 * download, which Electron turns into its Save dialog.
 */
export type FileContent = { text: string } | { base64: string }

export async function readChosenFile(file: File): Promise<FileContent> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const binary =
    (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)
  if (!binary) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
    } catch {
      // not UTF-8: the desk decodes it
    }
  }
  return { base64: toBase64(bytes) }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Offers bytes as a file to save. */
export function saveFile(name: string, bytes: Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
