import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { NEW_RULE, RuleEditor } from '../_components/rule-editor';

export const metadata: Metadata = { title: 'New rule' };

export default function NewRulePage() {
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="New rule"
        description="When something happens (or after some time), if the conditions hold, do the actions."
      />
      <RuleEditor initial={NEW_RULE} />
    </div>
  );
}
