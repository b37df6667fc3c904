import { PasswordInput, type PasswordInputProps } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * A password typed left to right, with its show-password eye, on any page. Latin
 * passwords are read left to right even in Arabic, so the field is LTR; the eye and the
 * room kept for it must then follow the field, not the page: in an Arabic page the eye
 * would otherwise sit on the left over the first characters while the room is kept on the
 * right. The whole input box (text and eye) is one left-to-right block; the label and
 * messages above and below it stay in the page's direction.
 */
const ltrBox = (children: ReactNode) => <div dir="ltr">{children}</div>

export function LtrPasswordInput(props: Omit<PasswordInputProps, 'dir' | 'inputContainer'>) {
  return (
    <PasswordInput
      {...props}
      dir="ltr"
      inputContainer={ltrBox}
      styles={{ innerInput: { textAlign: 'start' } }}
    />
  )
}
