import { AppShell, Badge, Group, Kbd, NavLink, Stack, Text, Title } from '@mantine/core'
import { isolate } from '@shared/text/bidi'
import { useTranslation } from 'react-i18next'
import { api } from '../api/transport'
import { LanguageSwitcher } from '../components/LanguageSwitcher'
import { UserMenu } from '../auth/UserMenu'
import { ArtisanFilePage } from '../artisans/ArtisanFilePage'
import { ArtisansPage } from '../artisans/ArtisansPage'
import { CounterPage } from '../artisans/CounterPage'
import { RegisterPage } from '../artisans/RegisterPage'
import { DocumentsPage } from '../documents/DocumentsPage'
import { NotAllowedPage } from '../pages/NotAllowedPage'
import { AdminPage } from '../admin/AdminPage'
import { SettingsPage } from '../pages/SettingsPage'
import { SyncPage } from '../sync/SyncPage'
import { DashboardPage } from '../reports/DashboardPage'
import { CaravanPage } from '../sessions/CaravanPage'
import { SessionPage } from '../sessions/SessionPage'
import { SessionsPage } from '../sessions/SessionsPage'
import { useDesk } from './desk-context'
import { homeOf } from './home'
import { SECTION_ROLES, SECTIONS, type Route } from './sections'
import { useRoute } from './useRoute'

function Page({ route }: { route: Route }) {
  const { can } = useDesk()
  if (!can(SECTION_ROLES[route.section])) return <NotAllowedPage section={route.section} />
  if (route.view === 'artisan') return <ArtisanFilePage id={route.id} />
  if (route.view === 'register') return <RegisterPage params={route.params} />
  if (route.view === 'session') return <SessionPage id={route.id} />
  if (route.view === 'caravan') return <CaravanPage id={route.id} />
  if (route.section === 'counter') return <CounterPage params={route.params} />
  if (route.section === 'artisans') return <ArtisansPage params={route.params} />
  if (route.section === 'documents') return <DocumentsPage />
  if (route.section === 'settings') return <SettingsPage />
  if (route.section === 'sync') return <SyncPage />
  if (route.section === 'sessions') return <SessionsPage />
  if (route.section === 'admin') return <AdminPage />
  return <DashboardPage params={route.params} />
}

export function Shell() {
  const { t } = useTranslation()
  const { profile, language, changeLanguage, can, user } = useDesk()
  const [route, go] = useRoute(homeOf(user.roles))
  const section = route.section
  const chamberName = language === 'ar' ? profile.chamber.nameAr : profile.chamber.nameFr

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: 0 }}
      padding="lg"
      transitionDuration={0}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            {profile.chamber.logo && (
              <img
                className="header-logo"
                src={profile.chamber.logo}
                alt={t('chamber.logoAlt', { name: chamberName })}
              />
            )}
            <Stack gap={0} miw={0}>
              <Title order={1} size="h4" data-testid="header-chamber" lineClamp={1}>
                {chamberName}
              </Title>
              <Text size="xs" c="dimmed" data-testid="header-desk" lineClamp={1}>
                {t('app.name')} · {t('app.desk', { name: isolate(profile.deskName) })}
              </Text>
            </Stack>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Badge variant="light" color="gray">
              {t(`app.transport.${api.transport}`)}
            </Badge>
            <LanguageSwitcher value={language} onChange={(l) => void changeLanguage(l)} />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {SECTIONS.map(
          (s, i) =>
            can(SECTION_ROLES[s]) && (
              <NavLink
                key={s}
                href={`#/${s}`}
                label={t(`nav.${s}`)}
                active={s === section}
                aria-current={s === section ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault()
                  go(s)
                }}
                rightSection={
                  <Kbd size="xs" className="nav-shortcut" dir="ltr">
                    {t('nav.shortcut', { key: i + 1 })}
                  </Kbd>
                }
              />
            ),
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {/* A page is drawn afresh for each history entry; the dashboard keeps its
            filters in the address and stays mounted while they change. */}
        <Page key={route.section === 'reports' ? 'reports' : route.key} route={route} />
      </AppShell.Main>
    </AppShell>
  )
}
