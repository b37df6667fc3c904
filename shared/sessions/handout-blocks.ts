/**
 * A handout body as blocks (issue 6): lines starting with "# " are headings, with "- "
 * bullets; other lines are paragraph text (consecutive lines make one paragraph, each line
 * kept as written); blank lines separate paragraphs. Used to print the handout and to
 * preview it while editing.
 */
export type HandoutBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'paragraph'; text: string }

export function handoutBlocks(body: string): HandoutBlock[] {
  const blocks: HandoutBlock[] = []
  let paragraph: string[] = []
  const close = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') })
    paragraph = []
  }
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim()
    const heading = /^#\s+(.+)$/.exec(line)
    const bullet = /^-\s+(.+)$/.exec(line)
    if (heading || bullet || !line || line === '#' || line === '-') close()
    if (heading) blocks.push({ kind: 'heading', text: (heading[1] as string).trim() })
    else if (bullet) blocks.push({ kind: 'bullet', text: (bullet[1] as string).trim() })
    else if (line && line !== '#' && line !== '-') paragraph.push(line)
  }
  close()
  return blocks
}

/** The body as stored: line ends unified, each line trimmed, no blank lines at the ends. */
export function normaliseHandoutBody(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
