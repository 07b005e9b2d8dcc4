'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils/cn';
import type { CustomerPaths } from '@/lib/utils/customer-paths';

type Props = { workspaceName: string; logoUrl: string | null; paths: CustomerPaths };

/** The header customers see on every help-center and portal page, in the workspace's branding. */
export function SiteHeader({ workspaceName, logoUrl, paths }: Props) {
  const pathname = usePathname();
  const isUnder = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const submitting = isUnder(paths.submitRequest);
  const links = [
    { href: paths.help, label: 'Help center', current: isUnder(paths.help) || pathname === '/' },
    { href: paths.portal, label: 'My tickets', current: isUnder(paths.portal) && !submitting },
  ];

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="h-1 bg-brand print:hidden" aria-hidden="true" />
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <Link href={paths.help} className="flex min-w-0 items-center gap-2 font-semibold text-slate-900">
          {logoUrl ? (
            // A plain img: logos live on the customer's own hosts, which next/image would have to allow-list.
            <img src={logoUrl} alt={workspaceName} className="h-8 w-auto max-w-[12rem] object-contain" />
          ) : (
            <span className="truncate text-lg">{workspaceName}</span>
          )}
        </Link>
        <nav aria-label="Support" className="flex flex-wrap items-center gap-1 text-sm print:hidden">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              aria-current={link.current ? 'page' : undefined}
              className={cn(
                'rounded-md px-3 py-2 font-medium hover:bg-slate-100',
                link.current ? 'text-brand' : 'text-slate-600 hover:text-slate-900',
              )}
            >
              {link.label}
            </Link>
          ))}
          <Link
            href={paths.submitRequest}
            aria-current={submitting ? 'page' : undefined}
            className="ml-1 rounded-md bg-brand px-3 py-2 font-medium text-white hover:opacity-90"
          >
            Submit a request
          </Link>
        </nav>
      </div>
    </header>
  );
}
