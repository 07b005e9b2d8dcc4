import { Badge, type BadgeTone } from '@/components/ui/badge';
import { CSAT_BAD_AT_MOST, csatLabel, type CsatScale } from '@/lib/constants/csat';

const toneOf = (rating: number): BadgeTone =>
  rating <= CSAT_BAD_AT_MOST ? 'danger' : rating >= 4 ? 'success' : 'warning';

/** A customer's rating in the scale they were asked on: "Good", "4 · Good", coloured bad/okay/good. */
export function RatingBadge({ rating, scale }: { rating: number; scale: CsatScale }) {
  const label = csatLabel(scale, rating);
  return (
    <Badge tone={toneOf(rating)}>
      <span className="sr-only">Satisfaction: </span>
      {scale === 'five' ? `${rating}/5 · ${label}` : label}
    </Badge>
  );
}
