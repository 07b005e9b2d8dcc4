export type NavItem = {
  href: string;
  label: string;
  /** Match only this exact path (section roots). */ exact?: boolean;
};
export type NavSection = { title: string; items: NavItem[]; adminOnly?: boolean };

// One list for the desktop sidebar and the phone menu. New areas add their entry here.
export const NAV_SECTIONS: NavSection[] = [
  {
    title: 'Support',
    items: [
      { href: '/agent', label: 'Inbox', exact: true },
      { href: '/agent/tickets', label: 'Tickets' },
      { href: '/agent/views', label: 'Views' },
      { href: '/agent/customers', label: 'Customers' },
      { href: '/agent/knowledge', label: 'Knowledge base' },
      { href: '/agent/settings/notifications', label: 'Notifications' },
      { href: '/agent/settings/account', label: 'Account security' },
      { href: '/agent/reports', label: 'Reports', exact: true },
      { href: '/agent/reports/sla', label: 'SLA report' },
    ],
  },
  {
    title: 'Admin',
    adminOnly: true,
    items: [
      { href: '/admin', label: 'Workspace', exact: true },
      { href: '/admin/members', label: 'Members' },
      { href: '/admin/teams', label: 'Teams' },
      { href: '/admin/triage', label: 'Triage' },
      { href: '/admin/domains', label: 'Domains' },
      { href: '/admin/email', label: 'Email' },
      { href: '/admin/widget', label: 'Widget' },
      { href: '/admin/jobs', label: 'Jobs' },
      { href: '/admin/sla', label: 'SLA' },
      { href: '/admin/satisfaction', label: 'Satisfaction' },
      { href: '/admin/deflection', label: 'Deflection' },
      { href: '/admin/macros', label: 'Macros' },
      { href: '/admin/categories', label: 'Categories' },
      { href: '/admin/types', label: 'Ticket types' },
      { href: '/admin/fields', label: 'Fields & tags' },
      { href: '/admin/rules', label: 'Rules' },
    ],
  },
];

export function isActive(item: NavItem, pathname: string) {
  return item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
}
