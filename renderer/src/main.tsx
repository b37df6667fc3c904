import { createRoot } from 'react-dom/client'
import '@mantine/core/styles.css'
import '@mantine/charts/styles.css'
import '@mantine/dates/styles.css'
import './styles/fonts.css'
import './styles/app.css'
import { App } from './app/App'
import { api } from './api/transport'
import { initI18n } from './i18n/setup'
import { DEFAULT_LANGUAGE } from '@shared/settings/language'

/** Boot: ask the desk for its language first, so the first paint is already in it. */
async function boot(): Promise<void> {
  const status = await api.call('setup.status', {}).catch(() => null)
  await initI18n(status?.language ?? DEFAULT_LANGUAGE)
  const root = document.getElementById('root')
  if (root) createRoot(root).render(<App initialStatus={status} />)
}

void boot()
