import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/**
 * Joins class names and lets a later Tailwind class win over an earlier one of the same property, so a
 * caller's `className="h-8"` replaces a primitive's `h-10` instead of both landing in the CSS race.
 */
export function cn(...classes: ClassValue[]) {
  return twMerge(clsx(classes));
}
