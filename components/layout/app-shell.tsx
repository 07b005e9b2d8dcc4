'use client';

import { Menu } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { AvailabilityStatus } from '@/components/assignment/availability-status';
import { Sheet } from '@/components/ui/sheet';
import { ADMIN_ROLES, AGENT_ROLES, type MemberRole } from '@/lib/constants/workspace';
import { useTRPC } from '@/lib/trpc/client';
import { brandStyle } from './brand-style';
import { CairnLogo } from './cairn-logo';
import { SidebarNav } from './sidebar-nav';
import { UserPanel, type ShellUser } from './user-panel';
import { WorkspaceSwitcher } from './workspace-switcher';

const isAdminRole = (role: MemberRole | undefined) =>
  Boolean(role && (ADMIN_ROLES as readonly string[]).includes(role));
/** Viewers work no tickets: they have no status to set. */
const worksTickets = (role: MemberRole | undefined) =>
  Boolean(role && (AGENT_ROLES as readonly string[]).includes(role));

function SidebarContent({
  user,
  signOutAction,
  isAdmin,
  isAgent,
  onNavigate,
}: {
  user: ShellUser;
  signOutAction: () => Promise<void>;
  isAdmin: boolean;
  isAgent: boolean;
  onNavigate?: () => void;
}) {
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-6 overflow-y-auto p-4">
      <WorkspaceSwitcher onNavigate={onNavigate} />
      <div className="flex-1">
        <SidebarNav isAdmin={isAdmin} onNavigate={onNavigate} />
      </div>
      <div className="space-y-3 border-t border-slate-200 pt-4">
        {isAgent ? <AvailabilityStatus /> : null}
        <UserPanel user={user} signOutAction={signOutAction} />
      </div>
    </div>
  );
}

/** The staff chrome: a sidebar on wide screens, a top bar with a menu button on phones. */
export function AppShell({
  user,
  signOutAction,
  children,
}: {
  user: ShellUser;
  signOutAction: () => Promise<void>;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const current = useQuery(trpc.workspace.current.queryOptions());
  const [menuOpen, setMenuOpen] = useState(false);
  const isAdmin = isAdminRole(current.data?.role);
  const isAgent = worksTickets(current.data?.role);

  return (
    <div className="min-h-screen md:flex" style={brandStyle(current.data?.branding.primaryColor)}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>

      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 md:hidden">
        <Link href="/agent" className="rounded-md">
          <CairnLogo />
        </Link>
        <button
          type="button"
          onClick={() => setMenuOpen(true)}
          aria-label="Open menu"
          aria-expanded={menuOpen}
          className="rounded-md p-2 text-slate-700 hover:bg-slate-100"
        >
          <Menu aria-hidden="true" className="h-5 w-5" />
        </button>
      </header>
      <Sheet open={menuOpen} onOpenChange={setMenuOpen} title="Menu">
        <SidebarContent
          user={user}
          signOutAction={signOutAction}
          isAdmin={isAdmin}
          isAgent={isAgent}
          onNavigate={() => setMenuOpen(false)}
        />
      </Sheet>

      <aside className="hidden w-64 shrink-0 flex-col border-r border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-screen">
        <div className="px-4 pt-4">
          <Link href="/agent" className="rounded-md">
            <CairnLogo />
          </Link>
        </div>
        <SidebarContent user={user} signOutAction={signOutAction} isAdmin={isAdmin} isAgent={isAgent} />
      </aside>

      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
