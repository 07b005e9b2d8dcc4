import type { Metadata } from 'next';
import { LinkSurvey } from '@/components/csat/link-survey';
import { linksFor, requireWorkspace } from '../../_lib/workspace';

export const metadata: Metadata = { title: 'Rate your support' };

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ token?: string | string[]; record?: string | string[] }>;
};

/**
 * Where the solved mail's rating links land. No sign-in: the signed token is the key. The server renders
 * a shell only; the rating is recorded by the page's POST in the browser (see LinkSurvey), never by the GET.
 */
export default async function RatePage({ params, searchParams }: Props) {
  const workspace = await requireWorkspace((await params).workspace);
  const paths = await linksFor(workspace.slug);
  const { token, record } = await searchParams;
  const value = typeof token === 'string' ? token : '';
  return (
    <div className="mx-auto max-w-xl">
      <LinkSurvey workspace={workspace.slug} token={value} record={record === '1'} portalUrl={paths.portal} />
    </div>
  );
}
