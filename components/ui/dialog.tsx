'use client';

import type { ReactNode } from 'react';
import { ModalFrame } from './modal-frame';

/** A centred modal with a close button; see ModalFrame for focus and keyboard handling. */
export function Dialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return <ModalFrame placement="centre" closeLabel="Close" {...props} />;
}
