'use client';

import { DropdownMenu as Menu } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils/cn';
import { styled } from './styled';

// Styled Radix dropdown parts: Radix brings focus management, arrow keys and typeahead.
export const DropdownMenu = Menu.Root;
export const DropdownMenuTrigger = Menu.Trigger;
export const DropdownMenuGroup = Menu.Group;

export function DropdownMenuContent({
  className,
  sideOffset = 6,
  align = 'start',
  ...props
}: ComponentProps<typeof Menu.Content>) {
  return (
    <Menu.Portal>
      <Menu.Content
        sideOffset={sideOffset}
        align={align}
        className={cn('z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg', className)}
        {...props}
      />
    </Menu.Portal>
  );
}

export const DropdownMenuItem = styled(
  Menu.Item,
  'flex cursor-pointer select-none items-center gap-2 rounded px-2 py-2 text-slate-800 outline-none data-[disabled]:cursor-not-allowed data-[highlighted]:bg-slate-100 data-[disabled]:opacity-50',
);

export const DropdownMenuLabel = styled(
  Menu.Label,
  'px-2 py-1.5 text-xs font-medium uppercase tracking-wide text-slate-500',
);

export const DropdownMenuSeparator = styled(Menu.Separator, 'my-1 h-px bg-slate-200');
