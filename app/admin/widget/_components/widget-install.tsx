import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';

function Snippet({ label, code }: { label: string; code: string }) {
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-medium">{label}</h3>
        <CopyButton value={code} label="Copy" />
      </div>
      <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** The copyable install snippets: the script tag, the JS API and the React component for Next.js hosts. */
export function WidgetInstall({ appUrl, slug }: { appUrl: string; slug: string }) {
  const tag = `<script src="${appUrl}/widget.js" data-workspace="${slug}" async></script>`;
  const api = `<script>
  // Calls made before widget.js has loaded wait in this queue.
  window.Cairn = window.Cairn || { q: [] };
  Cairn.q.push(['identify', { id: user.id, email: user.email, name: user.name, signature: serverSignature }]);
  Cairn.q.push(['setContext', { plan: 'pro', accountId: account.id, appVersion: '4.2.0' }]);
</script>
// Later: Cairn.open(), Cairn.close(), Cairn.on('ticket:created', (ticket) => console.log(ticket.number))`;
  const react = `import { CairnWidget } from '@cairn/widget/react'; // lib/widget/react.tsx in this repository

<CairnWidget
  appUrl="${appUrl}"
  workspace="${slug}"
  identity={{ id: user.id, email: user.email, name: user.name, signature }}
  context={{ plan: account.plan }}
  onTicketCreated={(ticket) => console.log(ticket.number)}
/>`;
  const sign = `// On your server: the signature of the user's id with the widget secret (below)
import { createHmac } from 'node:crypto';
const signature = createHmac('sha256', process.env.CAIRN_WIDGET_SECRET).update(user.id).digest('hex');`;
  return (
    <Card className="space-y-4">
      <h2 className="text-base font-semibold">Install</h2>
      <p className="text-sm text-slate-600">
        Add the tag to every page of your product, then list the product&apos;s origin below. The button appears only on
        allowed origins; the script weighs under 3 KB and loads the panel only when opened.
      </p>
      <Snippet label="Script tag" code={tag} />
      <Snippet label="Identify the user and add context" code={api} />
      <Snippet label="Sign the user id (server side)" code={sign} />
      <Snippet label="React (Next.js)" code={react} />
    </Card>
  );
}
