import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, api, unwrap } from '../api/client.ts';
import type { ResponseOf } from '../api/types.ts';
import { ErrorState } from '../components/page-state.tsx';

export type Me = ResponseOf<'/api/me', 'get'>;
export type Role = Me['roles'][number];

export const meKey = ['me'] as const;

/** The signed-in user, or null when signed out (a 401 is an answer here, not an error). */
async function fetchMe(): Promise<Me | null> {
  try {
    return await unwrap(api.GET('/api/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Call after log-in or sign-up: the answer already holds the user, so no refetch is needed. */
export function useSetSignedIn() {
  const queryClient = useQueryClient();
  return (user: Me) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    queryClient.setQueryData(meKey, user);
  };
}

export function FullPageLoader() {
  return (
    <Center h="60vh" role="status" aria-label="Loading">
      <Loader />
    </Center>
  );
}

/** Renders its children for a signed-in user; otherwise sends them to log in and back here after. */
export function RequireSignedIn({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children(me.data)}</>;
}

/** Pages for signed-out visitors (landing, log in, sign up) send a signed-in user to the dashboard. */
export function SignedOutOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  // Only someone who arrived signed in is sent away: a user who signs in on this page is already
  // being navigated to where they should go next, and must not be redirected on top of that.
  const arrivedSignedIn = useRef<boolean | null>(null);
  if (me.isPending) return <FullPageLoader />;
  arrivedSignedIn.current ??= Boolean(me.data);
  if (me.data && arrivedSignedIn.current) return <Navigate to="/dashboard" replace />;
  return <>{children}</>;
}

export function hasRole(me: Me | null | undefined, role: Role): boolean {
  return Boolean(me?.roles.includes(role));
}
