import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../layout/app-layout.tsx';
import { FullPageLoader } from './session.tsx';

/** Each page is its own chunk, fetched when first visited. */
function page(load: () => Promise<{ default: ComponentType }>) {
  return async () => ({ Component: (await load()).default });
}

export const router = createBrowserRouter([
  {
    path: '/',
    Component: AppLayout,
    HydrateFallback: FullPageLoader,
    children: [
      { index: true, lazy: page(() => import('../pages/landing-page.tsx')) },
      { path: 'signup', lazy: page(() => import('../pages/signup-page.tsx')) },
      { path: 'login', lazy: page(() => import('../pages/login-page.tsx')) },
      { path: 'reset-password', lazy: page(() => import('../pages/reset-password-page.tsx')) },
      { path: 'dashboard', lazy: page(() => import('../pages/dashboard/dashboard-page.tsx')) },
      { path: 'settings', lazy: page(() => import('../pages/settings/settings-page.tsx')) },
      { path: 'profile/edit', lazy: page(() => import('../pages/profile-edit/edit-profile-page.tsx')) },
      { path: 'freelancers/:userId', lazy: page(() => import('../pages/freelancer-profile-page.tsx')) },
      { path: 'billing', lazy: page(() => import('../pages/billing/billing-page.tsx')) },
      { path: 'earnings', lazy: page(() => import('../pages/earnings/earnings-page.tsx')) },
      { path: 'clients/:userId', lazy: page(() => import('../pages/client-card-page.tsx')) },
      // Hiring: jobs, search, proposals, offers, messages, talent, Connects.
      { path: 'jobs', lazy: page(() => import('../pages/jobs/my-jobs-page.tsx')) },
      { path: 'jobs/new', lazy: page(() => import('../pages/jobs/post-job-page.tsx')) },
      { path: 'jobs/:jobId', lazy: page(() => import('../pages/jobs/job-page.tsx')) },
      { path: 'jobs/:jobId/edit', lazy: page(() => import('../pages/jobs/edit-job-page.tsx')) },
      { path: 'jobs/:jobId/proposals', lazy: page(() => import('../pages/jobs/job-page.tsx')) },
      { path: 'jobs/:jobId/proposals/:proposalId', lazy: page(() => import('../pages/jobs/job-proposal-page.tsx')) },
      { path: 'jobs/:jobId/apply', lazy: page(() => import('../pages/proposals/submit-proposal-page.tsx')) },
      { path: 'find-work', lazy: page(() => import('../pages/find-work/find-work-page.tsx')) },
      { path: 'proposals', lazy: page(() => import('../pages/proposals/my-proposals-page.tsx')) },
      { path: 'proposals/:proposalId', lazy: page(() => import('../pages/proposals/proposal-page.tsx')) },
      { path: 'offers/new', lazy: page(() => import('../pages/offers/send-offer-page.tsx')) },
      { path: 'offers/:offerId', lazy: page(() => import('../pages/offers/offer-page.tsx')) },
      { path: 'messages', lazy: page(() => import('../pages/messages/messages-page.tsx')) },
      { path: 'messages/:threadId', lazy: page(() => import('../pages/messages/messages-page.tsx')) },
      { path: 'talent', lazy: page(() => import('../pages/talent/talent-page.tsx')) },
      { path: 'connects', lazy: page(() => import('../pages/connects/connects-page.tsx')) },
      { path: 'contracts', lazy: page(() => import('../pages/contracts/contracts-page.tsx')) },
      { path: 'contracts/:id', lazy: page(() => import('../pages/contracts/workroom-page.tsx')) },
      { path: '*', lazy: page(() => import('../pages/not-found-page.tsx')) },
    ],
  },
]);
