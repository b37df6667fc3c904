import { Alert, Box, Button, Stack, Text } from '@mantine/core'
import { isolateParams } from '@shared/text/bidi'
import { useTranslation } from 'react-i18next'
import type { AppErrorData, ErrorParams } from '@shared/errors'
import { Ltr } from './Ltr'

/**
 * An error value shown in the current language, with a retry when one makes sense. When
 * the error's key has a sibling `<key>_advice`, it says what to do under the sentence;
 * when the error carries another system's own words (`registryCode`, `registryMessage`:
 * the national registry's code and French sentence), they wait in a "Details" disclosure,
 * each isolated left to right, never inside the translated sentence.
 */
export function ErrorAlert({ error, onRetry }: { error: AppErrorData; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" title={t('errors.title')} role="alert" maw={640} w="100%">
      <Stack gap="xs">
        <Text size="sm">{t(error.key, isolateParams(error.params))}</Text>
        <Advice adviceKey={`${error.key}_advice`} />
        <ErrorDetails params={error.params} />
        {onRetry && (
          <Button variant="light" color="red" size="xs" onClick={onRetry} w="fit-content">
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  )
}

/** "What to do", when the key exists in the current language. */
export function Advice({ adviceKey }: { adviceKey: string }) {
  const { t, i18n } = useTranslation()
  if (!i18n.exists(adviceKey)) return null
  return (
    <Text size="sm" data-testid="error-advice">
      <Text span fw={600}>
        {t('errors.whatToDo')}
      </Text>
      {' · '}
      {t(adviceKey)}
    </Text>
  )
}

/** The other system's own code and sentence, on demand. */
export function ErrorDetails({ params }: { params: ErrorParams | undefined }) {
  const { t } = useTranslation()
  const code = params?.registryCode
  const message = params?.registryMessage
  if (code === undefined && !message) return null
  return (
    <Box component="details" data-testid="error-details">
      <Text component="summary" size="xs" c="dimmed" style={{ cursor: 'pointer' }}>
        {t('errors.details')}
      </Text>
      <Stack gap={2} mt={4}>
        {code !== undefined && (
          <Text size="xs">
            {t('errors.detailCode')}: <Ltr>{String(code)}</Ltr>
          </Text>
        )}
        {message && (
          <Text size="xs">
            {t('errors.detailMessage')}: <Ltr>{String(message)}</Ltr>
          </Text>
        )}
      </Stack>
    </Box>
  )
}
