import Link from 'next/link';
import { Card } from '@/components/ui/card';

/** A headline figure with its comparison; the figure links to the tickets it counts when it counts tickets. */
export function StatCard({
  label,
  value,
  comparison,
  href,
}: {
  label: string;
  value: string;
  comparison: string;
  href?: string;
}) {
  return (
    <Card className="p-4">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
        {href ? (
          <Link
            href={href}
            className="underline-offset-4 hover:underline"
            aria-label={`${label}: ${value}, list the tickets`}
          >
            {value}
          </Link>
        ) : (
          value
        )}
      </p>
      <p className="text-xs text-slate-500">{comparison}</p>
    </Card>
  );
}
