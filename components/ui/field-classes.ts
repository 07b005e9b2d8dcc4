/**
 * The look every form control shares, kept in one place so an input, a textarea and a select never drift
 * apart (border, brand focus, the red border that `aria-invalid` turns on). Each control adds its height.
 */
export const CONTROL_CLASS =
  'w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand focus:outline-none disabled:opacity-50 aria-[invalid=true]:border-red-500';

/** A field's visible label, above its control. */
export const LABEL_CLASS = 'block text-sm font-medium text-slate-700';
