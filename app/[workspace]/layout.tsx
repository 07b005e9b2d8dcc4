import type { Metadata } from 'next';
import type { CSSProperties, ReactNode } from 'react';
import { SiteFooter } from '@/components/help/site-footer';
import { SiteHeader } from '@/components/help/site-header';
import { safeBrandColor, safeLogoUrl } from '@/lib/utils/brand';
import { linksFor, loadWorkspace, requireWorkspace } from './_lib/workspace';

type Props = { children: ReactNode; params: Promise<{ workspace: string }> };

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const workspace = await loadWorkspace((await params).workspace);
  if (!workspace) return { title: 'Not found' };
  return { title: { default: `${workspace.name} support`, template: `%s · ${workspace.name}` } };
}

/** The customer-facing shell: the workspace's colour and logo around its help center and portal. */
export default async function WorkspaceLayout({ children, params }: Props) {
  const workspace = await requireWorkspace((await params).workspace);
  const paths = await linksFor(workspace.slug);
  const brand = safeBrandColor(workspace.branding?.primaryColor);
  // --color-brand too: Tailwind resolves its theme variable once at :root, so setting only --brand on a
  // nested element would not reach bg-brand / text-brand.
  const style = { '--brand': brand, '--color-brand': brand } as CSSProperties;

  return (
    <div style={style} className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <SiteHeader workspaceName={workspace.name} logoUrl={safeLogoUrl(workspace.branding?.logoUrl)} paths={paths} />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-10">
        {children}
      </main>
      <SiteFooter workspaceName={workspace.name} />
    </div>
  );
}
