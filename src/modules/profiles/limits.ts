/** Input limits for profiles, shared by the request schemas and the `workroom verify` checks. */
export const limits = {
  nameMax: 100,
  titleMax: 120,
  overviewMax: 5000,
  cityMax: 100,
  companyMax: 120,
  clientDescriptionMax: 5000,
  // $3/h to $999/h: the marketplace's floor for an hourly rate, and a ceiling that catches typos
  // (a rate typed in cents twice) without limiting real senior consultants.
  hourlyRateMinCents: 300,
  hourlyRateMaxCents: 99_900,
  skillsMin: 1,
  skillsMax: 15,
  languagesMax: 10,
  languageNameMax: 50,
  portfolioItemsMax: 30,
  portfolioTitleMax: 120,
  portfolioDescriptionMax: 2000,
  urlMax: 2000,
} as const;

export const availabilities = ['full_time', 'part_time', 'as_needed', 'unavailable'] as const;
export type Availability = (typeof availabilities)[number];

export const proficiencies = ['basic', 'conversational', 'fluent', 'native'] as const;
