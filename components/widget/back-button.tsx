import { ArrowLeft } from 'lucide-react';

/** The panel's way back from a detail (an article, a conversation) to the list it came from. */
export function BackButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="flex items-center gap-1 text-sm text-gray-600 hover:underline" onClick={onClick}>
      <ArrowLeft className="size-4" aria-hidden /> {label}
    </button>
  );
}
