'use client';

import type { ReactNode } from 'react';
import { ModalFrame } from './modal-frame';

/** A panel sliding in from the left, for navigation on small screens; see ModalFrame. */
export function Sheet(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
}) {
  return <ModalFrame placement="left" closeLabel="Close menu" srDescription="Navigation" {...props} />;
}
