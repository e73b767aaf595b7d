import { Alert, Container, Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useOwnClientProfile, useOwnFreelancerProfile } from '../../api/profile-queries.ts';
import { hasRole, type Me, RequireSignedIn } from '../../app/session.tsx';
import { ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { ClientProfileForm } from './client-profile-form.tsx';
import { FreelancerProfileForm } from './freelancer-profile-form.tsx';
import { PortfolioSection } from './portfolio-section.tsx';

function FreelancerEditor() {
  const profile = useOwnFreelancerProfile();
  if (profile.isPending) return <LoadingBlocks rows={8} label="Loading your profile" />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  return (
    <Stack gap="lg">
      {/* Remounted after the first save so the form starts from what the server stored. */}
      <FreelancerProfileForm key={profile.data.saved ? 'saved' : 'new'} profile={profile.data} />
      <PortfolioSection profile={profile.data} />
    </Stack>
  );
}

function ClientEditor() {
  const profile = useOwnClientProfile();
  if (profile.isPending) return <LoadingBlocks rows={5} label="Loading your client profile" />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  return <ClientProfileForm key={profile.data.saved ? 'saved' : 'new'} profile={profile.data} />;
}

function Editors({ me }: { me: Me }) {
  const [params, setParams] = useSearchParams();
  const freelancer = hasRole(me, 'freelancer');
  const client = hasRole(me, 'client');
  if (freelancer && client) {
    return (
      <Tabs
        value={params.get('as') === 'client' ? 'client' : 'freelancer'}
        onChange={(value) => setParams(value === 'client' ? { as: 'client' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="freelancer">Freelancer profile</Tabs.Tab>
          <Tabs.Tab value="client">Client profile</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="freelancer">
          <FreelancerEditor />
        </Tabs.Panel>
        <Tabs.Panel value="client">
          <ClientEditor />
        </Tabs.Panel>
      </Tabs>
    );
  }
  if (freelancer) return <FreelancerEditor />;
  if (client) return <ClientEditor />;
  return <Text>Operator accounts have no public profile.</Text>;
}

function EditProfilePage() {
  const [params] = useSearchParams();
  return (
    <RequireSignedIn>
      {(me) => (
        <Container size="md" w="100%" py="xl">
          <Stack gap="lg">
            <div>
              <Title order={1} fz="h2">
                Edit profile
              </Title>
              <Text c="dimmed" size="sm">
                Changes appear on your public profile as soon as you save.
              </Text>
            </div>
            {params.get('welcome') && (
              <Alert color="blue" variant="light" title={`Welcome to Workroom, ${me.displayName}`}>
                Clients look at your title, skills and rate first. Fill those in and save to appear in searches.
              </Alert>
            )}
            <Editors me={me} />
          </Stack>
        </Container>
      )}
    </RequireSignedIn>
  );
}

export default EditProfilePage;
