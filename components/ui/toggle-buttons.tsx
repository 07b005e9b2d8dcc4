import { cn } from '@/lib/utils/cn';
import type { SelectOption } from './select-field';

/**
 * A segmented control: one pressed button out of a few, each a real button with aria-pressed so screen
 * readers say which is on. `activeClassName` lets one option look different when pressed (a note's amber).
 */
export function ToggleButtons<V extends string>({
  options,
  value,
  onChange,
  groupLabel,
  activeClassName = () => 'bg-slate-900 text-white',
}: {
  options: readonly SelectOption<V>[];
  value: V;
  onChange: (value: V) => void;
  /** Names the group when no fieldset legend does. */
  groupLabel?: string;
  activeClassName?: (value: V) => string;
}) {
  return (
    <div
      role={groupLabel ? 'group' : undefined}
      aria-label={groupLabel}
      className="inline-flex rounded-md border border-slate-300 bg-white p-0.5"
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
          className={cn(
            'h-8 rounded px-3 text-sm font-medium',
            value === option.value ? activeClassName(option.value) : 'text-slate-700 hover:bg-slate-100',
          )}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
