export type NavItem = {
  href: string;
  label: string;
  /** Match only this exact path: set for the entries whose pages have entries of their own (section roots). */
  exact: boolean;
};
export type NavSection = { title: string; items: NavItem[]; adminOnly?: boolean };

// One list for the desktop sidebar and the phone menu, each section's pages as href → label in the order
// shown. New areas add their entry here.
const SECTIONS: { title: string; adminOnly?: boolean; pages: Record<string, string> }[] = [
  {
    title: 'Support',
    pages: {
      '/agent': 'Inbox',
      '/agent/tickets': 'Tickets',
      '/agent/views': 'Views',
      '/agent/customers': 'Customers',
      '/agent/knowledge': 'Knowledge base',
      '/agent/settings/notifications': 'Notifications',
      '/agent/settings/account': 'Account security',
      '/agent/reports': 'Reports',
      '/agent/reports/sla': 'SLA report',
    },
  },
  {
    title: 'Admin',
    adminOnly: true,
    pages: {
      '/admin': 'Workspace',
      '/admin/members': 'Members',
      '/admin/teams': 'Teams',
      '/admin/triage': 'Triage',
      '/admin/domains': 'Domains',
      '/admin/email': 'Email',
      '/admin/widget': 'Widget',
      '/admin/jobs': 'Jobs',
      '/admin/sla': 'SLA',
      '/admin/satisfaction': 'Satisfaction',
      '/admin/deflection': 'Deflection',
      '/admin/macros': 'Macros',
      '/admin/categories': 'Categories',
      '/admin/types': 'Ticket types',
      '/admin/fields': 'Fields & tags',
      '/admin/rules': 'Rules',
    },
  },
];

const HREFS = SECTIONS.flatMap((section) => Object.keys(section.pages));

export const NAV_SECTIONS: NavSection[] = SECTIONS.map(({ pages, ...section }) => ({
  ...section,
  items: Object.entries(pages).map(([href, label]) => ({
    href,
    label,
    exact: HREFS.some((other) => other.startsWith(`${href}/`)),
  })),
}));

export function isActive(item: NavItem, pathname: string) {
  return item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
}
