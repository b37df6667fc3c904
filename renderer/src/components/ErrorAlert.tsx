import { Alert, Button, Stack, Text } from '@mantine/core'
import { isolateParams } from '@shared/text/bidi'
import { useTranslation } from 'react-i18next'
import type { AppErrorData } from '@shared/errors'

/** An error value shown in the current language, with a retry when one makes sense. */
export function ErrorAlert({ error, onRetry }: { error: AppErrorData; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" title={t('errors.title')} role="alert" maw={640} w="100%">
      <Stack gap="xs">
        <Text size="sm">{t(error.key, isolateParams(error.params))}</Text>
        {onRetry && (
          <Button variant="light" color="red" size="xs" onClick={onRetry} w="fit-content">
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  )
}
