import { Icon } from "@/components/ui/icon";

export function KeyIcon({ className = "h-6 w-6" }: { className?: string }) {
  return (
    <Icon className={className}>
      <circle cx="8" cy="15" r="4" />
      <path d="M10.8 12.2 20 3m-3 3 3 3m-6 0 3 3" />
    </Icon>
  );
}
