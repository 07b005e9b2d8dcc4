import { Alert } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';

/** A secret just made: only its hash is kept, so this is the one time it can be copied. */
export function NewSecretNotice({ secret }: { secret: string }) {
  return (
    <Alert tone="success">
      <span className="block">Copy this secret now; it is not shown again.</span>
      <span className="mt-2 flex items-center gap-2">
        <code className="font-mono text-xs break-all">{secret}</code>
        <CopyButton value={secret} label="Copy secret" />
      </span>
    </Alert>
  );
}
