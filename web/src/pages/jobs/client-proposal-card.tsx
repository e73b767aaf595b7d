import { Anchor, Avatar, Badge, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { hiringKeys, messageKeys, type Proposal } from '../../api/hiring-queries.ts';
import { proposalStateBadges } from '../../components/hiring/labels.ts';
import { bidText, ProposalBody } from '../../components/hiring/proposal-body.tsx';
import { StateBadge } from '../../components/hiring/state-badge.tsx';
import { TextPromptModal } from '../../components/hiring/text-prompt-modal.tsx';
import { countryName, formatRate, initials } from '../../lib/format.ts';

type Prompt = 'decline' | 'interview' | 'message' | null;
const FINAL = new Set(['declined', 'withdrawn', 'hired']);

/** One proposal as the client triages it: who, the bid, the letter, and what to do next. */
export function ClientProposalCard({ proposal, expanded = false }: { proposal: Proposal; expanded?: boolean }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(expanded);
  const [prompt, setPrompt] = useState<Prompt>(null);
  const id = proposal.id;
  const path = { params: { path: { id } } };
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: hiringKeys.all });
    await queryClient.invalidateQueries({ queryKey: messageKeys.threads });
  };
  const quick = useMutation({
    mutationFn: (action: 'shortlist' | 'archive') =>
      action === 'shortlist'
        ? unwrap(api.POST('/api/proposals/{id}/shortlist', path))
        : unwrap(api.POST('/api/proposals/{id}/archive', path)),
    onSuccess: refresh,
    onError: (error) => notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(error) }),
  });
  const { freelancer } = proposal;
  const final = FINAL.has(proposal.state);
  const name = freelancer.name;

  return (
    <Paper p="md" component="article" aria-label={`Proposal from ${name}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 280px' }}>
            <Avatar color="blue" radius="xl" aria-hidden="true">
              {initials(name)}
            </Avatar>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Anchor component={Link} to={`/freelancers/${freelancer.userId}`} fw={600}>
                  {name}
                </Anchor>
                <StateBadge badge={proposalStateBadges[proposal.state]} size="sm" />
                {proposal.invited && (
                  <Badge color="gray" variant="outline" size="sm" radius="sm">
                    Invited
                  </Badge>
                )}
              </Group>
              <Text size="sm" truncate>
                {freelancer.title || 'No title yet'}
              </Text>
              <Text size="xs" c="dimmed">
                {[
                  countryName(freelancer.country),
                  freelancer.hourlyRateCents !== null
                    ? `Profile rate ${formatRate(freelancer.hourlyRateCents, proposal.bid.currency)}`
                    : null,
                  `${proposal.matchScore}% skill match`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
          </Group>
          <Stack gap={0} align="flex-end">
            <Text fw={700}>{bidText(proposal)}</Text>
            <Text size="xs" c="dimmed">
              Bid
            </Text>
          </Stack>
        </Group>
        {freelancer.skills.length > 0 && (
          <Group gap={4}>
            {freelancer.skills.slice(0, 8).map((skill) => (
              <Badge key={skill.id} variant="light" color="gray" tt="none" radius="sm" size="sm">
                {skill.name}
              </Badge>
            ))}
          </Group>
        )}
        {!open && (
          <Text size="sm" lineClamp={2} className="preserve-lines">
            {proposal.coverLetter}
          </Text>
        )}
        <Collapse expanded={open}>
          <ProposalBody proposal={proposal} />
        </Collapse>
        {proposal.declineReason && (
          <Text size="sm" c="dimmed">
            Declined: {proposal.declineReason}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          <Button variant="subtle" size="compact-sm" onClick={() => setOpen((value) => !value)} aria-expanded={open}>
            {open ? 'Show less' : 'Read the whole proposal'}
          </Button>
          {!final && (
            <>
              {proposal.state !== 'shortlisted' && proposal.state !== 'interviewing' && (
                <Button
                  variant="default"
                  size="compact-sm"
                  loading={quick.isPending && quick.variables === 'shortlist'}
                  onClick={() => quick.mutate('shortlist')}
                >
                  Shortlist
                </Button>
              )}
              {proposal.state !== 'archived' && (
                <Button
                  variant="default"
                  size="compact-sm"
                  loading={quick.isPending && quick.variables === 'archive'}
                  onClick={() => quick.mutate('archive')}
                >
                  Archive
                </Button>
              )}
              {proposal.state !== 'interviewing' && (
                <Button variant="default" size="compact-sm" onClick={() => setPrompt('interview')}>
                  Invite to interview
                </Button>
              )}
              {proposal.threadId ? (
                <Button component={Link} to={`/messages/${proposal.threadId}`} variant="default" size="compact-sm">
                  Open conversation
                </Button>
              ) : (
                <Button variant="default" size="compact-sm" onClick={() => setPrompt('message')}>
                  Message
                </Button>
              )}
              <Button variant="subtle" color="red" size="compact-sm" onClick={() => setPrompt('decline')}>
                Decline
              </Button>
              {proposal.pendingOfferId ? (
                <Button component={Link} to={`/offers/${proposal.pendingOfferId}`} size="compact-sm" variant="light">
                  View offer
                </Button>
              ) : (
                <Button component={Link} to={`/offers/new?proposalId=${id}`} size="compact-sm">
                  Send offer
                </Button>
              )}
            </>
          )}
          {final && proposal.threadId && (
            <Button component={Link} to={`/messages/${proposal.threadId}`} variant="default" size="compact-sm">
              Open conversation
            </Button>
          )}
        </Group>
      </Stack>
      <TextPromptModal
        opened={prompt === 'interview'}
        onClose={() => setPrompt(null)}
        title={`Invite ${name} to interview`}
        label="Your first message"
        description="It opens a conversation between you; they are notified."
        initialText={`Hi ${name.split(' ')[0]}, thanks for your proposal. Could we talk about the details?`}
        submitLabel="Send and open the interview"
        maxLength={5000}
        onSubmit={async (message) => {
          await unwrap(api.POST('/api/proposals/{id}/interview', { ...path, body: { message } }));
          await refresh();
          notifications.show({
            color: 'teal',
            title: 'Interview started',
            message: `${name} can answer you in Messages.`,
          });
        }}
      />
      <TextPromptModal
        opened={prompt === 'message'}
        onClose={() => setPrompt(null)}
        title={`Message ${name}`}
        label="Message"
        submitLabel="Send message"
        maxLength={5000}
        onSubmit={async (text) => {
          await unwrap(api.POST('/api/proposals/{id}/message', { ...path, body: { text } }));
          await refresh();
        }}
      />
      <TextPromptModal
        opened={prompt === 'decline'}
        onClose={() => setPrompt(null)}
        title={`Decline ${name}’s proposal`}
        label="Reason"
        description={`${name} sees this reason.`}
        submitLabel="Decline proposal"
        submitColor="red"
        maxLength={1000}
        onSubmit={async (reason) => {
          await unwrap(api.POST('/api/proposals/{id}/decline', { ...path, body: { reason } }));
          await refresh();
        }}
      />
    </Paper>
  );
}
