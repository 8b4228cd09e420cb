import { Icon } from "@/components/ui/icon";

/** Three linked nodes: an event going out to other systems. */
export function WebhookIcon({ className = "h-6 w-6" }: { className?: string }) {
  return (
    <Icon className={className}>
      <circle cx="12" cy="6" r="3" />
      <circle cx="6" cy="18" r="3" />
      <circle cx="18" cy="18" r="3" />
      <path d="M10.5 8.6 7.5 15.4M13.5 8.6l3 6.8M9 18h6" />
    </Icon>
  );
}
