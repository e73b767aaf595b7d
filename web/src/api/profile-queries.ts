import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type { ResponseOf } from './types.ts';

export type FreelancerProfile = ResponseOf<'/api/profiles/freelancer/me', 'get'>;
export type ClientProfile = ResponseOf<'/api/profiles/client/me', 'get'>;
export type PublicFreelancerProfile = ResponseOf<'/api/freelancers/{userId}', 'get'>;
export type PublicClientCard = ResponseOf<'/api/clients/{userId}', 'get'>;
export type Taxonomy = ResponseOf<'/api/taxonomy', 'get'>;
export type PortfolioItem = FreelancerProfile['portfolio'][number];

export const profileKeys = {
  ownFreelancer: ['profiles', 'freelancer', 'me'] as const,
  ownClient: ['profiles', 'client', 'me'] as const,
  publicFreelancer: (userId: string) => ['profiles', 'freelancer', userId] as const,
  publicClient: (userId: string) => ['profiles', 'client', userId] as const,
  taxonomy: ['taxonomy'] as const,
};

export function useOwnFreelancerProfile(enabled = true) {
  return useQuery({
    queryKey: profileKeys.ownFreelancer,
    queryFn: () => unwrap(api.GET('/api/profiles/freelancer/me')),
    enabled,
  });
}

export function useOwnClientProfile(enabled = true) {
  return useQuery({
    queryKey: profileKeys.ownClient,
    queryFn: () => unwrap(api.GET('/api/profiles/client/me')),
    enabled,
  });
}

export function useTaxonomy() {
  return useQuery({
    queryKey: profileKeys.taxonomy,
    queryFn: () => unwrap(api.GET('/api/taxonomy')),
    // The taxonomy changes only with a release.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
