import type { Metadata } from 'next';
import { WidgetPanel } from '@/components/widget/widget-panel';

export const metadata: Metadata = { title: 'Support', robots: { index: false } };

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<{ origin?: string | string[] }> };

/**
 * The panel the loader frames. The proxy sets this page's frame-ancestors to the workspace's allowed
 * origins; the panel itself talks only to `origin` once it is one of them.
 */
export default async function EmbedPage({ params, searchParams }: Props) {
  const { workspace } = await params;
  const { origin } = await searchParams;
  return <WidgetPanel workspace={workspace.toLowerCase()} hostOrigin={typeof origin === 'string' ? origin : null} />;
}
