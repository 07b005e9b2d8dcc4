/** The rating scales a workspace can choose for its satisfaction survey. */
export const CSAT_SCALES = ['five', 'good_bad'] as const;
export type CsatScale = (typeof CSAT_SCALES)[number];

/** 001's three optional follow-up questions; a workspace switches each on or off. */
export const CSAT_QUESTIONS = ['response_time', 'solution', 'team'] as const;
export type CsatQuestion = (typeof CSAT_QUESTIONS)[number];

export const CSAT_QUESTION_TEXT: Record<CsatQuestion, string> = {
  response_time: 'How satisfied were you with how quickly we responded?',
  solution: 'How well did our answer solve your problem?',
  team: 'How helpful and friendly was our team?',
};

/** Answers to follow-ups are on the same 1–5 scale, whatever the main scale is. */
export const CSAT_ANSWER_VALUES = [1, 2, 3, 4, 5] as const;

/**
 * Where a rating was given: the one-click mail link, the survey page it opens, the signed-in portal, or the
 * support widget's conversations (a verified visitor).
 */
export const CSAT_CHANNELS = ['mail_link', 'survey_page', 'portal', 'widget'] as const;
export type CsatChannel = (typeof CSAT_CHANNELS)[number];

/**
 * Ratings are stored normalised to 1..5: the good/bad scale records good = 5, bad = 1, so every score
 * (the dashboard's, the rules') reads one number. A rating at or below this counts as bad.
 */
export const CSAT_BAD_AT_MOST = 2;
export const CSAT_GOOD_BAD_VALUES = { good: 5, bad: 1 } as const;

export const CSAT_LINK_DAYS = { min: 1, max: 90, default: 14 } as const;
export const CSAT_COMMENT_MAX = 5_000;

/** The choices the scale offers, best first, each with its normalised rating. */
export function csatChoices(scale: CsatScale): Array<{ rating: number; label: string }> {
  if (scale === 'good_bad')
    return [
      { rating: CSAT_GOOD_BAD_VALUES.good, label: 'Good' },
      { rating: CSAT_GOOD_BAD_VALUES.bad, label: 'Bad' },
    ];
  return [
    { rating: 5, label: 'Excellent' },
    { rating: 4, label: 'Good' },
    { rating: 3, label: 'Okay' },
    { rating: 2, label: 'Poor' },
    { rating: 1, label: 'Very poor' },
  ];
}

/** Whether a normalised rating is one the scale can give (good/bad: only 5 and 1). */
export const isRatingOnScale = (scale: CsatScale, rating: number) =>
  csatChoices(scale).some((choice) => choice.rating === rating);

export const csatLabel = (scale: CsatScale, rating: number) =>
  csatChoices(scale).find((choice) => choice.rating === rating)?.label ?? `${rating}/5`;
