import { Anchor, Container, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys, type Job, type Proposal, useProposal } from '../../api/hiring-queries.ts';
import { moneyKeys } from '../../api/money-queries.ts';
import { profileKeys } from '../../api/profile-queries.ts';
import type { Me } from '../../app/session.tsx';
import { Notice } from '../../components/hiring/notice.tsx';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { RequireRole } from '../../components/hiring/require-role.tsx';
import { useIdempotentAttempt } from '../../components/money/use-idempotent-attempt.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { OfferForm } from './offer-form.tsx';
import { initialOffer, type OfferFormValues, toOfferRequest } from './offer-form-values.ts';

interface Target {
  freelancerId: string;
  freelancerName: string;
  proposal: Proposal | null;
  job: Job | null;
}

function SendOffer({ me, target }: { me: Me; target: Target }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const attempt = useIdempotentAttempt();
  const currency = target.job?.terms.currency ?? 'USD';
  const send = async (values: OfferFormValues) => {
    const parties = target.proposal
      ? { proposalId: target.proposal.id }
      : { freelancerId: target.freelancerId, ...(target.job ? { jobId: target.job.id } : {}) };
    try {
      const offer = await unwrap(
        api.POST('/api/offers', {
          params: { header: { 'idempotency-key': attempt.key() } },
          body: toOfferRequest(values, parties),
        }),
      );
      attempt.settled();
      await queryClient.invalidateQueries({ queryKey: hiringKeys.all });
      void queryClient.invalidateQueries({ queryKey: moneyKeys.all });
      notifications.show({
        color: 'teal',
        title: 'Offer sent',
        message: `${target.freelancerName} is notified and can accept it until ${new Date(offer.expiresAt).toLocaleDateString()}.`,
      });
      navigate(`/offers/${offer.id}`);
    } catch (error) {
      attempt.settled(error);
      throw error;
    }
  };
  return (
    <Stack gap="lg">
      <PageHeader
        title={`Send an offer to ${target.freelancerName}`}
        description={
          target.job ? (
            <>
              For{' '}
              <Anchor component={Link} to={`/jobs/${target.job.id}`} size="sm">
                {target.job.title}
              </Anchor>
              {target.proposal ? ', from their proposal' : ''}
            </>
          ) : (
            'A direct offer, not tied to a job post.'
          )
        }
      />
      <OfferForm
        initialValues={initialOffer({ job: target.job, proposal: target.proposal })}
        currency={currency}
        clientId={me.id}
        freelancerId={target.freelancerId}
        freelancerName={target.freelancerName}
        hasJob={Boolean(target.job)}
        onSubmit={send}
      />
    </Stack>
  );
}

function useTarget(params: URLSearchParams) {
  const proposalId = params.get('proposalId');
  const freelancerIdParam = params.get('freelancerId');
  const jobIdParam = params.get('jobId');
  const proposal = useProposal(proposalId ?? '', Boolean(proposalId));
  const proposalQuery = proposalId ? proposal : null;
  const jobId = proposalQuery?.data?.job.id ?? jobIdParam;
  const freelancerId = proposalQuery?.data?.freelancer.userId ?? freelancerIdParam;
  const job = useQuery({
    queryKey: hiringKeys.job(jobId ?? ''),
    enabled: Boolean(jobId),
    queryFn: () => unwrap(api.GET('/api/jobs/{id}', { params: { path: { id: jobId ?? '' } } })),
  });
  const freelancer = useQuery({
    queryKey: profileKeys.publicFreelancer(freelancerId ?? ''),
    enabled: Boolean(freelancerId) && !proposalId,
    queryFn: () => unwrap(api.GET('/api/freelancers/{userId}', { params: { path: { userId: freelancerId ?? '' } } })),
  });
  const waiting = [
    proposalId ? proposal : null,
    jobId ? job : null,
    freelancerId && !proposalId ? freelancer : null,
  ].filter((query) => query !== null);
  const failed = waiting.find((query) => query.isError);
  if (!proposalId && !freelancerIdParam) return { state: 'missing' as const };
  if (failed) return { state: 'error' as const, error: failed.error, retry: () => void failed.refetch() };
  if (waiting.some((query) => query.isPending)) return { state: 'loading' as const };
  const target: Target = {
    freelancerId: freelancerId ?? '',
    freelancerName: proposal.data?.freelancer.name ?? freelancer.data?.name ?? 'the freelancer',
    proposal: proposalId ? (proposal.data ?? null) : null,
    job: jobId ? (job.data?.job ?? null) : null,
  };
  return { state: 'ready' as const, target };
}

function SendOfferLoader({ me }: { me: Me }) {
  const [params] = useSearchParams();
  const result = useTarget(params);
  return (
    <Container size="md" w="100%" py="xl">
      {result.state === 'missing' ? (
        <EmptyNote title="Who is the offer for?">
          Open a proposal on one of your jobs and choose “Send offer”, or find a freelancer in{' '}
          <Anchor component={Link} to="/talent">
            Talent
          </Anchor>
          .
        </EmptyNote>
      ) : result.state === 'error' ? (
        <ErrorState error={result.error} onRetry={result.retry} />
      ) : result.state === 'loading' ? (
        <LoadingBlocks rows={10} label="Preparing the offer" />
      ) : result.target.freelancerId === me.id ? (
        <Notice>You cannot send an offer to yourself.</Notice>
      ) : (
        <SendOffer me={me} target={result.target} />
      )}
    </Container>
  );
}

export default function SendOfferPage() {
  return <RequireRole needs="client">{(me) => <SendOfferLoader me={me} />}</RequireRole>;
}
