import { z } from 'zod';

export const updateTriageSettingsInput = z.strictObject({
  threshold: z
    .number()
    .min(0.3, { message: 'Use a confidence threshold between 30% and 99%.' })
    .max(0.99, { message: 'Use a confidence threshold between 30% and 99%.' }),
  kbNoteEnabled: z.boolean(),
});

export const triageSuggestionInput = z.strictObject({ ticketId: z.uuid() });

export const acceptTriageSuggestionInput = z.strictObject({
  ticketId: z.uuid(),
  /** Accept only part of it: the agent may take the category and leave the priority. */
  category: z.boolean().default(true),
  priority: z.boolean().default(true),
});
