import { Anchor, AppShell, Burger, Button, Drawer, Group, NavLink, Progress, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, NavLink as RouterNavLink, useLocation, useNavigation } from 'react-router';
import { type Me, useMe } from '../app/session.tsx';
import { AccountMenu } from './account-menu.tsx';
import { navFor } from './nav-items.ts';
import { NotificationsBell } from './notifications-bell.tsx';

function Logo() {
  return (
    <Anchor component={Link} to="/" underline="never" c="blue.9" fw={750} fz={20} aria-label="Workroom home">
      Workroom
    </Anchor>
  );
}

function DesktopNav({ me }: { me: Me }) {
  return (
    <Group component="nav" aria-label="Main" gap={4} visibleFrom="sm">
      {navFor(me).map((item) => (
        <Button
          key={item.to}
          component={RouterNavLink}
          to={item.to}
          variant="subtle"
          color="gray"
          c="gray.9"
          size="sm"
          styles={{ root: { fontWeight: 500 } }}
          className="main-nav-link"
        >
          {item.label}
        </Button>
      ))}
    </Group>
  );
}

/** The one layout: a top bar (logo, role-aware navigation, bell, account menu) and the page. */
export function AppLayout() {
  const me = useMe();
  const navigation = useNavigation();
  const location = useLocation();
  const [drawerOpened, drawer] = useDisclosure(false);
  const user = me.data ?? null;
  const onAuthPage = ['/login', '/signup'].includes(location.pathname);

  return (
    <AppShell header={{ height: 60 }} padding={0}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      {navigation.state !== 'idle' && (
        <Progress
          value={100}
          animated
          size={3}
          radius={0}
          aria-label="Loading page"
          style={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 1000 }}
        />
      )}
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            {user && (
              <Burger
                opened={drawerOpened}
                onClick={drawer.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label="Open navigation"
              />
            )}
            <Logo />
            {user && <DesktopNav me={user} />}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {user ? (
              <>
                <NotificationsBell />
                <AccountMenu me={user} />
              </>
            ) : me.isPending || onAuthPage ? null : (
              <>
                <Button component={Link} to="/login" variant="subtle" color="gray" c="gray.9">
                  Log in
                </Button>
                <Button component={Link} to="/signup">
                  Sign up
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      {user && (
        <Drawer opened={drawerOpened} onClose={drawer.close} title="Workroom" size="xs" hiddenFrom="sm">
          <Stack gap={4} component="nav" aria-label="Main">
            {navFor(user).map((item) => (
              <NavLink key={item.to} component={RouterNavLink} to={item.to} label={item.label} onClick={drawer.close} />
            ))}
            <NavLink component={RouterNavLink} to="/profile/edit" label="Edit profile" onClick={drawer.close} />
            <NavLink component={RouterNavLink} to="/settings" label="Settings" onClick={drawer.close} />
          </Stack>
        </Drawer>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Stack gap={0} mih="calc(100dvh - 60px)">
          <Outlet />
          <Footer />
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}

function Footer() {
  return (
    <Text component="footer" size="xs" c="dimmed" ta="center" py="lg" mt="auto">
      Workroom is open source (AGPL-3.0) ·{' '}
      <Anchor href="/docs" size="xs" underline="always">
        API documentation
      </Anchor>
    </Text>
  );
}
