import type { ComponentType } from 'react';
import { cn } from '@/lib/utils/cn';

/**
 * A Radix part with the house look: the `base` classes, then any `className` the caller adds (tailwind-merge
 * lets the caller's win). Every other prop, `ref` included, passes straight through.
 */
export function styled<P extends { className?: string }>(Component: ComponentType<P>, base: string) {
  function Styled(props: P) {
    return <Component {...props} className={cn(base, props.className)} />;
  }
  Styled.displayName = `Styled(${Component.displayName ?? 'Component'})`;
  return Styled;
}
