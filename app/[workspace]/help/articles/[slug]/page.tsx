import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleBody } from '@/components/help/article-body';
import { ArticleFeedback } from '@/components/help/article-feedback';
import { ArticleViewBeacon } from '@/components/help/article-view-beacon';
import { Breadcrumbs, type Crumb } from '@/components/help/breadcrumbs';
import { linksFor, loadWorkspace, requireWorkspace } from '../../../_lib/workspace';
import { canonicalUrl } from '../../_lib/canonical';
import { readHelpArticle } from '../../_lib/help-reader';

type Props = { params: Promise<{ workspace: string; slug: string }> };

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long' });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspace: slug, slug: articleSlug } = await params;
  const workspace = await loadWorkspace(slug);
  if (!workspace) return {};
  const article = await readHelpArticle(workspace, articleSlug);
  const canonical = canonicalUrl(workspace.slug, `/articles/${article.slug}`);
  return {
    title: article.title,
    description: article.description,
    alternates: { canonical },
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.description,
      url: canonical,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
    },
  };
}

export default async function HelpArticlePage({ params }: Props) {
  const { workspace: slug, slug: articleSlug } = await params;
  const workspace = await requireWorkspace(slug);
  const paths = await linksFor(workspace.slug);
  const article = await readHelpArticle(workspace, articleSlug);
  const crumbs: Crumb[] = [{ label: 'Help center', href: paths.help }];
  if (article.category)
    crumbs.push({ label: article.category.name, href: `${paths.help}/categories/${article.category.slug}` });
  crumbs.push({ label: article.title });

  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_16rem] print:block">
      <article className="min-w-0 space-y-6">
        <Breadcrumbs items={crumbs} />
        <header className="space-y-2">
          {article.sectionName ? <p className="text-sm font-medium text-brand">{article.sectionName}</p> : null}
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{article.title}</h1>
          <p className="text-sm text-slate-500">
            Updated <time dateTime={article.updatedAt.toISOString()}>{dateFormat.format(article.updatedAt)}</time>
          </p>
        </header>
        <ArticleBody html={article.bodyHtml} />
        <footer className="space-y-6 border-t border-slate-200 pt-6">
          <ArticleFeedback workspace={workspace.slug} articleId={article.id} />
          <p className="text-sm text-slate-600 print:hidden">
            Still stuck?{' '}
            <Link href={paths.submitRequest} className="font-medium text-brand underline">
              Submit a request
            </Link>{' '}
            and the team will get back to you.
          </p>
        </footer>
      </article>
      {article.related.length ? (
        <aside aria-labelledby="related-heading" className="space-y-3 print:hidden">
          <h2 id="related-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
            Related articles
          </h2>
          <ul className="space-y-2 text-sm">
            {article.related.map((related) => (
              <li key={related.id}>
                <Link
                  href={`${paths.help}/articles/${related.slug}`}
                  className="text-slate-700 hover:text-brand hover:underline"
                >
                  {related.title}
                </Link>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
      <ArticleViewBeacon workspace={workspace.slug} articleId={article.id} />
    </div>
  );
}
