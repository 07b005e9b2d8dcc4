import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { PolicyEditor } from '../../_components/policy-editor';

export const metadata: Metadata = { title: 'New SLA policy' };

export default function NewPolicyPage() {
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="New SLA policy"
        description="Which tickets it covers, their targets per priority, the business hours counted and the escalations."
      />
      <PolicyEditor />
    </div>
  );
}
