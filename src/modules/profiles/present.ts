import type { z } from 'zod';
import type { ClientProfile } from './client-profile.ts';
import type { FreelancerProfile, PortfolioItem } from './freelancer-profile.ts';
import type { PublicClient } from './get-public-client-card.ts';
import type { PublicFreelancer } from './get-public-freelancer-profile.ts';
import type {
  ClientProfileResponse,
  FreelancerProfileResponse,
  PortfolioItemResponse,
  PublicClientCardResponse,
  PublicFreelancerProfileResponse,
} from './schemas.ts';

export function presentPortfolioItem(item: PortfolioItem): z.input<typeof PortfolioItemResponse> {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    url: item.url,
    file: item.file,
  };
}

export function presentFreelancerProfile(profile: FreelancerProfile): z.input<typeof FreelancerProfileResponse> {
  return {
    userId: profile.userId,
    saved: profile.saved,
    name: profile.name,
    title: profile.title,
    overview: profile.overview,
    hourlyRateCents: profile.hourlyRateCents,
    currency: profile.currency,
    country: profile.country,
    city: profile.city,
    timeZone: profile.timeZone,
    availability: profile.availability,
    languages: profile.languages,
    skills: profile.skills,
    portfolio: profile.portfolio.map(presentPortfolioItem),
    updatedAt: profile.updatedAt?.toISOString() ?? null,
  };
}

/**
 * The public freelancer page. Later issues add sections here (work history, reviews, badges,
 * job success): load them in getPublicFreelancerProfile through their modules' exported
 * functions, add them to PublicFreelancer, and present them below.
 */
export function presentPublicFreelancer({
  profile,
  user,
}: PublicFreelancer): z.input<typeof PublicFreelancerProfileResponse> {
  return {
    userId: profile.userId,
    name: profile.name,
    title: profile.title,
    overview: profile.overview,
    hourlyRateCents: profile.hourlyRateCents,
    currency: profile.currency,
    location: { country: profile.country, city: profile.city },
    timeZone: profile.timeZone,
    availability: profile.availability,
    languages: profile.languages,
    skills: profile.skills,
    portfolio: profile.portfolio.map(presentPortfolioItem),
    memberSince: user.memberSince.toISOString(),
    lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
    // Later: workHistory, reviews, badges.
  };
}

export function presentClientProfile(profile: ClientProfile): z.input<typeof ClientProfileResponse> {
  return {
    userId: profile.userId,
    saved: profile.saved,
    name: profile.name,
    company: profile.company,
    description: profile.description,
    country: profile.country,
    city: profile.city,
    timeZone: profile.timeZone,
    updatedAt: profile.updatedAt?.toISOString() ?? null,
  };
}

/**
 * A client's public page: who they are and the trust signals a freelancer weighs (payment
 * verified, jobs posted, hire rate, total spent). Reviews join them the same way once they exist.
 */
export function presentPublicClientCard({
  profile,
  user,
  hiring,
}: PublicClient): z.input<typeof PublicClientCardResponse> {
  return {
    userId: profile.userId,
    name: profile.name,
    company: profile.company,
    description: profile.description,
    location: { country: profile.country, city: profile.city },
    timeZone: profile.timeZone,
    memberSince: user.memberSince.toISOString(),
    lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
    ...hiring,
  };
}
