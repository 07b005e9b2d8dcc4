export function SiteFooter({ workspaceName }: { workspaceName: string }) {
  return (
    <footer className="mt-16 border-t border-slate-200 py-6 text-center text-xs text-slate-500 print:hidden">
      {workspaceName} support · Powered by Cairn
    </footer>
  );
}
