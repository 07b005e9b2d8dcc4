'use client';

import { Dialog } from '@/components/ui/dialog';
import { SHORTCUT_GROUPS } from './shortcuts';

export function ShortcutsHelpDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Keyboard shortcuts"
      description="Shortcuts work when you are not typing in a field."
    >
      <div className="space-y-5">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-labelledby={`shortcuts-${group.title}`}>
            <h3
              id={`shortcuts-${group.title}`}
              className="text-xs font-semibold uppercase tracking-wide text-slate-500"
            >
              {group.title}
            </h3>
            <dl className="mt-2 divide-y divide-slate-100">
              {group.shortcuts.map(([key, description]) => (
                <div key={key} className="flex items-center justify-between gap-4 py-1.5 text-sm">
                  <dt className="text-slate-700">{description}</dt>
                  <dd className="flex gap-1">
                    <kbd className="min-w-6 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs text-slate-800">
                      {key}
                    </kbd>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
