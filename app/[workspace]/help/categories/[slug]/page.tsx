import type { Metadata } from 'next';
import { ArticleLinkList } from '@/components/help/article-link-list';
import { Breadcrumbs } from '@/components/help/breadcrumbs';
import { linksFor, loadWorkspace, requireWorkspace } from '../../../_lib/workspace';
import { canonicalUrl } from '../../_lib/canonical';
import { readHelpCategory } from '../../_lib/help-reader';

type Props = { params: Promise<{ workspace: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspace: slug, slug: categorySlug } = await params;
  const workspace = await loadWorkspace(slug);
  if (!workspace) return {};
  const { category } = await readHelpCategory(workspace, categorySlug);
  return {
    title: category.name,
    description: category.description || `${category.name}: articles from the ${workspace.name} help center.`,
    alternates: { canonical: canonicalUrl(workspace.slug, `/categories/${category.slug}`) },
  };
}

export default async function HelpCategoryPage({ params }: Props) {
  const { workspace: slug, slug: categorySlug } = await params;
  const workspace = await requireWorkspace(slug);
  const paths = await linksFor(workspace.slug);
  const { category, sections } = await readHelpCategory(workspace, categorySlug);
  const articleBase = `${paths.help}/articles`;

  return (
    <div className="space-y-8">
      <Breadcrumbs items={[{ label: 'Help center', href: paths.help }, { label: category.name }]} />
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{category.name}</h1>
        {category.description ? <p className="text-slate-600">{category.description}</p> : null}
      </header>
      {sections.map((section) => (
        <section key={section.id ?? 'other'} aria-label={section.name ?? 'More articles'} className="space-y-3">
          {section.name ? (
            <h2 className="text-lg font-semibold">{section.name}</h2>
          ) : sections.length > 1 ? (
            <h2 className="text-lg font-semibold">More articles</h2>
          ) : null}
          <ArticleLinkList items={section.articles} articleBase={articleBase} />
        </section>
      ))}
    </div>
  );
}
