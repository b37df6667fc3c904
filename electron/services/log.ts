/**
 * Diagnostics go to stderr, so that stdout stays for what a command prints on purpose
 * (the browser host's one line, the CLI's results). Personal data is never logged.
 */
export interface Logger {
  info(message: string, detail?: unknown): void
  error(message: string, detail?: unknown): void
}

export function stderrLogger(prefix = 'sijill'): Logger {
  const write = (level: string, message: string, detail?: unknown) => {
    const extra =
      detail === undefined
        ? ''
        : ` ${detail instanceof Error ? (detail.stack ?? detail.message) : JSON.stringify(detail)}`
    process.stderr.write(`${new Date().toISOString()} ${prefix} ${level} ${message}${extra}\n`)
  }
  return {
    info: (m, d) => {
      if (process.env.SIJILL_LOG === 'debug') write('info', m, d)
    },
    error: (m, d) => write('error', m, d),
  }
}
