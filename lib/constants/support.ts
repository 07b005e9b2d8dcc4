/** Where a support session happens: the embedded widget, the portal, or the public help center. */
export const SUPPORT_SOURCES = ['widget', 'portal', 'help_center'] as const;
export type SupportSource = (typeof SUPPORT_SOURCES)[number];

/** What a support session did: the facts deflection is computed from. */
export const SUPPORT_ACTIVITY_KINDS = ['article_viewed', 'search', 'request_filed'] as const;
export type SupportActivityKind = (typeof SUPPORT_ACTIVITY_KINDS)[number];

/** A session that viewed an article and filed no request within this long counts as deflected. */
export const DEFLECTION_WINDOW_MINUTES = 30;
