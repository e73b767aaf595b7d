import type { Me, Role } from '../app/session.tsx';

export interface NavItem {
  label: string;
  to: string;
  roles: Role[];
  /** Pages that later issues build stay out of the menu until they exist. */
  available: boolean;
}

export const navItems: NavItem[] = [
  { label: 'Dashboard', to: '/dashboard', roles: ['client', 'freelancer', 'operator'], available: true },
  { label: 'Jobs', to: '/jobs', roles: ['client'], available: true },
  { label: 'Find work', to: '/find-work', roles: ['freelancer'], available: true },
  { label: 'Proposals', to: '/proposals', roles: ['freelancer'], available: true },
  { label: 'Contracts', to: '/contracts', roles: ['client', 'freelancer'], available: true },
  { label: 'Talent', to: '/talent', roles: ['client'], available: true },
  { label: 'Billing', to: '/billing', roles: ['client'], available: true },
  { label: 'Earnings', to: '/earnings', roles: ['freelancer'], available: true },
  { label: 'Messages', to: '/messages', roles: ['client', 'freelancer'], available: true },
];

/** The navigation for this user: each item once, even for someone who is both client and freelancer. */
export function navFor(me: Me): NavItem[] {
  return navItems.filter((item) => item.available && item.roles.some((role) => me.roles.includes(role)));
}
