import { safeBrandColor, safeLogoUrl } from '@/lib/utils/brand';

/** How the help center header will look with these choices; updates as the admin types. */
export function BrandPreview({ name, logoUrl, primaryColor }: { name: string; logoUrl: string; primaryColor: string }) {
  const color = safeBrandColor(primaryColor);
  const logo = safeLogoUrl(logoUrl);
  return (
    <figure className="overflow-hidden rounded-lg border border-slate-200">
      <div
        className="flex items-center gap-3 px-4 py-3 text-white"
        style={{ backgroundColor: color }}
        data-testid="brand-preview"
      >
        {logo ? (
          // A plain img: logos live on any https host, and next/image would need each one allow-listed.
          <img src={logo} alt="Logo preview" className="h-8 w-8 rounded bg-white object-contain" />
        ) : (
          <span
            aria-hidden="true"
            className="flex h-8 w-8 items-center justify-center rounded bg-white/20 text-sm font-semibold"
          >
            {(name.trim()[0] ?? '?').toUpperCase()}
          </span>
        )}
        <span className="truncate font-semibold">{name.trim() || 'Your workspace'} Help Center</span>
      </div>
      <div className="flex items-center justify-between gap-3 bg-white px-4 py-3">
        <span className="text-sm text-slate-600">Buttons and links use your colour.</span>
        <span className="rounded-md px-3 py-1.5 text-sm font-medium text-white" style={{ backgroundColor: color }}>
          Submit a request
        </span>
      </div>
      <figcaption className="sr-only">
        Preview of the help center header with the chosen logo and colour {color}
      </figcaption>
    </figure>
  );
}
