import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { trpc, getQueryClient } from '@/server/trpc/rsc';
import { RuleEditor } from '../_components/rule-editor';

export const metadata: Metadata = { title: 'Edit rule' };

export default async function EditRulePage({ params }: { params: Promise<{ ruleId: string }> }) {
  const { ruleId } = await params;
  const rule = await getQueryClient()
    .fetchQuery(trpc.automationRule.get.queryOptions({ ruleId }))
    .catch(() => null);
  if (!rule) notFound();
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={rule.name}
        description={
          rule.builtin
            ? 'A built-in rule: it can be changed or switched off, not deleted.'
            : 'Edit the rule, then dry-run it before saving.'
        }
      />
      <RuleEditor
        ruleId={rule.id}
        initial={{
          name: rule.name,
          kind: rule.kind,
          enabled: rule.enabled,
          triggers: rule.triggers as never,
          time: rule.time,
          conditions: rule.conditions,
          actions: rule.actions,
        }}
      />
    </div>
  );
}
