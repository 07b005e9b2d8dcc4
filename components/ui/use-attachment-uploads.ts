'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ATTACHMENT_LIMITS } from '@/lib/constants/ticket';
import { UploadError, uploadAttachment, type UploadedAttachment } from './upload-attachment';

export type UploadItem = {
  key: string;
  file: File;
  status: 'uploading' | 'done' | 'error';
  /** 0–1 while uploading. */
  progress: number;
  error?: string;
  /** False when retrying can't help (the file is over the size limit). */
  retryable: boolean;
  attachment?: UploadedAttachment;
};

const MAX_MB = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;

/**
 * Files picked for one message: each uploads as soon as it is chosen, so sending the message only
 * passes ids. Limits are checked here first to save a pointless upload; the server checks them again.
 * `portalSlug` on a customer's portal page; staff pages leave it out.
 */
export function useAttachmentUploads(portalSlug?: string) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const controllers = useRef(new Map<string, AbortController>());
  const nextKey = useRef(0);

  // Leaving the page abandons uploads still in flight.
  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((controller) => controller.abort());
  }, []);

  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const start = useCallback(
    (key: string, file: File) => {
      const controller = new AbortController();
      controllers.current.set(key, controller);
      uploadAttachment(file, portalSlug, (progress) => patch(key, { progress }), controller.signal)
        .then((attachment) => patch(key, { status: 'done', progress: 1, attachment }))
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          patch(key, {
            status: 'error',
            error: error instanceof Error ? error.message : "The file couldn't be uploaded. Try again.",
            retryable: !(error instanceof UploadError) || error.retryable,
          });
        })
        .finally(() => controllers.current.delete(key));
    },
    [patch, portalSlug],
  );

  const add = useCallback(
    (files: FileList | File[]) => {
      const picked = Array.from(files);
      const room = Math.max(0, ATTACHMENT_LIMITS.maxPerMessage - items.length);
      const accepted = picked.slice(0, room);
      setNotice(
        picked.length > room
          ? `You can attach up to ${ATTACHMENT_LIMITS.maxPerMessage} files to one message. ${picked.length - room === 1 ? 'One file was' : `${picked.length - room} files were`} left out.`
          : null,
      );
      const added = accepted.map((file): UploadItem => {
        const key = `upload-${nextKey.current++}`;
        if (file.size > ATTACHMENT_LIMITS.maxBytes) {
          return {
            key,
            file,
            status: 'error',
            progress: 0,
            retryable: false,
            error: `${file.name} is larger than ${MAX_MB} MB. Attach a smaller file or share a link.`,
          };
        }
        return { key, file, status: 'uploading', progress: 0, retryable: true };
      });
      setItems((current) => [...current, ...added]);
      for (const item of added) if (item.status === 'uploading') start(item.key, item.file);
    },
    [items.length, start],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setItems((current) => current.filter((item) => item.key !== key));
    setNotice(null);
  }, []);

  const retry = useCallback(
    (key: string) => {
      const item = items.find((candidate) => candidate.key === key);
      if (!item || !item.retryable) return;
      patch(key, { status: 'uploading', progress: 0, error: undefined });
      start(key, item.file);
    },
    [items, patch, start],
  );

  const reset = useCallback(() => {
    controllers.current.forEach((controller) => controller.abort());
    controllers.current.clear();
    setItems([]);
    setNotice(null);
  }, []);

  const attachmentIds = useMemo(() => items.flatMap((item) => (item.attachment ? [item.attachment.id] : [])), [items]);

  /** Why the message can't be sent yet because of its files, or null when it can. */
  const blocker = items.some((item) => item.status === 'uploading')
    ? 'Wait for the attachments to finish uploading.'
    : items.some((item) => item.status === 'error')
      ? 'Remove the attachments that failed, or try them again, before sending.'
      : null;

  return {
    items,
    notice,
    add,
    remove,
    retry,
    reset,
    attachmentIds,
    blocker,
    full: items.length >= ATTACHMENT_LIMITS.maxPerMessage,
  };
}

export type AttachmentUploads = ReturnType<typeof useAttachmentUploads>;
