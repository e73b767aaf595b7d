import type { z } from 'zod';
import type { AddPortfolioItemRequest, SaveClientProfileRequest, SaveFreelancerProfileRequest } from './schemas.ts';

type FreelancerDemo = Omit<z.input<typeof SaveFreelancerProfileRequest>, 'name' | 'skillIds'> & {
  skills: string[];
  portfolio: z.input<typeof AddPortfolioItemRequest>[];
};
type ClientDemo = Omit<z.input<typeof SaveClientProfileRequest>, 'name'>;

/** Demo freelancer profiles, matched in order to the accounts demo step's freelancers. */
export const demoFreelancers: FreelancerDemo[] = [
  {
    title: 'Senior React & TypeScript engineer for SaaS dashboards',
    overview:
      'I build fast, accessible web applications with React, TypeScript and Node.js. Over the last eight years I have shipped analytics dashboards, billing portals and internal tools for B2B SaaS companies.\n\nI care about clean component APIs, good tests and honest estimates. I usually work in two-week milestones with a demo at the end of each one.',
    hourlyRateCents: 8500,
    currency: 'USD',
    country: 'IN',
    city: 'Bengaluru',
    timeZone: 'Asia/Kolkata',
    availability: 'full_time',
    languages: [
      { language: 'English', proficiency: 'fluent' },
      { language: 'Tamil', proficiency: 'native' },
      { language: 'Hindi', proficiency: 'conversational' },
    ],
    skills: ['react', 'typescript', 'nodejs', 'nextjs', 'graphql', 'postgresql', 'test-automation'],
    portfolio: [
      {
        title: 'Usage analytics dashboard for a logistics SaaS',
        description:
          'Rebuilt a slow jQuery dashboard in React with virtualised tables; page load went from 9 s to 1.2 s.',
        url: 'https://github.com/priya-raman/fleet-insights',
      },
      {
        title: 'Subscription billing portal',
        description: 'Customer self-service for plan changes, invoices and card updates, integrated with Stripe.',
        url: 'https://priyaraman.dev/work/billing-portal',
      },
    ],
  },
  {
    title: 'Brand identity and logo designer',
    overview:
      'I help young companies look as good as their product. My work covers logos, colour systems, typography and brand guidelines that a team can actually follow.\n\nBased in Prague, I have worked with coffee roasters, fintech start-ups and a national museum. Every project starts with a short discovery call and a mood board.',
    hourlyRateCents: 6000,
    currency: 'EUR',
    country: 'CZ',
    city: 'Prague',
    timeZone: 'Europe/Prague',
    availability: 'part_time',
    languages: [
      { language: 'Czech', proficiency: 'native' },
      { language: 'English', proficiency: 'fluent' },
      { language: 'German', proficiency: 'conversational' },
    ],
    skills: [
      'logo-design',
      'brand-identity-design',
      'adobe-illustrator',
      'graphic-design',
      'figma',
      'packaging-design',
    ],
    portfolio: [
      {
        title: 'Rebrand for a specialty coffee roaster',
        description: 'Logo, packaging and a 40-page brand book for Pražírna Vltava.',
        url: 'https://www.behance.net/tomasnovak/coffee-roaster',
      },
      {
        title: 'Identity for a fintech savings app',
        description: 'Wordmark, icon set and motion guidelines used across the app and marketing site.',
        url: 'https://dribbble.com/tomasnovak/savings-app',
      },
      {
        title: 'Exhibition graphics',
        description: 'Wayfinding and poster series for a temporary exhibition on Art Nouveau.',
        url: 'https://tomasnovak.cz/exhibition',
      },
    ],
  },
  {
    title: 'B2B content writer and SEO strategist',
    overview:
      'I write long-form articles, case studies and landing pages for software companies that want organic traffic that converts. My background is in journalism, so I interview your experts and turn their knowledge into clear, well-sourced content.\n\nClients typically see search traffic grow within three to six months. I deliver drafts in Google Docs with keyword notes and meta descriptions.',
    hourlyRateCents: 5500,
    currency: 'USD',
    country: 'NG',
    city: 'Lagos',
    timeZone: 'Africa/Lagos',
    availability: 'full_time',
    languages: [
      { language: 'English', proficiency: 'native' },
      { language: 'Yoruba', proficiency: 'native' },
      { language: 'French', proficiency: 'basic' },
    ],
    skills: ['content-writing', 'seo', 'blog-writing', 'copywriting', 'content-marketing', 'editing'],
    portfolio: [
      {
        title: 'Case study series for a DevOps platform',
        description: 'Six customer stories based on interviews with engineering leads.',
        url: 'https://amaraokafor.com/portfolio/devops-case-studies',
      },
    ],
  },
  {
    title: 'Flutter & React Native mobile developer',
    overview:
      'I design and build cross-platform mobile apps from first prototype to App Store release. I have published 14 apps, including a fitness tracker with 200k downloads.\n\nI work closely with designers, write automated tests for critical flows and set up CI so that every build can be shipped.',
    hourlyRateCents: 7000,
    currency: 'USD',
    country: 'BR',
    city: 'São Paulo',
    timeZone: 'America/Sao_Paulo',
    availability: 'full_time',
    languages: [
      { language: 'Portuguese', proficiency: 'native' },
      { language: 'English', proficiency: 'fluent' },
      { language: 'Spanish', proficiency: 'conversational' },
    ],
    skills: ['flutter', 'react-native', 'android-development', 'ios-development', 'kotlin', 'swift', 'ci-cd'],
    portfolio: [
      {
        title: 'FitStreak workout tracker',
        description: 'Flutter app with offline sync and Apple Health / Google Fit integration.',
        url: 'https://apps.apple.com/app/fitstreak/id1234567890',
      },
      {
        title: 'Field inspection app',
        description: 'React Native app for building inspectors with photo annotation and PDF reports.',
        url: 'https://lucasferreira.dev/projects/inspections',
      },
    ],
  },
  {
    title: 'Data scientist: forecasting, dashboards and machine learning',
    overview:
      'I turn messy business data into forecasts and dashboards that people use. I have worked on demand forecasting for retailers, churn models for subscription businesses and experimentation platforms.\n\nMy usual stack is Python, pandas, scikit-learn and SQL, with results delivered in Power BI or Tableau. I explain models in plain language.',
    hourlyRateCents: 9500,
    currency: 'USD',
    country: 'JP',
    city: 'Osaka',
    timeZone: 'Asia/Tokyo',
    availability: 'part_time',
    languages: [
      { language: 'Japanese', proficiency: 'native' },
      { language: 'English', proficiency: 'fluent' },
    ],
    skills: ['data-analysis', 'machine-learning', 'python', 'sql', 'pandas', 'power-bi', 'statistics', 'a-b-testing'],
    portfolio: [
      {
        title: 'Demand forecasting for a grocery chain',
        description: 'Gradient-boosted models per store and product family; forecast error down 23%.',
        url: 'https://github.com/mei-tanaka/demand-forecasting',
      },
      {
        title: 'Churn early-warning dashboard',
        description: 'Power BI dashboard fed by a weekly churn model for a SaaS customer success team.',
        url: 'https://meitanaka.jp/work/churn',
      },
    ],
  },
  {
    title: 'DevOps engineer: AWS, Kubernetes and Terraform',
    overview:
      'I help teams move from hand-built servers to reproducible infrastructure. I set up Kubernetes clusters, Terraform modules, CI/CD pipelines and monitoring, and I leave behind documentation so your team can run it.\n\nCertified AWS Solutions Architect. Happy to take on audits of existing cloud setups and cost reviews.',
    hourlyRateCents: 11000,
    currency: 'EUR',
    country: 'DE',
    city: 'Berlin',
    timeZone: 'Europe/Berlin',
    availability: 'as_needed',
    languages: [
      { language: 'German', proficiency: 'native' },
      { language: 'English', proficiency: 'fluent' },
    ],
    skills: ['devops', 'aws', 'kubernetes', 'terraform', 'docker', 'ci-cd', 'linux-system-administration'],
    portfolio: [
      {
        title: 'Kubernetes migration for an e-commerce platform',
        description: 'Moved 30 services from EC2 to EKS with zero-downtime deploys and 35% lower cost.',
        url: 'https://jonasweber.de/case-studies/eks-migration',
      },
    ],
  },
  {
    title: 'Russian and English translator, legal and technical',
    overview:
      'Certified translator with ten years of experience in contracts, patents and software localisation between Russian, English and Bulgarian.\n\nI work with CAT tools and keep glossaries per client, so terminology stays consistent across projects. Sworn translations are available on request.',
    hourlyRateCents: 4000,
    currency: 'EUR',
    country: 'BG',
    city: 'Sofia',
    timeZone: 'Europe/Sofia',
    availability: 'full_time',
    languages: [
      { language: 'Russian', proficiency: 'native' },
      { language: 'Bulgarian', proficiency: 'native' },
      { language: 'English', proficiency: 'fluent' },
    ],
    skills: [
      'russian-translation',
      'english-translation',
      'legal-translation',
      'technical-translation',
      'localization',
    ],
    portfolio: [
      {
        title: 'Localisation of a project management app',
        description: 'About 18,000 strings translated into Russian and Bulgarian, with in-context review.',
        url: 'https://elenapetrova.eu/localisation',
      },
      {
        title: 'Patent translation sample',
        description: 'An anonymised excerpt of a Russian to English patent translation.',
        url: 'https://elenapetrova.eu/samples/patent',
      },
    ],
  },
  {
    title: 'Bookkeeper and QuickBooks specialist for small businesses',
    overview:
      'I keep the books of small businesses and start-ups clean, reconciled and ready for tax season. I handle monthly close, payroll and accounts payable, and I set up QuickBooks or Xero properly from the start.\n\nYou get a short monthly report explaining cash flow in plain language.',
    hourlyRateCents: 3500,
    currency: 'USD',
    country: 'MX',
    city: 'Guadalajara',
    timeZone: 'America/Mexico_City',
    availability: 'part_time',
    languages: [
      { language: 'Spanish', proficiency: 'native' },
      { language: 'English', proficiency: 'fluent' },
    ],
    skills: ['bookkeeping', 'quickbooks', 'xero', 'accounts-payable', 'payroll', 'microsoft-excel'],
    portfolio: [
      {
        title: 'Monthly close checklist template',
        description: 'The checklist I use with every client, shared as a Google Sheet.',
        url: 'https://diegoalvarez.mx/recursos/monthly-close',
      },
    ],
  },
];

/** Demo client profiles, matched in order to the accounts demo step's clients. */
export const demoClients: ClientDemo[] = [
  {
    company: 'Northwind Logistics GmbH',
    description:
      'Northwind Logistics runs temperature-controlled freight across Central Europe. Our product team hires freelancers for web development, data work and design sprints.',
    country: 'DE',
    city: 'Hamburg',
    timeZone: 'Europe/Berlin',
  },
  {
    company: 'Brightpath Learning',
    description:
      'Brightpath builds online courses for nurses and care workers. We regularly look for writers, video editors and mobile developers who care about accessibility.',
    country: 'GB',
    city: 'Manchester',
    timeZone: 'Europe/London',
  },
  {
    company: 'Fjord & Pine Studio',
    description:
      'A small Scandinavian furniture brand selling online. We work with freelance designers, photographers and marketers on product launches.',
    country: 'SE',
    city: 'Stockholm',
    timeZone: 'Europe/Stockholm',
  },
];
