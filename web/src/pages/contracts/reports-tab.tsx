import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type MilestoneView, type StatusReport, type StatusReports, useStatusReports } from './contract-queries.ts';
import { useWorkroomAction } from './use-workroom-action.ts';

const OPEN = new Set(['not_funded', 'funded', 'changes_requested', 'submitted']);

function ReportForm({
  contractId,
  list,
  milestones,
  correcting,
  onDone,
}: {
  contractId: string;
  list: StatusReports;
  milestones: MilestoneView[];
  correcting: StatusReport | null;
  onDone: () => void;
}) {
  const open = milestones.filter((milestone) => OPEN.has(milestone.state));
  const [percents, setPercents] = useState<Record<string, number | string>>(
    Object.fromEntries(
      open.map((m) => [
        m.id,
        correcting?.progress.find((p) => p.milestoneId === m.id)?.percent ?? (m.state === 'submitted' ? 100 : 0),
      ]),
    ),
  );
  const [plans, setPlans] = useState(correcting?.plans ?? '');
  const [blockers, setBlockers] = useState(correcting?.blockers ?? '');
  const progress = open
    .filter((m) => m.state !== 'submitted')
    .map((m) => ({ milestoneId: m.id, percent: Number(percents[m.id] ?? 0) }));
  const action = useWorkroomAction(
    contractId,
    () =>
      unwrap(
        api.POST('/api/contracts/{id}/status-reports', {
          params: { path: { id: contractId } },
          body: {
            ...(correcting ? { week: correcting.week, correctsReportId: correcting.id } : {}),
            progress,
            plans,
            blockers,
          },
        }),
      ),
    {
      title: 'Status report filed',
      message: (report) =>
        report.submittedMilestoneIds.length > 0
          ? `${report.submittedMilestoneIds.length} milestone(s) marked 100% were submitted for approval.`
          : 'Your client can read it now.',
      onDone,
    },
  );
  const completing = progress.filter((item) => item.percent === 100).length;
  return (
    <form
      aria-label={
        correcting ? `Correct the report for ${correcting.week}` : `Status report for ${list.currentWeek.week}`
      }
      onSubmit={(event) => {
        event.preventDefault();
        action.run();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {open.map((milestone) => (
            <NumberInput
              key={milestone.id}
              label={`${milestone.title}: progress`}
              description={milestone.state === 'submitted' ? 'Submitted for approval' : undefined}
              disabled={milestone.state === 'submitted'}
              min={0}
              max={100}
              step={10}
              suffix="%"
              allowDecimal={false}
              value={percents[milestone.id] ?? 0}
              onChange={(value) => setPercents((current) => ({ ...current, [milestone.id]: value }))}
            />
          ))}
        </SimpleGrid>
        {completing > 0 && (
          <Text size="sm" c="violet.9">
            A funded milestone marked 100% is submitted to the client for approval with this report.
          </Text>
        )}
        <Textarea
          label="Plans for next week"
          value={plans}
          onChange={(e) => setPlans(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={5000}
          error={action.failure?.fields.plans}
        />
        <Textarea
          label="Issues blocking the work"
          value={blockers}
          onChange={(e) => setBlockers(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={5000}
          error={action.failure?.fields.blockers}
        />
        {action.failure && (
          <Alert color="red" variant="light" role="alert">
            {action.failure.message}
          </Alert>
        )}
        <Group justify="flex-end">
          {correcting && (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={action.pending}>
            {correcting ? 'File the correction' : `File the report for ${list.currentWeek.week}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReportCard({
  report,
  canCorrect,
  onCorrect,
}: {
  report: StatusReport;
  canCorrect: boolean;
  onCorrect: () => void;
}) {
  return (
    <Paper p="md" component="article" aria-label={`Status report for ${report.week}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={650}>
            Week {report.week}
            {report.correctsReportId && ' (correction)'}
          </Text>
          <Group gap="xs">
            {report.correctedById && (
              <Badge color="gray" variant="light" tt="none">
                Corrected later
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              Filed {formatDateTime(report.filedAt)} by {report.freelancer.name}
            </Text>
          </Group>
        </Group>
        {report.progress.map((item) => (
          <Stack key={item.milestoneId} gap={2}>
            <Text size="sm">
              {item.title}: {item.percent}%
              {report.submittedMilestoneIds.includes(item.milestoneId) && ' · submitted for approval'}
            </Text>
            <Progress value={item.percent} aria-label={`${item.title}: ${item.percent}% done`} />
          </Stack>
        ))}
        {report.plans && (
          <Text size="sm">
            <strong>Plans:</strong> {report.plans}
          </Text>
        )}
        {report.blockers && (
          <Text size="sm">
            <strong>Blocking:</strong> {report.blockers}
          </Text>
        )}
        {canCorrect && !report.correctedById && (
          <Group>
            <Button size="xs" variant="subtle" onClick={onCorrect}>
              File a correction
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Status reports: the freelancer files one a week (fixed price); both read them. */
export function ReportsTab({
  contractId,
  milestones,
  type,
}: {
  contractId: string;
  milestones: MilestoneView[];
  type: string;
}) {
  const reports = useStatusReports(contractId);
  const [correcting, setCorrecting] = useState<StatusReport | null>(null);
  if (type !== 'fixed') return <EmptyNote title="Status reports are for fixed-price contracts" />;
  if (reports.isPending) return <LoadingBlocks label="Loading status reports" />;
  if (reports.isError) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  const list = reports.data;
  const lastWeekEnd = new Date(list.currentWeek.weekEnd).getTime() - 7 * 86_400_000;
  const correctable = (report: StatusReport) => new Date(report.weekEnd).getTime() >= lastWeekEnd;
  return (
    <Stack gap="lg">
      {list.canFile && (correcting || !list.currentWeek.filed) && (
        <Section
          id="file-report"
          title={
            correcting ? `Correct the report for ${correcting.week}` : `This week’s report (${list.currentWeek.week})`
          }
          description="Weeks run Monday to Sunday, UTC. Filed reports are kept as filed; a correction is a new report."
        >
          <ReportForm
            key={correcting?.id ?? 'new'}
            contractId={contractId}
            list={list}
            milestones={milestones}
            correcting={correcting}
            onDone={() => setCorrecting(null)}
          />
        </Section>
      )}
      {list.canFile && list.currentWeek.filed && !correcting && (
        <Text size="sm">This week’s report is filed. If something in it changed, file a correction below.</Text>
      )}
      {list.reports.length === 0 ? (
        <EmptyNote title="No status reports yet">
          {list.canFile ? 'File your first report above.' : 'The freelancer files a report each week.'}
        </EmptyNote>
      ) : (
        <Stack gap="sm">
          {list.reports.map((report) => (
            <ReportCard
              key={report.id}
              report={report}
              canCorrect={list.canFile && correctable(report)}
              onCorrect={() => setCorrecting(report)}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
