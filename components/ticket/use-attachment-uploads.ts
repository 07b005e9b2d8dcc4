'use client';

import { useState } from 'react';
import { ATTACHMENT_LIMITS } from '@/lib/constants/ticket';
import { formatBytes } from './attachment-links';

export type PendingUpload = { key: string; filename: string; sizeBytes: number; state: 'uploading' | 'done' | 'error'; id?: string; error?: string };

async function upload(file: File): Promise<{ id: string }> {
  const body = new FormData();
  body.append('file', file);
  const response = await fetch('/api/attachments', { method: 'POST', body });
  const json = (await response.json().catch(() => null)) as { id?: string; error?: string } | null;
  if (!response.ok || !json?.id) throw new Error(json?.error ?? 'The upload failed. Try again.');
  return { id: json.id };
}

/**
 * Files picked for a message upload straight away; the message then only carries their ids. Limits are
 * checked here too so a too-large file is refused before it is sent, but the server decides.
 */
export function useAttachmentUploads() {
  const [uploads, setUploads] = useState<PendingUpload[]>([]);
  const update = (key: string, patch: Partial<PendingUpload>) => setUploads((prev) => prev.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  function add(files: FileList | File[]) {
    const room = ATTACHMENT_LIMITS.maxPerMessage - uploads.filter((u) => u.state !== 'error').length;
    Array.from(files).forEach((file, index) => {
      const key = `${Date.now()}-${index}-${file.name}`;
      const entry: PendingUpload = { key, filename: file.name, sizeBytes: file.size, state: 'uploading' };
      if (index >= room) {
        setUploads((prev) => [...prev, { ...entry, state: 'error', error: `At most ${ATTACHMENT_LIMITS.maxPerMessage} files per message.` }]);
        return;
      }
      if (file.size > ATTACHMENT_LIMITS.maxBytes) {
        setUploads((prev) => [...prev, { ...entry, state: 'error', error: `Larger than ${formatBytes(ATTACHMENT_LIMITS.maxBytes)}.` }]);
        return;
      }
      setUploads((prev) => [...prev, entry]);
      upload(file).then(
        ({ id }) => update(key, { state: 'done', id }),
        (error: unknown) => update(key, { state: 'error', error: error instanceof Error ? error.message : 'The upload failed.' }),
      );
    });
  }

  return {
    uploads,
    add,
    remove: (key: string) => setUploads((prev) => prev.filter((u) => u.key !== key)),
    clear: () => setUploads([]),
    ids: uploads.filter((u) => u.state === 'done' && u.id).map((u) => u.id!),
    busy: uploads.some((u) => u.state === 'uploading'),
  };
}
