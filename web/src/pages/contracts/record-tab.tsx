import { Anchor, Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type RecordEntry, useRecord } from './contract-queries.ts';

export interface SharedFile {
  id: string;
  name: string;
  sha256: string;
  sizeBytes: number;
  sharedBy: string;
  at: string;
  how: string;
}

const howShared: Record<string, string> = {
  'message.posted': 'In a message',
  'milestone.submitted': 'With submitted work',
  'file.shared': 'Shared',
};

/** Every file the record names (messages, submissions), with who shared it, when, and its SHA-256. */
export function filesOf(entries: RecordEntry[]): SharedFile[] {
  return entries.flatMap((entry) => {
    const data = entry.data as { files?: { id: string; name: string; sha256: string; sizeBytes: number }[] } | null;
    if (!data || !Array.isArray(data.files)) return [];
    return data.files.map((file) => ({
      ...file,
      sharedBy: entry.actor?.name ?? 'Workroom',
      at: entry.at,
      how: howShared[entry.kind] ?? entry.kind,
    }));
  });
}

/** Record: every event of the contract, hash-chained, with the exports that prove it. */
export function RecordTab({ contractId }: { contractId: string }) {
  const record = useRecord(contractId);
  if (record.isPending) return <LoadingBlocks label="Loading the record" />;
  if (record.isError) return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  const entries = [...record.data.items].reverse();
  return (
    <Stack gap="md">
      <Text size="sm">
        The official record of this contract: each entry carries the SHA-256 of the one before it, and nothing in it can
        be changed. Export it and check it offline with <Code>npx workroom record verify FILE</Code>.
      </Text>
      <Group gap="sm">
        <Button
          component="a"
          href={`/api/contracts/${contractId}/record/export.json`}
          download
          variant="default"
          size="sm"
        >
          Export JSON
        </Button>
        <Button
          component="a"
          href={`/api/contracts/${contractId}/record/export.pdf`}
          download
          variant="default"
          size="sm"
        >
          Export PDF
        </Button>
        {record.data.head && (
          <Text size="xs" c="dimmed">
            {record.data.head.seq} entries · last hash <Code>{record.data.head.hash.slice(0, 16)}…</Code>
          </Text>
        )}
      </Group>
      {entries.length === 0 ? (
        <EmptyNote title="The record is empty" />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Record entries" striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Hash</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.seq}>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.actor?.name ?? 'Workroom'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray" tt="none" mr={6}>
                      {entry.kind}
                    </Badge>
                    {entry.summary}
                  </Table.Td>
                  <Table.Td>
                    <Code title={entry.hash}>{entry.hash.slice(0, 10)}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Files: all files shared in the Workroom, from the record. */
export function FilesTab({ contractId }: { contractId: string }) {
  const record = useRecord(contractId);
  if (record.isPending) return <LoadingBlocks label="Loading files" />;
  if (record.isError) return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  const files = filesOf(record.data.items).reverse();
  if (files.length === 0) {
    return <EmptyNote title="No files yet">Files attached to messages and submitted work appear here.</EmptyNote>;
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Files" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Shared by</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>SHA-256</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => (
            <Table.Tr key={`${file.id}-${file.at}`}>
              <Table.Td>
                <Anchor href={`/api/files/${file.id}`}>{file.name}</Anchor>
                <Text size="xs" c="dimmed">
                  {file.how} · {Math.max(1, Math.round(file.sizeBytes / 1024))} KB
                </Text>
              </Table.Td>
              <Table.Td>{file.sharedBy}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(file.at)}</Table.Td>
              <Table.Td>
                <Code style={{ wordBreak: 'break-all' }}>{file.sha256}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
