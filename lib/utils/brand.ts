import { DEFAULT_BRAND_COLOR } from '@/lib/constants/workspace';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * The workspace colour for the --brand CSS variable. Branding is stored JSON, so it is checked again
 * at render time: anything but a plain #rrggbb could inject CSS into the style attribute.
 */
export function safeBrandColor(value: string | null | undefined): string {
  return value && HEX_COLOR.test(value) ? value : DEFAULT_BRAND_COLOR;
}

/** Only https logos are shown: an http or javascript: URL would be mixed content or worse. */
export function safeLogoUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}
