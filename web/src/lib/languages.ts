/** Suggestions for the language field; people may type any other language. */
export const commonLanguages = [
  'English',
  'Spanish',
  'French',
  'German',
  'Portuguese',
  'Italian',
  'Dutch',
  'Polish',
  'Ukrainian',
  'Russian',
  'Turkish',
  'Arabic',
  'Hebrew',
  'Hindi',
  'Urdu',
  'Bengali',
  'Tamil',
  'Chinese (Mandarin)',
  'Chinese (Cantonese)',
  'Japanese',
  'Korean',
  'Vietnamese',
  'Thai',
  'Indonesian',
  'Malay',
  'Filipino',
  'Swahili',
  'Greek',
  'Swedish',
  'Norwegian',
  'Danish',
  'Finnish',
  'Czech',
  'Romanian',
  'Hungarian',
];

export const proficiencyLabels = {
  basic: 'Basic',
  conversational: 'Conversational',
  fluent: 'Fluent',
  native: 'Native or bilingual',
} as const;

export const availabilityLabels = {
  full_time: 'Full time (30+ hrs/week)',
  part_time: 'Part time (under 30 hrs/week)',
  as_needed: 'As needed',
  unavailable: 'Not available for new work',
} as const;

/** Short forms for badges on the public profile. */
export const availabilityBadges = {
  full_time: { label: 'Available full time', color: 'teal' },
  part_time: { label: 'Available part time', color: 'teal' },
  as_needed: { label: 'Available as needed', color: 'blue' },
  unavailable: { label: 'Not available', color: 'gray' },
} as const;

/** Currencies with cents (rates are stored in cents), most common first. */
export const rateCurrencies = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'INR',
  'BRL',
  'MXN',
];
