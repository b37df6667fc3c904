import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { isolate } from '@shared/text/bidi'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { formatInstantDay } from '@shared/text/dates'

type Key = Awaited<ReturnType<typeof api.call<'signing.keys'>>>[number]

/**
 * The keys that sign and verify certificates: this desk's (renewed by an administrator;
 * retired keys still verify what they signed), and the public keys of other desks added
 * here so that their certificates verify offline too. Each public key is shown whole, to
 * be copied to the other desks or given to a third party.
 */
export function KeysPanel() {
  const { t } = useTranslation()
  const [keys, setKeys] = useState<Key[]>([])
  const [publicKey, setPublicKey] = useState('')
  const [added, setAdded] = useState<{ id: string; added: boolean } | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const fail = (e: unknown) => setError(errorDataOf(e))
  const load = () => void api.call('signing.keys', {}).then(setKeys, fail)
  useEffect(load, [])

  const importKey = () => {
    setError(null)
    setAdded(null)
    api.call('signing.importKey', { publicKey }).then((r) => {
      setAdded(r)
      setPublicKey('')
      load()
    }, fail)
  }
  const state = (k: Key) => (!k.canSign ? 'otherDesk' : k.retiredAt ? 'retired' : 'active')
  const colors = { active: 'teal', retired: 'gray', otherDesk: 'blue' } as const

  return (
    <Paper withBorder p="md" data-testid="keys">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('documents.keysTitle')}
          </Title>
          <Button
            size="xs"
            variant="default"
            onClick={() => void api.call('signing.rotate', {}).then(load, fail)}
          >
            {t('documents.rotate')}
          </Button>
        </Group>
        <Table>
          <Table.Tbody>
            {keys.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>
                  <Ltr>{k.id}</Ltr>
                </Table.Td>
                <Table.Td>
                  <Ltr>{formatInstantDay(k.createdAt)}</Ltr>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={colors[state(k)]}>
                    {t(`documents.${state(k)}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" dir="ltr" style={{ wordBreak: 'break-all' }}>
                    {k.publicKey}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end">
          <TextInput
            label={t('documents.importKeyLabel')}
            description={t('documents.importKeyHint')}
            value={publicKey}
            onChange={(e) => setPublicKey(e.currentTarget.value)}
            dir="ltr"
            styles={{ input: { fontFamily: 'monospace' } }}
            style={{ flex: 1 }}
          />
          <Button variant="light" disabled={!publicKey.trim()} onClick={importKey}>
            {t('documents.importKeyButton')}
          </Button>
        </Group>
        {added && (
          <Alert color="teal" role="status">
            {t(added.added ? 'documents.importKeyAdded' : 'documents.importKeyKnown', {
              id: isolate(added.id),
            })}
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
      </Stack>
    </Paper>
  )
}
