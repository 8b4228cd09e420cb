import { Button } from "./button";

/** A dialog's footer: Cancel, and the submit button that says what it does (and while it does it). */
export function DialogActions({
  onCancel,
  pending,
  label,
  pendingLabel,
}: {
  onCancel: () => void;
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
      <Button type="button" variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
