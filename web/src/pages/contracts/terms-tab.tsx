import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { type Contract, type TermsChange, useTermsChanges, useTermsDiff, useTermsHistory } from './contract-queries.ts';
import { changeStates } from './labels.ts';
import { ProposeChangeDialog } from './propose-change-dialog.tsx';
import { TermsDiffView } from './terms-diff.tsx';
import { useWorkroomAction } from './use-workroom-action.ts';

function ChangeCard({ change, contract }: { change: TermsChange; contract: Contract }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const path = { params: { path: { id: contract.id, changeId: change.id } } };
  const accept = useWorkroomAction(
    contract.id,
    () => unwrap(api.POST('/api/contracts/{id}/terms-changes/{changeId}/accept', path)),
    {
      title: 'Change accepted',
      message: (result) => `The terms are now version ${result.resultingVersion}.`,
    },
  );
  const decline = useWorkroomAction(
    contract.id,
    () => unwrap(api.POST('/api/contracts/{id}/terms-changes/{changeId}/decline', { ...path, body: { reason } })),
    { title: 'Change declined', onDone: () => setDeclining(false) },
  );
  const withdraw = useWorkroomAction(
    contract.id,
    () => unwrap(api.POST('/api/contracts/{id}/terms-changes/{changeId}/withdraw', path)),
    {
      title: 'Change withdrawn',
    },
  );
  const state = changeStates[change.state] ?? { label: change.state, color: 'gray' };
  const refunded = change.refunds.reduce((sum, refund) => sum + refund.amountCents, 0);
  const failure = accept.failure ?? decline.failure ?? withdraw.failure;
  return (
    <Paper p="md" component="article" aria-label={`Change proposed by ${change.proposedBy.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text fw={650}>
            Proposed by {change.proposedBy.name}, {formatDateTime(change.createdAt)}
          </Text>
          <Badge color={state.color} variant="light" tt="none">
            {state.label}
            {change.resultingVersion ? `: version ${change.resultingVersion}` : ''}
          </Badge>
        </Group>
        {change.note && <Text size="sm">“{change.note}”</Text>}
        <TermsDiffView diff={change.diff} currency={contract.currency} />
        {refunded > 0 && (
          <Alert color="orange" variant="light" title="Escrow goes back to the client">
            Accepting returns {formatMoney(refunded, contract.currency)} of escrow to the client (
            {change.refunds.map((refund) => refund.title).join(', ')}).
          </Alert>
        )}
        {change.declineReason && <Text size="sm">Declined: “{change.declineReason}”</Text>}
        {failure && (
          <Alert color="red" variant="light" role="alert">
            {failure.message}
          </Alert>
        )}
        {declining ? (
          <Stack gap="xs">
            <Textarea
              label="Why you decline"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              error={decline.failure?.fields.reason}
            />
            <Group justify="flex-end">
              <Button variant="default" size="xs" onClick={() => setDeclining(false)}>
                Cancel
              </Button>
              <Button
                color="red"
                size="xs"
                onClick={decline.run}
                loading={decline.pending}
                disabled={reason.trim().length === 0}
              >
                Decline the change
              </Button>
            </Group>
          </Stack>
        ) : (
          change.actions.length > 0 && (
            <Group gap="xs">
              {change.actions.includes('accept') && (
                <Button size="sm" color="teal" onClick={accept.run} loading={accept.pending}>
                  Accept the change
                </Button>
              )}
              {change.actions.includes('decline') && (
                <Button size="sm" variant="default" onClick={() => setDeclining(true)}>
                  Decline…
                </Button>
              )}
              {change.actions.includes('withdraw') && (
                <Button size="sm" variant="default" onClick={withdraw.run} loading={withdraw.pending}>
                  Withdraw
                </Button>
              )}
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}

function VersionDiff({ contract, latest }: { contract: Contract; latest: number }) {
  const options = Array.from({ length: latest }, (_, index) => ({
    value: String(index + 1),
    label: `Version ${index + 1}`,
  }));
  const [from, setFrom] = useState(String(Math.max(1, latest - 1)));
  const [to, setTo] = useState(String(latest));
  const diff = useTermsDiff(contract.id, Number(from), Number(to));
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Select
          label="Compare"
          data={options}
          value={from}
          onChange={(value) => value && setFrom(value)}
          allowDeselect={false}
          w={150}
        />
        <Select
          label="with"
          data={options}
          value={to}
          onChange={(value) => value && setTo(value)}
          allowDeselect={false}
          w={150}
        />
      </Group>
      {from === to ? (
        <Text size="sm">Pick two different versions.</Text>
      ) : diff.isPending ? (
        <LoadingBlocks rows={2} label="Loading the difference" />
      ) : diff.isError ? (
        <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
      ) : (
        <TermsDiffView diff={diff.data} currency={contract.currency} />
      )}
    </Stack>
  );
}

/** Terms history: the versions in force over time, their differences, and changes proposed. */
export function TermsTab({ contract }: { contract: Contract }) {
  const history = useTermsHistory(contract.id);
  const changes = useTermsChanges(contract.id);
  const [proposing, setProposing] = useState(false);
  if (history.isPending || changes.isPending) return <LoadingBlocks label="Loading the terms history" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (changes.isError) return <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />;
  const { versions, currentVersion, canPropose } = history.data;
  return (
    <Stack gap="lg">
      <Section
        id="changes"
        title="Changes of terms"
        description="A change takes effect only when the other party accepts it, as a new terms version."
        actions={
          canPropose ? (
            <Button size="sm" onClick={() => setProposing(true)}>
              Propose a change
            </Button>
          ) : undefined
        }
      >
        {changes.data.items.length === 0 ? (
          <EmptyNote title="No changes proposed">The terms are as agreed in the offer.</EmptyNote>
        ) : (
          <Stack gap="sm">
            {changes.data.items.map((change) => (
              <ChangeCard key={change.id} change={change} contract={contract} />
            ))}
          </Stack>
        )}
      </Section>
      <Section id="versions" title="Terms versions" description={`Version ${currentVersion} is in force.`}>
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Terms versions">
          {[...versions].reverse().map((version) => (
            <li key={version.version}>
              <Text size="sm">
                <strong>Version {version.version}</strong>
                {version.version === currentVersion && ' (in force)'} · {formatDateTime(version.createdAt)} ·{' '}
                {version.note}
                {version.acceptedBy && ` · accepted by ${version.acceptedBy.name}`}
                {version.terms.fixed && ` · total ${formatMoney(version.terms.fixed.totalCents, contract.currency)}`}
              </Text>
            </li>
          ))}
        </Stack>
        {versions.length > 1 && <VersionDiff contract={contract} latest={currentVersion} />}
      </Section>
      {proposing && <ProposeChangeDialog contract={contract} onClose={() => setProposing(false)} />}
    </Stack>
  );
}
