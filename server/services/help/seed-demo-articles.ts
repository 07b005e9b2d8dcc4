import type { ArticleFieldsInput } from '@/lib/validators/help';
import type { StaffScope } from '@/server/services/types';
import { saveArticleCategory, saveArticleSection } from './article-categories';
import { setArticleStatus } from './change-article-status';
import { createArticle } from './save-article';

type DemoArticle = Pick<ArticleFieldsInput, 'title' | 'slug' | 'bodyMarkdown' | 'excerpt' | 'keywords' | 'tags'> & {
  visibility?: ArticleFieldsInput['visibility'];
};

const DEMO: Array<{
  category: { slug: string; name: string; description: string; icon: string };
  section: string;
  articles: DemoArticle[];
}> = [
  {
    category: {
      slug: 'account',
      name: 'Your account',
      description: 'Signing in, passwords and security.',
      icon: 'user',
    },
    section: 'Signing in',
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
          'Go to **Settings → Security** and choose **Turn on two-factor**. Scan the code with an authenticator app and type the six digits it shows.',
      },
    ],
  },
  {
    category: { slug: 'billing', name: 'Billing', description: 'Plans, invoices and payments.', icon: 'credit-card' },
    section: 'Invoices',
    articles: [
      {
        title: 'Download your invoices',
        slug: 'download-invoices',
        excerpt: 'Every invoice is a PDF under Settings → Billing.',
        keywords: 'receipt, bill, vat, pdf',
        tags: ['invoices'],
        bodyMarkdown:
          'Open **Settings → Billing → Invoices**. Each invoice has a **Download PDF** button.\n\n| Plan | Billed |\n|---|---|\n| Monthly | on the 1st |\n| Yearly | on your signup date |',
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
];

/** A small published help center for the demo workspace (one internal article among them). */
export async function seedDemoArticles(scope: StaffScope) {
  for (const group of DEMO) {
    const category = await saveArticleCategory(scope, { ...group.category, position: DEMO.indexOf(group) });
    const section = await saveArticleSection(scope, { categoryId: category.id, name: group.section, position: 0 });
    for (const [position, article] of group.articles.entries()) {
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
