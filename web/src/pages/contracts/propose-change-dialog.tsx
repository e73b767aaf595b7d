import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { inputToCents } from '../../components/money/money-format.ts';
import { formatMoney } from '../../lib/format.ts';
import type { Contract, ProposeChange } from './contract-queries.ts';
import { milestoneStates } from './labels.ts';
import { useWorkroomAction } from './use-workroom-action.ts';

const EDITABLE = new Set(['not_funded', 'funded', 'changes_requested']);

interface MilestoneEdit {
  title: string;
  amount: string | number;
  dueDate: string;
  remove: boolean;
  refund: boolean;
}

interface NewMilestone {
  key: number;
  title: string;
  amount: string | number;
  dueDate: string;
  acceptanceCriteria: string;
}

/** Either party proposes a change of terms; it takes effect when the other accepts. */
export function ProposeChangeDialog({ contract, onClose }: { contract: Contract; onClose: () => void }) {
  const editable = contract.milestones.filter((m) => EDITABLE.has(m.state));
  const [note, setNote] = useState('');
  const [description, setDescription] = useState(contract.terms.description);
  const [edits, setEdits] = useState<Record<string, MilestoneEdit>>(
    Object.fromEntries(
      editable.map((m) => [
        m.id,
        { title: m.title, amount: m.amountCents / 100, dueDate: m.dueDate ?? '', remove: false, refund: false },
      ]),
    ),
  );
  const [added, setAdded] = useState<NewMilestone[]>([]);
  const edit = (id: string, change: Partial<MilestoneEdit>) =>
    setEdits((current) => ({ ...current, [id]: { ...(current[id] as MilestoneEdit), ...change } }));

  const body = (): ProposeChange => {
    const change: NonNullable<ProposeChange['milestones']>['change'] = [];
    const remove: NonNullable<ProposeChange['milestones']>['remove'] = [];
    for (const m of editable) {
      const e = edits[m.id];
      if (!e) continue;
      if (e.remove) {
        remove.push({ milestoneId: m.id, refundEscrow: e.refund });
        continue;
      }
      const cents = inputToCents(e.amount);
      const item = {
        milestoneId: m.id,
        ...(e.title !== m.title ? { title: e.title } : {}),
        ...(cents !== null && cents !== m.amountCents ? { amountCents: cents } : {}),
        ...(e.dueDate && e.dueDate !== m.dueDate ? { dueDate: e.dueDate } : {}),
        refundEscrow: e.refund,
      };
      if (Object.keys(item).length > 2) change.push(item);
    }
    return {
      note,
      ...(description !== contract.terms.description ? { description } : {}),
      milestones: {
        add: added.map((m) => ({
          title: m.title,
          amountCents: inputToCents(m.amount) ?? 0,
          dueDate: m.dueDate,
          acceptanceCriteria: m.acceptanceCriteria,
        })),
        change,
        remove,
      },
    };
  };
  const sent = body();
  // Server errors name the index in the arrays sent: map them back to each milestone's inputs.
  const changeIndex = new Map(sent.milestones?.change?.map((item, index) => [item.milestoneId, index]));
  const removeIndex = new Map(sent.milestones?.remove?.map((item, index) => [item.milestoneId, index]));
  const action = useWorkroomAction(
    contract.id,
    () => unwrap(api.POST('/api/contracts/{id}/terms-changes', { params: { path: { id: contract.id } }, body: sent })),
    { title: 'Change proposed', message: () => 'It takes effect when the other party accepts it.', onDone: onClose },
  );
  const errors = action.failure?.fields ?? {};
  return (
    <Modal opened onClose={onClose} title="Propose a change of terms" size="xl">
      <Stack>
        <Textarea
          label="Why (the other party reads this)"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.note}
        />
        <Textarea
          label="Scope"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={8}
          error={errors.description}
        />
        {editable.length > 0 && <Divider label="Milestones" labelPosition="left" />}
        {editable.map((m) => {
          const e = edits[m.id] as MilestoneEdit;
          const cents = inputToCents(e.amount);
          const reducesEscrow = m.inEscrowCents > 0 && (e.remove || (cents !== null && cents < m.inEscrowCents));
          const field = (name: string) =>
            e.remove
              ? errors[`milestones.remove.${removeIndex.get(m.id)}.${name}`]
              : errors[`milestones.change.${changeIndex.get(m.id)}.${name}`];
          return (
            <Paper key={m.id} p="sm">
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  {m.position}. {m.title} · {milestoneStates[m.state]?.label}
                  {m.inEscrowCents > 0 && ` · ${formatMoney(m.inEscrowCents, contract.currency)} in escrow`}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                  <TextInput
                    label="Title"
                    value={e.title}
                    disabled={e.remove}
                    onChange={(ev) => edit(m.id, { title: ev.currentTarget.value })}
                    error={field('title')}
                  />
                  <NumberInput
                    label="Amount"
                    prefix="$"
                    decimalScale={2}
                    thousandSeparator=","
                    value={e.amount}
                    disabled={e.remove}
                    onChange={(value) => edit(m.id, { amount: value })}
                    error={field('amountCents')}
                  />
                  <TextInput
                    label="Due date"
                    type="date"
                    value={e.dueDate}
                    disabled={e.remove}
                    onChange={(ev) => edit(m.id, { dueDate: ev.currentTarget.value })}
                    error={field('dueDate')}
                  />
                </SimpleGrid>
                <Group gap="lg">
                  <Checkbox
                    label="Remove this milestone"
                    checked={e.remove}
                    onChange={(ev) => edit(m.id, { remove: ev.currentTarget.checked })}
                  />
                  {reducesEscrow && (
                    <Checkbox
                      label="Refund the escrow above the new amount to the client (the freelancer must agree)"
                      checked={e.refund}
                      onChange={(ev) => edit(m.id, { refund: ev.currentTarget.checked })}
                      error={field('refundEscrow')}
                    />
                  )}
                </Group>
              </Stack>
            </Paper>
          );
        })}
        {added.map((m, index) => {
          const field = (name: string) => errors[`milestones.add.${index}.${name}`];
          const set = (change: Partial<NewMilestone>) =>
            setAdded((current) => current.map((item) => (item.key === m.key ? { ...item, ...change } : item)));
          return (
            <Paper key={m.key} p="sm" aria-label={`New milestone ${index + 1}`} component="fieldset">
              <Stack gap="xs">
                <Text size="sm" fw={600} component="legend">
                  New milestone {index + 1}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                  <TextInput
                    label="Title"
                    value={m.title}
                    onChange={(ev) => set({ title: ev.currentTarget.value })}
                    error={field('title')}
                  />
                  <NumberInput
                    label="Amount"
                    prefix="$"
                    decimalScale={2}
                    thousandSeparator=","
                    value={m.amount}
                    onChange={(value) => set({ amount: value })}
                    error={field('amountCents')}
                  />
                  <TextInput
                    label="Due date"
                    type="date"
                    value={m.dueDate}
                    onChange={(ev) => set({ dueDate: ev.currentTarget.value })}
                    error={field('dueDate')}
                  />
                </SimpleGrid>
                <Textarea
                  label="Acceptance criteria (one per line)"
                  value={m.acceptanceCriteria}
                  onChange={(ev) => set({ acceptanceCriteria: ev.currentTarget.value })}
                  autosize
                  minRows={2}
                  error={field('acceptanceCriteria')}
                />
                <Group justify="flex-end">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setAdded((current) => current.filter((item) => item.key !== m.key))}
                  >
                    Remove new milestone {index + 1}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          );
        })}
        {contract.type === 'fixed' && (
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() =>
                setAdded((current) => [
                  ...current,
                  { key: Date.now(), title: '', amount: '', dueDate: '', acceptanceCriteria: '' },
                ])
              }
            >
              Add a milestone
            </Button>
          </Group>
        )}
        {action.failure && (
          <Alert color="red" variant="light" role="alert">
            {action.failure.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={action.run} loading={action.pending}>
            Propose the change
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
