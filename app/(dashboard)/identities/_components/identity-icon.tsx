import { Icon } from "@/components/ui/icon";

export const IDENTITY_ICON_PATH =
  "M16 11a4 4 0 1 0-8 0 4 4 0 0 0 8 0Zm-11 10a7 7 0 0 1 14 0M19 8a3 3 0 0 1 0 6m3 7a5 5 0 0 0-3-4.6";

export function IdentityIcon() {
  return (
    <Icon className="h-6 w-6">
      <path d={IDENTITY_ICON_PATH} />
    </Icon>
  );
}
