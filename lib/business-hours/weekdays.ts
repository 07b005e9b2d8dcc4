/** Index 0 = Sunday, matching Date#getUTCDay and the calendar's `weekly` array. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
