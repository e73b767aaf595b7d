import { Container, Stack, Text, Title } from '@mantine/core';
import { RequireSignedIn } from '../../app/session.tsx';
import { AccountSection } from './account-section.tsx';
import { ApiTokensSection } from './api-tokens-section.tsx';
import { PasswordSection } from './password-section.tsx';
import { SessionsSection } from './sessions-section.tsx';

function SettingsPage() {
  return (
    <RequireSignedIn>
      {(me) => (
        <Container size="md" w="100%" py="xl">
          <Stack gap="lg">
            <div>
              <Title order={1} fz="h2">
                Settings
              </Title>
              <Text size="sm" c="dimmed">
                Your account, password, devices and API tokens.
              </Text>
            </div>
            <AccountSection me={me} />
            <PasswordSection />
            <SessionsSection />
            <ApiTokensSection />
          </Stack>
        </Container>
      )}
    </RequireSignedIn>
  );
}

export default SettingsPage;
