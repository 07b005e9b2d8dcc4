import type { CSSProperties } from 'react';

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * Inline style that applies a workspace colour to everything below it. Both variables are set:
 * Tailwind's --color-brand is resolved where it is declared (:root), so overriding only --brand on a
 * descendant would not reach `bg-brand`.
 */
export function brandStyle(color: string | null | undefined): CSSProperties | undefined {
  if (!color || !HEX.test(color)) return undefined;
  return { '--brand': color, '--color-brand': color } as CSSProperties;
}
