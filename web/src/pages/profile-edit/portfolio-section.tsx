import { Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { type FreelancerProfile, type PortfolioItem, profileKeys } from '../../api/profile-queries.ts';
import { EditIcon, FileIcon, LinkIcon, PlusIcon, TrashIcon } from '../../components/icons.tsx';
import { EmptyNote } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { PortfolioItemModal } from './portfolio-item-modal.tsx';

type Editing = { item: PortfolioItem | null } | null;

/** Portfolio items are saved one at a time, each with its own call, beside the main profile form. */
export function PortfolioSection({ profile }: { profile: FreelancerProfile }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<PortfolioItem | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: profileKeys.ownFreelancer });
    void queryClient.invalidateQueries({ queryKey: profileKeys.publicFreelancer(profile.userId) });
  };
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/profiles/freelancer/me/portfolio/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setDeleting(null);
      refresh();
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(error) }),
  });

  return (
    <Section id="portfolio" title="Portfolio" description="Show finished work: clients hire from what they can see.">
      {!profile.saved ? (
        <EmptyNote title="Save your profile first">Portfolio items are added once your profile exists.</EmptyNote>
      ) : profile.portfolio.length === 0 ? (
        <EmptyNote
          title="No portfolio items yet"
          action={
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing({ item: null })}>
              Add a portfolio item
            </Button>
          }
        >
          Add a project with a short description and a link or a file.
        </EmptyNote>
      ) : (
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {profile.portfolio.map((item) => (
              <Card key={item.id} withBorder padding="md">
                <Stack gap={6} h="100%">
                  <Text fw={600}>{item.title}</Text>
                  {item.description && (
                    <Text size="sm" c="dimmed" lineClamp={3} className="preserve-lines">
                      {item.description}
                    </Text>
                  )}
                  {item.url && (
                    <Group gap={4} wrap="nowrap">
                      <LinkIcon size={16} />
                      <Anchor href={item.url} target="_blank" rel="noopener noreferrer nofollow" size="sm" truncate>
                        {item.url}
                      </Anchor>
                    </Group>
                  )}
                  {item.file && (
                    <Group gap={4} wrap="nowrap">
                      <FileIcon size={16} />
                      <Anchor href={item.file.url} size="sm" truncate>
                        {item.file.name}
                      </Anchor>
                    </Group>
                  )}
                  <Group gap="xs" mt="auto" pt="xs">
                    <Button
                      size="compact-sm"
                      variant="default"
                      leftSection={<EditIcon size={14} />}
                      onClick={() => setEditing({ item })}
                      aria-label={`Edit ${item.title}`}
                    >
                      Edit
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      leftSection={<TrashIcon size={14} />}
                      onClick={() => setDeleting(item)}
                      aria-label={`Delete ${item.title}`}
                    >
                      Delete
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
          <Group>
            <Button variant="default" leftSection={<PlusIcon size={16} />} onClick={() => setEditing({ item: null })}>
              Add a portfolio item
            </Button>
          </Group>
        </Stack>
      )}
      {editing && <PortfolioItemModal item={editing.item} opened onClose={() => setEditing(null)} onSaved={refresh} />}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete this portfolio item?">
        <Stack>
          <Text size="sm">“{deleting?.title}” will be removed from your public profile.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Keep it
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id)}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}
