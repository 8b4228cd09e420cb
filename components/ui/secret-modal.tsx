"use client";

import { Modal } from "./modal";
import { type SecretKind, SecretReveal } from "./secret-reveal";

/** A secret shown once, in a dialog that only "I have stored it" → Done closes. Open while `secret` is set. */
export function SecretModal({
  title,
  secret,
  kind,
  note,
  onClose,
  onDone,
}: {
  title: string;
  secret: string | null;
  kind: SecretKind;
  note?: string;
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <Modal open={secret !== null} onClose={onClose} title={title} dismissable={false}>
      {secret ? <SecretReveal secret={secret} kind={kind} note={note} onDone={onDone} /> : null}
    </Modal>
  );
}
