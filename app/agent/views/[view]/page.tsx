import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { parseViewParam } from '@/components/ticket/active-list';
import { TicketListScreen } from '@/components/ticket/ticket-list-screen';
import { VIEW_LABELS } from '@/lib/constants/ticket';
import { HydrateClient } from '@/server/trpc/rsc';
import { currentUserId } from '../../_lib/current-user-id';
import { prefetchTicketList } from '../../_lib/prefetch-ticket-list';

export async function generateMetadata({ params }: { params: Promise<{ view: string }> }): Promise<Metadata> {
  const active = parseViewParam((await params).view);
  return { title: active?.kind === 'view' ? VIEW_LABELS[active.view] : 'Saved view' };
}

export default async function ViewPage({ params }: { params: Promise<{ view: string }> }) {
  const active = parseViewParam((await params).view);
  if (!active) notFound();
  const userId = await currentUserId();
  await prefetchTicketList(active);
  return (
    <HydrateClient>
      <TicketListScreen active={active} currentUserId={userId} />
    </HydrateClient>
  );
}
