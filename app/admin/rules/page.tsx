import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { RuleList } from './_components/rule-list';

export const metadata: Metadata = { title: 'Rules' };

export default async function RulesPage() {
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.automationRule.list.queryOptions());
  return (
    <HydrateClient>
      <div className="max-w-4xl space-y-6">
        <PageHeader
          title="Rules"
          description="Automations that tag, route, answer and escalate tickets. Try a rule with a dry run before it acts on customers."
        />
        <Button asChild>
          <Link href="/admin/rules/new">New rule</Link>
        </Button>
        <RuleList />
      </div>
    </HydrateClient>
  );
}
