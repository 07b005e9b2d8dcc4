'use client';

/** A set of choices as checkboxes (nothing ticked = any), scrolling when the list is long. */
export function CheckboxGroup<T extends string>({
  legend,
  hint,
  options,
  value,
  onChange,
  emptyText,
}: {
  legend: string;
  hint?: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: readonly T[];
  onChange: (next: T[]) => void;
  emptyText?: string;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {options.length === 0 ? (
        <p className="text-sm text-slate-500">{emptyText ?? 'Nothing to choose from yet.'}</p>
      ) : (
        <div className="flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-y-auto">
          {options.map((option) => (
            <label key={option.value} className="inline-flex min-h-8 items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="h-4 w-4 rounded border-slate-300"
                checked={value.includes(option.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))
                }
              />
              {option.label}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
