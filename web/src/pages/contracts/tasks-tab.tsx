import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, errorMessage, unwrap } from '../../api/client.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { type Contract, type Task, useRefreshContract, useTaskBoard } from './contract-queries.ts';
import { formatDueDate, taskStates } from './labels.ts';

const COLUMNS = ['todo', 'in_progress', 'done'] as const;
const MOVES: Record<string, { to: (typeof COLUMNS)[number]; label: string }[]> = {
  todo: [
    { to: 'in_progress', label: 'Start' },
    { to: 'done', label: 'Mark done' },
  ],
  in_progress: [
    { to: 'done', label: 'Mark done' },
    { to: 'todo', label: 'Back to do' },
  ],
  done: [{ to: 'in_progress', label: 'Reopen' }],
};

function NewTaskForm({ contract }: { contract: Contract }) {
  const refresh = useRefreshContract(contract.id);
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [milestoneId, setMilestoneId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/contracts/{id}/tasks', {
          params: { path: { id: contract.id } },
          body: { title, assigneeId, milestoneId, dueDate: dueDate || null },
        }),
      ),
    onSuccess: () => {
      setTitle('');
      setDueDate('');
      refresh();
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  return (
    <form
      aria-label="Add a task"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <TextInput
          label="Task"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          error={fields.title}
        />
        <Select
          label="Assignee"
          clearable
          value={assigneeId}
          onChange={setAssigneeId}
          data={[
            { value: contract.client.userId, label: contract.client.name },
            { value: contract.freelancer.userId, label: contract.freelancer.name },
          ]}
        />
        <Select
          label="Milestone"
          clearable
          value={milestoneId}
          onChange={setMilestoneId}
          data={contract.milestones.map((m) => ({ value: m.id, label: m.title }))}
        />
        <TextInput
          label="Due date"
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          error={fields.dueDate}
        />
      </SimpleGrid>
      {create.error && !fields.title && (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {errorMessage(create.error)}
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={create.isPending} disabled={title.trim().length === 0}>
          Add task
        </Button>
      </Group>
    </form>
  );
}

function TaskCard({
  task,
  contractId,
  readOnly,
  now,
}: {
  task: Task;
  contractId: string;
  readOnly: boolean;
  now: Date;
}) {
  const refresh = useRefreshContract(contractId);
  const move = useMutation({
    mutationFn: (state: (typeof COLUMNS)[number]) =>
      unwrap(
        api.PATCH('/api/contracts/{id}/tasks/{taskId}', {
          params: { path: { id: contractId, taskId: task.id } },
          body: { state },
        }),
      ),
    onSuccess: refresh,
  });
  return (
    <Paper p="sm" component="li" style={{ listStyle: 'none' }} aria-label={task.title}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {task.title}
        </Text>
        <Text size="xs" c="dimmed">
          {task.assignee ? task.assignee.name : 'Unassigned'}
          {task.dueDate && ` · due ${formatDueDate(task.dueDate, now)}`}
          {task.milestone && ` · ${task.milestone.title ?? 'a removed milestone'}`}
        </Text>
        {!readOnly && (
          <Group gap={4}>
            {MOVES[task.state]?.map((option) => (
              <Button
                key={option.to}
                size="compact-xs"
                variant="light"
                onClick={() => move.mutate(option.to)}
                loading={move.isPending && move.variables === option.to}
              >
                {option.label}
              </Button>
            ))}
          </Group>
        )}
        {move.error && (
          <Text size="xs" c="red.9" role="alert">
            {errorMessage(move.error)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Tasks: the board both parties share, by state, linked to milestones. */
export function TasksTab({ contract, now }: { contract: Contract; now: Date }) {
  const board = useTaskBoard(contract.id);
  if (board.isPending) return <LoadingBlocks label="Loading the task board" />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  const { tasks, readOnly, counts } = board.data;
  return (
    <Stack gap="lg">
      {!readOnly && <NewTaskForm contract={contract} />}
      {tasks.length === 0 ? (
        <EmptyNote title="No tasks yet">
          Break the work into tasks so both of you see what is done and what remains.
        </EmptyNote>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {COLUMNS.map((column) => (
            <Stack key={column} gap="xs">
              <Group gap="xs">
                <Title order={3} fz="h5">
                  {taskStates[column]?.label}
                </Title>
                <Badge variant="light" color={taskStates[column]?.color} tt="none">
                  {counts[column]}
                </Badge>
              </Group>
              <Stack component="ul" gap="xs" p={0} m={0} aria-label={taskStates[column]?.label}>
                {tasks
                  .filter((task) => task.state === column)
                  .map((task) => (
                    <TaskCard key={task.id} task={task} contractId={contract.id} readOnly={readOnly} now={now} />
                  ))}
              </Stack>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
