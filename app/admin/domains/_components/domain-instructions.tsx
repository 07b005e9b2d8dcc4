import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';

/** The DNS record an admin has to create at their DNS provider, ready to copy. */
export function DomainInstructions({ appHost }: { appHost: string }) {
  return (
    <Card className="space-y-3">
      <h2 className="text-base font-semibold">How to connect a domain</h2>
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
        <li>
          Pick a host name you control, such as help.example.com. Use a subdomain: most DNS providers don&apos;t allow a
          CNAME on the bare domain.
        </li>
        <li>At your DNS provider, add a CNAME record for that host name pointing to the address below.</li>
        <li>
          Add the host name here. Cairn shows a TXT record that proves the domain is yours: create it at your DNS
          provider too, then press Verify now.
        </li>
        <li>
          Once verified, your help center is served on the host name. DNS changes can take up to an hour to reach
          everyone; Cairn re-checks the TXT record daily, so keep it in place.
        </li>
      </ol>
      <div className="flex flex-col gap-2 rounded-md bg-slate-50 p-3 text-sm sm:flex-row sm:items-center">
        <dl className="grid flex-1 grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-500">Type</dt>
          <dd className="font-mono">CNAME</dd>
          <dt className="text-slate-500">Points to</dt>
          <dd className="break-all font-mono">{appHost}</dd>
        </dl>
        <CopyButton value={appHost} label="Copy target" />
      </div>
    </Card>
  );
}
