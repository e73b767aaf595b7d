import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage, unwrap } from '../api/client.ts';
import { hasRole, type Me, meKey } from '../app/session.tsx';
import { ChevronDownIcon, EditIcon, LogoutIcon, SettingsIcon, UserIcon } from '../components/icons.tsx';
import { initials } from '../lib/format.ts';

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
      void navigate('/', { replace: true });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not log out', message: errorMessage(error) }),
  });
}

/** The avatar menu: profile, settings, log out. */
export function AccountMenu({ me }: { me: Me }) {
  const logout = useLogout();
  const publicProfile = hasRole(me, 'freelancer')
    ? `/freelancers/${me.id}`
    : hasRole(me, 'client')
      ? `/clients/${me.id}`
      : null;

  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <UnstyledButton p={4} style={{ borderRadius: 8 }}>
          <Group gap={8} wrap="nowrap">
            <VisuallyHidden>Account menu for {me.displayName}</VisuallyHidden>
            <Avatar color="blue" radius="xl" size={32} aria-hidden="true">
              {initials(me.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate aria-hidden="true">
              {me.displayName}
            </Text>
            <ChevronDownIcon size={16} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        {!hasRole(me, 'operator') || me.roles.length > 1 ? (
          <Menu.Item component={Link} to="/profile/edit" leftSection={<EditIcon size={16} />}>
            Edit profile
          </Menu.Item>
        ) : null}
        {publicProfile && (
          <Menu.Item component={Link} to={publicProfile} leftSection={<UserIcon size={16} />}>
            View public profile
          </Menu.Item>
        )}
        <Menu.Item component={Link} to="/settings" leftSection={<SettingsIcon size={16} />}>
          Settings
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<LogoutIcon size={16} />} onClick={() => logout.mutate()} disabled={logout.isPending}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
