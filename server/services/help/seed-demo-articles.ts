import type { ArticleFieldsInput } from '@/lib/validators/help';
import type { CategoryIcon } from '@/lib/constants/help';
import type { StaffScope } from '@/server/services/types';
import { saveArticleCategory, saveArticleSection } from './article-categories';
import { setArticleStatus } from './change-article-status';
import { createArticle } from './save-article';

type DemoArticle = Pick<ArticleFieldsInput, 'title' | 'slug' | 'bodyMarkdown' | 'excerpt' | 'keywords' | 'tags'> & {
  visibility?: ArticleFieldsInput['visibility'];
};

// The help center of "Acme", the fictional product of the demo workspace: real answers to the questions its
// tickets ask (sign-in, billing, exports, API keys), so search, categories and suggestions have something
// to show. One internal article shows what customers never see.
const DEMO: Array<{
  category: { slug: string; name: string; description: string; icon: CategoryIcon };
  sections: Array<{ name: string; articles: DemoArticle[] }>;
}> = [
  {
    category: {
      slug: 'account',
      name: 'Your account',
      description: 'Signing in, security and your team.',
      icon: 'user',
    },
    sections: [
      {
        name: 'Signing in',
        articles: [
          {
            title: 'Reset your password',
            slug: 'reset-your-password',
            excerpt: 'Forgot your password? Get a reset link by email in a minute.',
            keywords: 'forgot password, locked out, cannot log in, login',
            tags: ['login'],
            bodyMarkdown:
              '1. Open the sign-in page and choose **Forgot password**.\n2. Enter the email address of your account.\n3. Open the link we email you (it works for 30 minutes) and pick a new password.\n\nNo email after a few minutes? Check your spam folder, or [contact us](/acme/portal/new).',
          },
          {
            title: 'Turn on two-factor authentication',
            slug: 'two-factor-authentication',
            excerpt: 'Add a one-time code to your sign-in.',
            keywords: '2fa, mfa, security, authenticator',
            tags: ['login', 'security'],
            bodyMarkdown:
              'Go to **Settings → Security** and choose **Turn on two-factor**. Scan the code with an authenticator app and type the six digits it shows.\n\nKeep the ten **recovery codes** somewhere safe: each one works once if you lose your phone.',
          },
          {
            title: 'Sign in with a link instead of a password',
            slug: 'sign-in-with-email-link',
            excerpt: 'Get a one-time sign-in link by email.',
            keywords: 'magic link, email link, passwordless',
            tags: ['login'],
            bodyMarkdown:
              'On the sign-in page choose **Email me a link**. The link signs you in once and expires after 20 minutes.\n\nOpen it on the device you want to use: a link opened on your phone signs in your phone, not your laptop.',
          },
        ],
      },
      {
        name: 'Your team',
        articles: [
          {
            title: 'Invite teammates and choose their role',
            slug: 'invite-teammates',
            excerpt: 'Owners and admins invite people by email and pick what they may change.',
            keywords: 'add user, second admin, members, permissions, seats',
            tags: ['team'],
            bodyMarkdown:
              'Open **Settings → Members → Invite** and enter one or more email addresses.\n\n| Role | Can |\n|---|---|\n| Member | use Acme |\n| Admin | also change settings and invite people |\n| Owner | also manage billing and delete the account |\n\nInvitations expire after 7 days; resend one from the same page.',
          },
        ],
      },
    ],
  },
  {
    category: { slug: 'billing', name: 'Billing', description: 'Plans, invoices and payments.', icon: 'credit-card' },
    sections: [
      {
        name: 'Plans and payments',
        articles: [
          {
            title: 'Change your plan',
            slug: 'change-your-plan',
            excerpt: 'Upgrade at once, downgrade at the end of the period.',
            keywords: 'upgrade, downgrade, pricing, subscription, cancel',
            tags: ['plans'],
            bodyMarkdown:
              'Owners change the plan under **Settings → Billing → Plan**.\n\n- **Upgrades** apply at once; you pay the difference for the rest of the period.\n- **Downgrades** apply when the current period ends, so nothing you paid for is lost.\n- **Cancelling** keeps your account read-only for 30 days so you can export your data.',
          },
          {
            title: 'Update your payment method',
            slug: 'update-payment-method',
            excerpt: 'Replace the card or switch to invoice payment.',
            keywords: 'credit card, card declined, expired card, bank transfer',
            tags: ['plans'],
            bodyMarkdown:
              'Open **Settings → Billing → Payment method** and choose **Replace card**. We retry a failed charge three times over a week and email the owner each time.\n\nOn a yearly plan you can pay by bank transfer instead: ask us through [a request](/acme/portal/new).',
          },
        ],
      },
      {
        name: 'Invoices',
        articles: [
          {
            title: 'Download your invoices',
            slug: 'download-invoices',
            excerpt: 'Every invoice is a PDF under Settings → Billing.',
            keywords: 'receipt, bill, vat, pdf',
            tags: ['invoices'],
            bodyMarkdown:
              'Open **Settings → Billing → Invoices**. Each invoice has a **Download PDF** button.\n\n| Plan | Billed |\n|---|---|\n| Monthly | on the 1st |\n| Yearly | on your signup date |\n\nYour company name, address and VAT number come from **Billing details**: change them there before the next invoice.',
          },
          {
            title: 'Refund policy (agents only)',
            slug: 'refund-policy-internal',
            excerpt: 'How far agents may go without asking finance.',
            keywords: 'refund, credit, money back',
            tags: ['invoices'],
            visibility: 'internal',
            bodyMarkdown:
              'Agents may refund up to **one month** without approval. Anything more goes to finance through the #billing channel.',
          },
        ],
      },
    ],
  },
  {
    category: { slug: 'data', name: 'Data and exports', description: 'Getting data in and out of Acme.', icon: 'book' },
    sections: [
      {
        name: 'Exports',
        articles: [
          {
            title: 'Export your orders to CSV',
            slug: 'export-to-csv',
            excerpt: 'Large exports run in the background and arrive by email.',
            keywords: 'csv, excel, download, spreadsheet, export times out',
            tags: ['export'],
            bodyMarkdown:
              '1. Open **Orders** and set the filters you need.\n2. Choose **Export → CSV**.\n\nUp to 10,000 rows download at once. Larger exports run in the background: we email you a download link (valid 7 days) when the file is ready, usually within ten minutes.',
          },
          {
            title: 'Schedule a recurring export',
            slug: 'scheduled-exports',
            excerpt: 'Get the same export every day or week, by email or to cloud storage.',
            keywords: 'daily export, weekly report, s3, automation',
            tags: ['export'],
            bodyMarkdown:
              'Under **Settings → Exports → Schedules** choose a saved filter, a format (CSV or JSON), how often, and where it goes: your email or an S3 bucket you own.\n\nA schedule that fails three times in a row pauses and emails its owner.',
          },
        ],
      },
      {
        name: 'Imports',
        articles: [
          {
            title: 'Import customers from a spreadsheet',
            slug: 'import-customers',
            excerpt: 'Upload a CSV with one customer per row.',
            keywords: 'import, upload, csv, migrate, contacts',
            tags: ['import'],
            bodyMarkdown:
              'Open **Customers → Import** and upload a CSV whose first row names the columns (`email` is required; `name`, `company` and `phone` are optional).\n\nRows whose email already exists update that customer; nothing is deleted. You get a summary of skipped rows with the reason for each.',
          },
        ],
      },
    ],
  },
  {
    category: { slug: 'developers', name: 'Developers', description: 'API keys, limits and webhooks.', icon: 'plug' },
    sections: [
      {
        name: 'API',
        articles: [
          {
            title: 'Create and rotate API keys',
            slug: 'api-keys',
            excerpt: 'Keys are shown once; rotate them without downtime.',
            keywords: 'api key, token, secret, authentication, bearer',
            tags: ['api'],
            bodyMarkdown:
              'Admins create keys under **Settings → API keys**. A key is shown **once**: copy it into your secret store.\n\nSend it as `Authorization: Bearer <key>`. To rotate, create a second key, deploy it, then revoke the old one: both work until you do.',
          },
          {
            title: 'API rate limits',
            slug: 'api-rate-limits',
            excerpt: '600 requests a minute per key, with headers that tell you where you stand.',
            keywords: '429, too many requests, throttling, quota',
            tags: ['api'],
            bodyMarkdown:
              'Each key may make **600 requests a minute**. Every answer carries `RateLimit-Remaining` and `RateLimit-Reset`.\n\nOver the limit you get `429 Too Many Requests` with `Retry-After` (seconds): wait that long, then retry.',
          },
        ],
      },
      {
        name: 'Webhooks',
        articles: [
          {
            title: 'Verify webhook signatures',
            slug: 'webhook-signatures',
            excerpt: 'Check the Acme-Signature header before trusting a delivery.',
            keywords: 'webhook, hmac, signature, 401, delivery failed',
            tags: ['api', 'webhooks'],
            bodyMarkdown:
              'Every delivery carries `Acme-Signature: t=<timestamp>,v1=<hmac>`. Compute HMAC-SHA256 of `<timestamp>.<raw body>` with your endpoint secret and compare.\n\nDeliveries failing with **401** after a secret rotation: update the secret your endpoint checks. We retry failed deliveries for 24 hours.',
          },
        ],
      },
    ],
  },
];

/** The demo workspace's help center: every article published, one internal among them. */
export async function seedDemoArticles(scope: StaffScope) {
  for (const [categoryPosition, group] of DEMO.entries()) {
    const category = await saveArticleCategory(scope, { ...group.category, position: categoryPosition });
    for (const [sectionPosition, demoSection] of group.sections.entries()) {
      const section = await saveArticleSection(scope, {
        categoryId: category.id,
        name: demoSection.name,
        position: sectionPosition,
      });
      for (const [position, article] of demoSection.articles.entries()) {
        const created = await createArticle(scope, {
          ...article,
          categoryId: category.id,
          sectionId: section.id,
          position,
          locale: 'en',
          visibility: article.visibility ?? 'public',
        });
        await setArticleStatus(scope, { articleId: created.id, status: 'published' });
      }
    }
  }
}
