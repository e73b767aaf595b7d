import { Container, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { type Me, RequireSignedIn } from '../../app/session.tsx';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { type Contract, useContract, useOverview } from './contract-queries.ts';
import { MessagesTab } from './messages-tab.tsx';
import { OverviewTab } from './overview-tab.tsx';
import { FilesTab, RecordTab } from './record-tab.tsx';
import { ReportsTab } from './reports-tab.tsx';
import { TasksTab } from './tasks-tab.tsx';
import { TermsTab } from './terms-tab.tsx';
import { type WorkroomDialog, WorkroomDialogs } from './workroom-dialogs.tsx';
import { WorkroomHeader } from './workroom-header.tsx';

const TABS = [
  { value: 'overview', label: 'Overview' },
  { value: 'messages', label: 'Messages' },
  { value: 'files', label: 'Files' },
  { value: 'reports', label: 'Status reports' },
  { value: 'tasks', label: 'Tasks' },
  { value: 'terms', label: 'Terms history' },
  { value: 'record', label: 'Record' },
] as const;

function Workroom({ contract, me }: { contract: Contract; me: Me }) {
  const overview = useOverview(contract.id);
  const [params, setParams] = useSearchParams();
  const tab = TABS.some((candidate) => candidate.value === params.get('tab'))
    ? (params.get('tab') as string)
    : 'overview';
  const [dialog, setDialog] = useState<WorkroomDialog | null>(null);
  const parties = { clientId: contract.client.userId, freelancerId: contract.freelancer.userId };
  const now = overview.data ? new Date(overview.data.asOf) : new Date();
  return (
    <Stack gap="lg">
      <WorkroomHeader contract={contract} overview={overview.data} meId={me.id} open={setDialog} />
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {TABS.map((item) => (
            <Tabs.Tab key={item.value} value={item.value} style={{ whiteSpace: 'nowrap' }}>
              {item.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          {overview.isPending ? (
            <LoadingBlocks rows={5} label="Loading the milestones" />
          ) : overview.isError ? (
            <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
          ) : (
            <OverviewTab overview={overview.data} open={setDialog} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="messages" pt="lg">
          <MessagesTab contractId={contract.id} meId={me.id} />
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="lg">
          <FilesTab contractId={contract.id} />
        </Tabs.Panel>
        <Tabs.Panel value="reports" pt="lg">
          <ReportsTab contractId={contract.id} milestones={overview.data?.milestones ?? []} type={contract.type} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="lg">
          <TasksTab contract={contract} now={now} />
        </Tabs.Panel>
        <Tabs.Panel value="terms" pt="lg">
          <TermsTab contract={contract} />
        </Tabs.Panel>
        <Tabs.Panel value="record" pt="lg">
          <RecordTab contractId={contract.id} />
        </Tabs.Panel>
      </Tabs>
      {overview.data && (
        <WorkroomDialogs dialog={dialog} overview={overview.data} parties={parties} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

function WorkroomLoader({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const contract = useContract(id);
  return (
    <Container size="lg" w="100%" py="xl">
      {contract.isPending ? (
        <LoadingBlocks rows={6} label="Loading the Workroom" />
      ) : contract.isError ? (
        contract.error instanceof ApiError && contract.error.status === 404 ? (
          <EmptyNote title="This contract was not found">
            It does not exist, or you are not one of its parties.
          </EmptyNote>
        ) : (
          <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />
        )
      ) : (
        <Workroom contract={contract.data} me={me} />
      )}
    </Container>
  );
}

export default function WorkroomPage() {
  return <RequireSignedIn>{(me) => <WorkroomLoader me={me} />}</RequireSignedIn>;
}
