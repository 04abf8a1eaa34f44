/**
 * The reasons the SMART app offers for "not useful". The service accepts only these: a reason is counted in the
 * analytics by its text, so free text there could carry a patient's details into an administrator's report.
 */
export const NOT_USEFUL_REASONS = [
  'Not relevant to this patient',
  'Already addressed',
  'Disagree with the evidence',
  'Information is out of date',
  'Too many alerts like this',
] as const;

export type NotUsefulReason = (typeof NOT_USEFUL_REASONS)[number];
