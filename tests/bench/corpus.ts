// Vocabulary for the seeded tickets. Message bodies draw words from three tiers with very different
// frequencies (a few common words, a middle band, a long tail), so full-text search sees the skew of
// real support mail: a rare term matches well under 1% of messages, a common one a large share.

export const SUBJECT_OPENERS = [
  'Cannot', 'Unable to', 'Question about', 'Problem with', 'Error when using', 'Help with', 'Issue with', 'Trouble with',
  'Urgent:', 'Follow-up on', 'Request:', 'How do I change', 'Not working:', 'Slow', 'Missing', 'Broken',
];

/** Subject topics; `refund` is the bench's "word in subjects" search term. */
export const SUBJECT_TOPICS = [
  'refund', 'invoice', 'login', 'password reset', 'export', 'dashboard', 'integration', 'webhook', 'billing address',
  'subscription', 'api key', 'mobile app', 'monthly report', 'shipping label', 'order status', 'team invite', 'calendar sync',
  'notifications', 'data import', 'custom domain', 'single sign-on', 'two-factor codes', 'receipt', 'discount code',
  'user permissions', 'search results', 'file upload', 'payment method', 'account deletion', 'trial extension',
];

export const SUBJECT_TAILS = [
  '', '', '', 'after the update', 'on Safari', 'for my team', 'since yesterday', 'again', 'on Android', 'in Firefox',
  'for our second workspace', 'this morning', 'after renewal', 'with large files', 'from the EU region',
];

export const COMMON_WORDS = [
  'please', 'thanks', 'account', 'issue', 'help', 'page', 'team', 'today', 'error', 'working', 'still', 'again',
  'customer', 'order', 'email', 'support', 'problem', 'update', 'settings', 'user', 'time', 'need', 'know', 'check',
  'looks', 'soon', 'client', 'screen', 'button', 'message', 'question', 'change', 'access', 'open', 'click', 'trying',
  'shows', 'seems', 'every', 'already', 'morning', 'yesterday', 'week', 'app', 'data', 'link', 'sent', 'received',
  'status', 'details',
];

/** `password` and `reset` sit here, so the phrase "password reset" needs its positions checked. */
export const MEDIUM_WORDS = [
  'password', 'reset', 'invoice', 'billing', 'payment', 'refunded', 'charged', 'subscription', 'renewal', 'upgrade',
  'downgrade', 'plan', 'export', 'import', 'report', 'dashboard', 'chart', 'filter', 'column', 'spreadsheet', 'download',
  'upload', 'attachment', 'document', 'folder', 'permission', 'admin', 'owner', 'member', 'invite', 'role', 'login',
  'logout', 'session', 'browser', 'chrome', 'safari', 'firefox', 'android', 'iphone', 'tablet', 'desktop', 'notification',
  'reminder', 'calendar', 'schedule', 'timezone', 'deadline', 'project', 'task', 'ticket', 'reply', 'thread', 'inbox',
  'forward', 'signature', 'template', 'domain', 'certificate', 'redirect', 'website', 'widget', 'embed', 'script', 'api',
  'token', 'webhook', 'endpoint', 'request', 'response', 'timeout', 'slow', 'loading', 'spinner', 'blank', 'crash',
  'freeze', 'restart', 'reinstall', 'version', 'release', 'changelog', 'feature', 'option', 'toggle', 'default', 'custom',
  'field', 'form', 'submit', 'validation', 'required', 'optional', 'address', 'phone', 'country', 'currency', 'tax',
  'vat', 'receipt', 'discount', 'coupon', 'trial', 'cancel', 'cancellation', 'contract', 'license', 'seat', 'quota',
  'limit', 'storage', 'backup', 'restore', 'history', 'audit', 'log', 'security', 'verification', 'code', 'sms',
  'authenticator', 'device', 'location', 'region', 'server', 'outage', 'incident', 'maintenance', 'migration', 'sync',
  'integration', 'connector', 'shopify', 'stripe', 'slack', 'zapier', 'salesforce', 'hubspot', 'mailchimp', 'google',
  'microsoft', 'calendar', 'contacts', 'duplicate', 'merge', 'delete', 'archive', 'search', 'results', 'sorting',
  'pagination', 'printing', 'label', 'shipping', 'delivery', 'tracking', 'warehouse', 'stock',
];

/** The long tail; `firmware` is the bench's "word only in bodies" search term. */
export const RARE_WORDS = [
  'firmware', 'checksum', 'latency', 'throttling', 'handshake', 'keychain', 'proxy', 'firewall', 'whitelist', 'subnet',
  'kerberos', 'ldap', 'saml', 'oauth', 'jwt', 'cors', 'csrf', 'captcha', 'cookie', 'cache', 'cdn', 'dns', 'mx', 'spf',
  'dkim', 'dmarc', 'bounce', 'spam', 'quarantine', 'encryption', 'decryption', 'passphrase', 'biometric', 'fingerprint',
  'barcode', 'scanner', 'printer', 'thermal', 'bluetooth', 'wifi', 'router', 'modem', 'ethernet', 'vpn', 'latitude',
  'longitude', 'geofence', 'odometer', 'telemetry', 'sensor', 'thermostat', 'humidity', 'voltage', 'battery', 'charger',
  'adapter', 'cable', 'hdmi', 'monitor', 'keyboard', 'trackpad', 'headset', 'microphone', 'webcam', 'speaker', 'volume',
  'echo', 'feedback', 'transcript', 'subtitle', 'caption', 'translation', 'locale', 'unicode', 'emoji', 'font', 'kerning',
  'ligature', 'watermark', 'thumbnail', 'resolution', 'pixel', 'retina', 'vector', 'raster', 'codec', 'bitrate',
  'framerate', 'buffering', 'playlist', 'podcast', 'livestream', 'webinar', 'recording', 'whiteboard', 'annotation',
  'highlighter', 'bookmark', 'shortcut', 'hotkey', 'macro', 'automation', 'trigger', 'cron', 'scheduler', 'queue',
  'worker', 'daemon', 'kernel', 'driver', 'bios', 'partition', 'filesystem', 'symlink', 'permissions', 'chmod', 'sudo',
  'terminal', 'shell', 'bash', 'powershell', 'registry', 'installer', 'msi', 'dmg', 'apk', 'sideload', 'jailbreak',
  'emulator', 'simulator', 'sandbox', 'staging', 'rollback', 'hotfix', 'patch', 'regression', 'flaky', 'deadlock',
  'mutex', 'semaphore', 'heap', 'stacktrace', 'segfault', 'overflow', 'underflow', 'rounding', 'decimal', 'precision',
  'leap', 'daylight', 'epoch', 'iso', 'csv', 'xml', 'yaml', 'json', 'parquet', 'xlsx', 'pdf', 'docx', 'zip', 'tarball',
  'gzip', 'compression', 'deduplication', 'reconciliation', 'ledger', 'payout', 'chargeback', 'dispute', 'escrow',
  'remittance', 'iban', 'swift', 'routing', 'ach', 'sepa', 'invoice-number', 'purchase-order', 'procurement', 'vendor',
  'onboarding', 'offboarding', 'payroll', 'timesheet', 'overtime', 'holiday', 'sabbatical', 'roster', 'shift', 'rota',
  'clinic', 'pharmacy', 'prescription', 'appointment', 'referral', 'insurance', 'claim', 'deductible', 'premium',
  'mortgage', 'lease', 'tenant', 'landlord', 'inspection', 'warranty', 'repair', 'replacement', 'spare', 'gasket',
  'valve', 'nozzle', 'filter-cartridge', 'compressor', 'turbine', 'propeller', 'drone', 'gimbal', 'tripod', 'lens',
  'aperture', 'shutter', 'exposure', 'histogram', 'saturation', 'gradient', 'palette', 'swatch', 'typeface', 'serif',
];

export const FIRST_NAMES = [
  'Ava', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonas', 'Kira', 'Liam', 'Maya', 'Noah',
  'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wes', 'Xenia', 'Yusuf', 'Zoe', 'Amara', 'Bruno',
  'Carmen', 'Dev', 'Emeka', 'Freya', 'Gustav', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lena', 'Mateo', 'Nadia',
];

export const LAST_NAMES = [
  'Smith', 'Garcia', 'Müller', 'Rossi', 'Dubois', 'Kowalski', 'Nguyen', 'Tanaka', 'Okafor', 'Silva', 'Jensen', 'Novak',
  'Haddad', 'Petrov', 'Kim', 'Singh', 'Cohen', 'Brown', 'Lopez', 'Andersson', 'Moreau', 'Fischer', 'Ivanova', 'Costa',
  'Yilmaz', 'Sato', 'Mensah', 'Walsh', 'Reyes', 'Horvat',
];

export const TAGS = ['billing', 'bug', 'feature-request', 'vip', 'login', 'export', 'mobile', 'integration', 'refund', 'onboarding', 'churn-risk', 'security'];

export const TEAM_NAMES = ['Tier 1', 'Billing', 'Engineering escalations'];

/** The search terms the bench measures, with what each one exercises. */
export const SEARCH_TERMS = [
  { label: 'word in subjects', query: 'refund' },
  { label: 'word only in bodies', query: 'firmware' },
  { label: 'two-word phrase', query: '"password reset"' },
] as const;

// Help-center articles: titles from an opener, a topic (the ticket subjects' topics, so readers search for
// what customers write about) and an optional tail; bodies from the same sentence pool as messages.

export const ARTICLE_OPENERS = [
  'How to set up', 'How to change', 'Troubleshoot', 'Understand', 'Fix problems with', 'Manage', 'About', 'Get started with',
  'Turn off', 'Set limits on', 'Share', 'Review', 'Automate', 'Update', 'Delete', 'Move',
];

export const ARTICLE_TAILS = [
  '', '', '', '', 'on Android', 'on iPhone', 'for teams', 'for admins', 'with single sign-on', 'in the mobile app',
  'for several workspaces', 'in the EU region', 'step by step', 'on the free plan', 'after an upgrade',
];

/** Generated categories; none shares a slug with the relevance set's (tests/fixtures/help-relevance.ts). */
export const ARTICLE_CATEGORIES = [
  { slug: 'getting-started', name: 'Getting started', icon: 'rocket' },
  { slug: 'account-settings', name: 'Account settings', icon: 'user' },
  { slug: 'plans-and-billing', name: 'Plans and billing', icon: 'credit-card' },
  { slug: 'orders-and-delivery', name: 'Orders and delivery', icon: 'book' },
  { slug: 'integrations-and-api', name: 'Integrations and API', icon: 'plug' },
  { slug: 'teams-and-permissions', name: 'Teams and permissions', icon: 'settings' },
  { slug: 'reports-and-exports', name: 'Reports and exports', icon: 'book' },
  { slug: 'security-and-privacy', name: 'Security and privacy', icon: 'shield' },
  { slug: 'troubleshooting-guides', name: 'Troubleshooting guides', icon: 'wrench' },
];

export const ARTICLE_SECTIONS = ['Basics', 'Advanced', 'Common questions'];

/**
 * The help-center searches the bench times, each exercising one path of search-articles.ts: title and
 * keyword hits, body-only hits, and, when no article holds every word, the typo and any-word fallback.
 */
export const HELP_SEARCH_TERMS = [
  { label: 'word in titles', query: 'refund' },
  { label: 'word only in bodies', query: 'firmware' },
  { label: 'two words', query: 'export dashboard' },
  { label: 'a whole question', query: 'how do I get my money back after cancelling' },
  { label: 'a typo', query: 'pasword reset' },
] as const;
