import {
  AlertTriangle,
  Bug,
  CreditCard,
  Globe,
  HelpCircle,
  Inbox,
  Lightbulb,
  Lock,
  Mail,
  Package,
  Shield,
  Smartphone,
  Star,
  Truck,
  User,
  Wrench,
  type LucideIcon,
} from 'lucide-react';
import type { TicketCategoryIcon } from '@/lib/constants/ticket';

// Named imports only, so the bundle carries these sixteen icons and not lucide's whole set.
const ICONS: Record<TicketCategoryIcon, LucideIcon> = {
  inbox: Inbox,
  'help-circle': HelpCircle,
  wrench: Wrench,
  'credit-card': CreditCard,
  lightbulb: Lightbulb,
  bug: Bug,
  truck: Truck,
  shield: Shield,
  user: User,
  lock: Lock,
  mail: Mail,
  package: Package,
  globe: Globe,
  smartphone: Smartphone,
  star: Star,
  'alert-triangle': AlertTriangle,
};

/** A category's icon in its colour; an icon name from before the list existed falls back to the inbox. */
export function CategoryIcon({ icon, color, className }: { icon: string; color: string; className?: string }) {
  const Icon = ICONS[icon as TicketCategoryIcon] ?? Inbox;
  return <Icon aria-hidden="true" className={className ?? 'h-4 w-4'} style={{ color }} />;
}
