import type { ReactNode } from 'react';
import { PageHeader } from './page-header';

/**
 * The frame of an admin settings page: its heading and description, then its sections one under another.
 * One place for the width and spacing, so the admin pages line up with each other.
 */
export function AdminPage({
  title,
  description,
  wide = false,
  children,
}: {
  title: string;
  description: ReactNode;
  /** For pages with tables of several columns. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`${wide ? 'max-w-5xl' : 'max-w-4xl'} space-y-8`}>
      <PageHeader title={title} description={description} />
      {children}
    </div>
  );
}

/** One titled part of an admin page; the heading names the section for screen readers. */
export function AdminSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
