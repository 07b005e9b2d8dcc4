import type { BadgeTone } from '@/components/ui/badge';
import type { ArticleStatus } from '@/lib/constants/help';

export const STATUS_TONES: Record<ArticleStatus, BadgeTone> = {
  draft: 'neutral',
  in_review: 'info',
  published: 'success',
  archived: 'warning',
};

/** Published with a publish time still ahead: readers don't see it yet. */
export function isScheduled(article: { status: ArticleStatus; publishedAt: Date | null }) {
  return article.status === 'published' && !!article.publishedAt && article.publishedAt.getTime() > Date.now();
}

/** A URL-safe slug from a title: what a new article's address defaults to. */
export function slugify(title: string) {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}
