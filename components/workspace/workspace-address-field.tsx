import { Field, Input } from '@/components/ui/input';

/** The slug input, with where the help center will live so the choice is concrete. */
export function WorkspaceAddressField({
  id = 'workspace-address',
  host,
  value,
  onChange,
  error,
}: {
  id?: string;
  host: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <Field id={id} label="Workspace address" error={error}>
      <Input
        id={id}
        name="workspaceSlug"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={40}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-preview${error ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-preview`} className="break-all text-xs text-slate-500">
        Your help center:{' '}
        <span className="font-mono text-slate-700">{`${host}/${value || 'your-workspace'}/help`}</span>
      </p>
    </Field>
  );
}
