/** Where the support button sits on the host page. */
export const WIDGET_POSITIONS = ['bottom-right', 'bottom-left'] as const;
export type WidgetPosition = (typeof WIDGET_POSITIONS)[number];

/** The parts of the panel an admin can switch on or off. */
export const WIDGET_PARTS = ['articles', 'contactForm', 'conversations'] as const;
export type WidgetPart = (typeof WIDGET_PARTS)[number];

export const DEFAULT_WIDGET_COLOR = '#4f46e5';
export const DEFAULT_WIDGET_GREETING = 'Hi! How can we help?';

/** A host may add this many context fields with Cairn.setContext; more are dropped, not an error. */
export const WIDGET_CONTEXT_MAX_FIELDS = 20;
/** Files per widget request, and the panel's message size. */
export const WIDGET_MAX_FILES = 5;

/** The messages the loader (host page) and the panel (iframe) exchange; both check the other's origin. */
export const WIDGET_MESSAGE_SOURCE = 'cairn-widget';
