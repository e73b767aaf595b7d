import type { z } from 'zod';
import type { CreateJobRequest } from './schemas.ts';

type JobInput = Omit<z.input<typeof CreateJobRequest>, 'categoryId' | 'skillIds' | 'publish'>;

/** A demo job: which demo client posts it (by index), its taxonomy slugs, and where it ends up. */
export interface DemoJob extends JobInput {
  client: number;
  category: string;
  skills: string[];
  /** draft: saved only; open: published; cancelled: published, then closed with `cancelNote`. */
  outcome: 'draft' | 'open' | 'cancelled';
  cancelNote?: string;
  /** Demo freelancers (by index) invited to it. */
  invite?: number[];
}

const hourly = (min: number, max: number, hoursPerWeek: number, duration: JobInput['duration']) => ({
  type: 'hourly' as const,
  hourlyMinCents: min * 100,
  hourlyMaxCents: max * 100,
  hoursPerWeek,
  duration,
});
const fixed = (dollars: number) => ({ type: 'fixed' as const, budgetCents: dollars * 100 });
const done = (title: string, acceptanceCriteria: string) => ({ title, acceptanceCriteria });

export const demoJobs: DemoJob[] = [
  {
    client: 0,
    outcome: 'open',
    title: 'React dashboard for our shipment tracking SaaS',
    description:
      'We track 40,000 parcels a day and our customers see them in a jQuery page that takes nine seconds to load. We want a React + TypeScript dashboard: a map, a virtualised table with filters, and a detail drawer.\n\nIn scope: the front end, its unit tests, and wiring it to our existing REST API.\nOut of scope: back-end changes, design (Figma files are ready), and mobile.',
    deliverables: [
      done(
        'Dashboard page',
        'Loads 10,000 shipments in under 1.5 s on a mid-range laptop; filters by status and date.',
      ),
      done('Detail drawer', 'Shows the full event history of a shipment, matching the Figma design.'),
      done('Tests and hand-over', 'Unit tests for the table logic pass in CI; a README explains the structure.'),
    ],
    category: 'web-mobile-software-dev',
    skills: ['react', 'typescript', 'rest-api-development', 'test-automation'],
    ...hourly(50, 90, 30, '1_to_3_months'),
    experienceLevel: 'expert',
    screeningQuestions: [
      'Link a dashboard you built that handles large tables.',
      'How do you approach virtualised lists?',
    ],
  },
  {
    client: 0,
    outcome: 'open',
    title: 'Node.js developer to add webhooks to our public API',
    description:
      'Customers want to be told when a shipment changes state instead of polling. Add signed webhooks with retries and a delivery log to our Node.js (Fastify) API on PostgreSQL.\n\nIn scope: subscription endpoints, signing, retry with backoff, delivery log, docs.\nOut of scope: the customer-facing UI for managing webhooks.',
    deliverables: [
      done(
        'Webhook delivery',
        'Events are delivered with an HMAC signature and retried with exponential backoff for 24 hours.',
      ),
      done('Documentation', 'The public API docs describe events, payloads and how to verify signatures.'),
    ],
    category: 'web-mobile-software-dev',
    skills: ['nodejs', 'typescript', 'postgresql', 'rest-api-development'],
    ...fixed(3500),
    experienceLevel: 'intermediate',
  },
  {
    client: 0,
    outcome: 'open',
    visibility: 'invite_only',
    invite: [5],
    title: 'Move our staging environment to Kubernetes with Terraform',
    description:
      'Our staging runs on three hand-built VMs. We want it on a managed Kubernetes cluster (AWS EKS), described in Terraform, deployed by our GitHub Actions pipeline.\n\nIn scope: the cluster, Terraform modules, Helm charts for our four services, CI deploys.\nOut of scope: production, which we move later with what we learn here.',
    deliverables: [
      done('Terraform modules', 'terraform plan on a clean account creates the cluster, networking and databases.'),
      done('CI deploys', 'A merge to main deploys all four services to staging without manual steps.'),
    ],
    category: 'it-networking',
    skills: ['kubernetes', 'terraform', 'aws', 'ci-cd', 'docker'],
    ...hourly(60, 110, 20, '1_to_3_months'),
    experienceLevel: 'expert',
  },
  {
    client: 0,
    outcome: 'cancelled',
    cancelNote: 'We decided to build the integration in-house after all.',
    title: 'Integrate our warehouse system with Shopify',
    description:
      'Sync orders from Shopify into our warehouse system and push tracking numbers back. About 300 orders a day across two stores.\n\nIn scope: the sync service and its monitoring. Out of scope: changes to the warehouse system itself.',
    deliverables: [done('Order sync', 'New Shopify orders appear in the warehouse system within two minutes.')],
    category: 'web-mobile-software-dev',
    skills: ['shopify', 'nodejs', 'rest-api-development'],
    ...fixed(1800),
    experienceLevel: 'intermediate',
  },
  {
    client: 0,
    outcome: 'draft',
    title: 'QA engineer to write end-to-end tests for our web app',
    description:
      'We want Playwright tests covering sign-up, creating a shipment and the dashboard. The tests must run in CI in under ten minutes.\n\nIn scope: the test suite and CI job. Out of scope: fixing the bugs the tests find.',
    deliverables: [done('E2E suite', 'Twenty scenarios run green in CI in under ten minutes.')],
    category: 'web-mobile-software-dev',
    skills: ['test-automation', 'qa-testing', 'typescript'],
    ...fixed(1200),
    experienceLevel: 'intermediate',
  },
  {
    client: 1,
    outcome: 'open',
    title: 'Logo and brand identity for a specialty coffee roaster',
    description:
      'We are opening our own roastery in Lagos and need a logo, a colour palette and a short brand guide we can hand to our packaging printer.\n\nIn scope: logo (wordmark and icon), palette, typography, a 10-page guide.\nOut of scope: packaging design itself and the website.',
    deliverables: [
      done('Logo', 'Two concepts, then one refined logo in SVG, PNG and a one-colour version for stamps.'),
      done('Brand guide', 'A PDF of about ten pages covering logo use, colours and typefaces.'),
    ],
    category: 'design-creative',
    skills: ['logo-design', 'brand-identity-design', 'adobe-illustrator'],
    ...fixed(1500),
    experienceLevel: 'intermediate',
    screeningQuestions: ['Share two identities you designed for food or drink brands.'],
  },
  {
    client: 1,
    outcome: 'open',
    title: 'Packaging design for three coffee bag sizes',
    description:
      'Using our new brand guide, design the print-ready artwork for 250 g, 500 g and 1 kg coffee bags, with space for a roast-date stamp.\n\nIn scope: artwork for the three sizes, printer-ready files. Out of scope: the logo (done) and photography.',
    deliverables: [done('Print-ready artwork', 'Files pass the printer’s pre-flight check for all three bag sizes.')],
    category: 'design-creative',
    skills: ['packaging-design', 'adobe-illustrator', 'graphic-design'],
    ...fixed(900),
    experienceLevel: 'intermediate',
  },
  {
    client: 1,
    outcome: 'open',
    title: 'Blog writer for coffee origin stories (4 articles a month)',
    description:
      'We want monthly articles about the farms we buy from: the region, the process, the people. Research comes from our buyer’s notes and calls.\n\nIn scope: four 1,200-word articles a month, SEO titles and meta descriptions.\nOut of scope: social media posts and photography.',
    deliverables: [done('Monthly articles', 'Four articles of about 1,200 words each, edited and ready to publish.')],
    category: 'writing',
    skills: ['blog-writing', 'content-writing', 'seo'],
    ...hourly(25, 45, 10, 'more_than_6_months'),
    experienceLevel: 'intermediate',
  },
  {
    client: 1,
    outcome: 'open',
    title: 'Flutter app for coffee subscription customers',
    description:
      'Our subscribers manage deliveries by email today. We want an iOS and Android app where they can pause, skip or change their coffee, backed by our existing API.\n\nIn scope: the Flutter app, store submission. Out of scope: API changes beyond two small endpoints.',
    deliverables: [
      done('App in both stores', 'The app passes App Store and Play Store review and supports pause, skip and change.'),
      done('Source and build notes', 'A new developer can build and release the app from the README.'),
    ],
    category: 'web-mobile-software-dev',
    skills: ['flutter', 'ios-development', 'android-development'],
    ...fixed(9000),
    experienceLevel: 'expert',
  },
  {
    client: 1,
    outcome: 'cancelled',
    cancelNote: 'Our shop platform now includes this report, so we no longer need it.',
    title: 'Monthly sales report from our Shopify and wholesale data',
    description:
      'Combine Shopify exports and our wholesale spreadsheet into one monthly report of revenue by product and channel.\n\nIn scope: the report template and how to refresh it. Out of scope: a live dashboard.',
    deliverables: [done('Report template', 'Refreshing it with a new month takes under ten minutes.')],
    category: 'data-science-analytics',
    skills: ['data-analysis', 'microsoft-excel', 'data-visualization'],
    ...fixed(400),
    experienceLevel: 'entry',
  },
  {
    client: 2,
    outcome: 'open',
    title: 'Demand forecasting model for 1,200 retail products',
    description:
      'We run twelve hardware stores in Sweden and overstock slow items while running out of fast ones. Build a weekly demand forecast per product and store from three years of sales.\n\nIn scope: the model, a backtest report, and a weekly batch job writing forecasts to PostgreSQL.\nOut of scope: the ordering system that will use the forecasts.',
    deliverables: [
      done('Backtest report', 'Shows forecast error per product group against a naive baseline for the last 52 weeks.'),
      done(
        'Weekly batch job',
        'Runs on our server every Monday and writes next week’s forecast for every product and store.',
      ),
    ],
    category: 'data-science-analytics',
    skills: ['machine-learning', 'python', 'pandas', 'statistics', 'sql'],
    ...hourly(45, 85, 25, '3_to_6_months'),
    experienceLevel: 'expert',
    screeningQuestions: ['Which forecasting methods would you try first, and why?'],
  },
  {
    client: 2,
    outcome: 'open',
    title: 'Power BI dashboard for store managers',
    description:
      'Store managers need one page each morning: yesterday’s sales, margin, stock-outs and the top movers, from our SQL Server data warehouse.\n\nIn scope: the Power BI report, row-level security per store. Out of scope: changes to the warehouse.',
    deliverables: [done('Power BI report', 'Each manager sees only their store; it refreshes before 7:00 every day.')],
    category: 'data-science-analytics',
    skills: ['power-bi', 'sql', 'data-visualization'],
    ...fixed(2400),
    experienceLevel: 'intermediate',
  },
  {
    client: 2,
    outcome: 'open',
    title: 'Translate our product catalogue from Swedish to English',
    description:
      'About 1,200 short product descriptions (40 to 80 words each) for our new English web shop. Tools and hardware vocabulary; a glossary is provided.\n\nIn scope: translation and one review round. Out of scope: product photos and SEO.',
    deliverables: [
      done(
        'Translated catalogue',
        'All descriptions translated in the provided spreadsheet, glossary terms used consistently.',
      ),
    ],
    category: 'translation',
    skills: ['english-translation', 'localization', 'technical-translation'],
    ...fixed(2000),
    experienceLevel: 'intermediate',
  },
  {
    client: 2,
    outcome: 'open',
    visibility: 'invite_only',
    invite: [7],
    title: 'Bookkeeping for our new e-commerce company',
    description:
      'We opened an online shop this year and need monthly bookkeeping in Xero: bank reconciliation, supplier invoices, VAT reports.\n\nIn scope: monthly bookkeeping and VAT returns. Out of scope: the annual report, which our auditor prepares.',
    deliverables: [done('Monthly close', 'Bank accounts reconciled and VAT report ready by the 10th of each month.')],
    category: 'accounting-consulting',
    skills: ['bookkeeping', 'xero', 'accounts-payable'],
    ...hourly(30, 50, 8, 'more_than_6_months'),
    experienceLevel: 'intermediate',
  },
  {
    client: 2,
    outcome: 'open',
    title: 'Google Ads campaigns for our spring garden range',
    description:
      'Set up and run search and shopping campaigns for our garden products for March to May, with a monthly budget of 40,000 SEK.\n\nIn scope: campaign set-up, weekly optimisation, a monthly report. Out of scope: landing pages.',
    deliverables: [
      done(
        'Campaigns live',
        'Search and shopping campaigns run with conversion tracking verified in Google Analytics.',
      ),
    ],
    category: 'sales-marketing',
    skills: ['google-ads', 'sem', 'google-analytics'],
    ...hourly(35, 60, 10, '1_to_3_months'),
    experienceLevel: 'intermediate',
  },
  {
    client: 2,
    outcome: 'open',
    title: 'Virtual assistant for supplier emails and order entry',
    description:
      'Answer routine supplier emails, enter purchase orders into our system and keep the delivery calendar up to date, in English and ideally Swedish.\n\nIn scope: email handling, order entry, calendar. Out of scope: negotiating prices.',
    deliverables: [
      done('Daily handling', 'Supplier emails answered within one working day; orders entered the same day.'),
    ],
    category: 'admin-support',
    skills: ['virtual-assistance', 'email-management', 'data-entry', 'order-processing'],
    ...hourly(8, 15, 20, 'more_than_6_months'),
    experienceLevel: 'entry',
  },
  {
    client: 2,
    outcome: 'cancelled',
    cancelNote: 'We postponed the new shop opening to next year.',
    title: 'Interior design concept for a new store in Uppsala',
    description:
      'A concept for a 600 m² hardware store: layout, shelving plan and a few renderings for the landlord.\n\nIn scope: layout, shelving plan, three renderings. Out of scope: construction drawings.',
    deliverables: [
      done('Concept pack', 'Layout, shelving plan and three renderings delivered as PDF and source files.'),
    ],
    category: 'engineering-architecture',
    skills: ['interior-design', '3d-rendering', 'autocad'],
    ...fixed(3000),
    experienceLevel: 'expert',
  },
  {
    client: 0,
    outcome: 'open',
    title: 'Technical writer for our API documentation',
    description:
      'Our API reference is generated from OpenAPI but there are no guides. Write a getting-started guide, three task guides and an errors page.\n\nIn scope: five guides in Markdown, reviewed with our engineers. Out of scope: the API reference itself.',
    deliverables: [
      done('Five guides', 'A new developer can create and track a shipment by following the guides alone.'),
    ],
    category: 'writing',
    skills: ['technical-writing', 'rest-api-development'],
    ...fixed(1600),
    experienceLevel: 'intermediate',
  },
  {
    client: 1,
    outcome: 'open',
    title: 'Customer support agent for our online coffee shop (live chat)',
    description:
      'Handle live chat and email for our web shop during European mornings: orders, subscriptions, brewing questions. We use Intercom.\n\nIn scope: chat and email support, weekly summary of common questions. Out of scope: refunds above 50 USD, which we approve.',
    deliverables: [
      done(
        'Support coverage',
        'Chats answered within two minutes and emails within four hours on weekdays 8:00 to 12:00 CET.',
      ),
    ],
    category: 'customer-service',
    skills: ['live-chat-support', 'intercom', 'customer-support'],
    ...hourly(10, 18, 20, '3_to_6_months'),
    experienceLevel: 'entry',
  },
  {
    client: 2,
    outcome: 'open',
    title: 'Review our supplier contract template (Swedish law)',
    description:
      'We have a supplier agreement template we use with about forty suppliers. Review it for risks in delivery terms, liability and termination, and suggest changes.\n\nIn scope: written review and a marked-up template. Out of scope: negotiating with suppliers.',
    deliverables: [
      done('Marked-up template', 'Every suggested change explained in a comment, with the risk it addresses.'),
    ],
    category: 'legal',
    skills: ['contract-review', 'business-law'],
    ...fixed(800),
    experienceLevel: 'expert',
  },
];

/** The saved search the demo gives the first demo freelancer (a React developer). */
export const demoSavedSearch = {
  name: 'React and TypeScript, hourly',
  query: { q: 'react typescript', type: 'hourly' },
};
