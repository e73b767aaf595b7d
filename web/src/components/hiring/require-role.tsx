import { Button, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { hasRole, type Me, RequireSignedIn, type Role } from '../../app/session.tsx';
import { EmptyNote } from '../page-state.tsx';

const roleNames: Partial<Record<Role, string>> = { client: 'clients', freelancer: 'freelancers' };

/** A page for one role: others are told who it is for and where to add the role. */
export function RequireRole({ needs: role, children }: { needs: Role; children: (me: Me) => ReactNode }) {
  return (
    <RequireSignedIn>
      {(me) =>
        hasRole(me, role) ? (
          children(me)
        ) : (
          <Container size="sm" py="xl">
            <EmptyNote
              title={`This page is for ${roleNames[role] ?? role}`}
              action={
                <Button component={Link} to="/settings" variant="default" size="sm">
                  Open settings
                </Button>
              }
            >
              Add the {role} role to your account in settings to use it.
            </EmptyNote>
          </Container>
        )
      }
    </RequireSignedIn>
  );
}
