import type { ReactNode } from 'react';
import { AgentTopBar } from '@/components/ticket/agent-top-bar';
import { StaffFrame } from '../_staff/staff-frame';

export default function AgentLayout({ children }: { children: ReactNode }) {
  return (
    <StaffFrame callbackUrl="/agent">
      <AgentTopBar />
      {children}
    </StaffFrame>
  );
}
