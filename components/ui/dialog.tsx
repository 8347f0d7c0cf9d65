"use client";

import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "./button";
import { keepTabWithin } from "./focus-wrap";

export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** `wide` for content that needs the room (tables, recorded exchanges); forms keep the narrow default. */
  size?: "default" | "wide";
  /**
   * For forms: once something was typed, Escape and `DialogCancelButton` ask before throwing it away. A
   * second Escape on that question discards (the browser closes a dialog on a repeated Escape regardless).
   */
  guardTypedInput?: boolean;
}

/** Closes the dialog, asking first when it guards typed input. */
const RequestCloseContext = createContext<(() => void) | null>(null);

/**
 * A modal on the native <dialog> element: the browser moves focus in and back, closes on Escape and makes the
 * background inert, which hand-rolled modals usually get wrong; Tab wraps inside it (`keepTabWithin`).
 */
export function Dialog({ open, title, onClose, children, size = "default", guardTypedInput }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState(false);
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    if (!open) {
      setTyped(false);
      setAskingToDiscard(false);
    }
  }, [open]);
  const requestClose = () => {
    if (guardTypedInput && typed) setAskingToDiscard(true);
    else onClose();
  };
  return (
    <dialog
      ref={ref}
      aria-labelledby="dialog-title"
      onClose={onClose}
      onCancel={(event) => {
        if (!guardTypedInput || !typed || askingToDiscard) return;
        event.preventDefault();
        setAskingToDiscard(true);
      }}
      onInput={guardTypedInput ? () => setTyped(true) : undefined}
      onKeyDown={keepTabWithin}
      className={`m-auto w-full ${size === "wide" ? "max-w-5xl" : "max-w-lg"} rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100`}
    >
      {open && (
        <div className="space-y-4 p-6">
          <h2 id="dialog-title" className="text-lg font-semibold">
            {title}
          </h2>
          <RequestCloseContext value={requestClose}>{children}</RequestCloseContext>
          {askingToDiscard && (
            <DiscardQuestion onKeep={() => setAskingToDiscard(false)} onDiscard={onClose} />
          )}
        </div>
      )}
    </dialog>
  );
}

/** "Discard what you typed?" with Keep editing (focused, the safe answer) and Discard. */
export function DiscardQuestion({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const t = useTranslations("ui");
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <span>{t("dialog.discardQuestion")}</span>
      <span className="flex gap-2">
        <Button ref={keep} variant="secondary" size="sm" onClick={onKeep}>
          {t("dialog.keepEditing")}
        </Button>
        <Button variant="danger" size="sm" onClick={onDiscard}>
          {t("dialog.discard")}
        </Button>
      </span>
    </div>
  );
}

/** A form's Cancel: asks before discarding typed input when its dialog guards it. */
export function DialogCancelButton({ children }: { children?: ReactNode }) {
  const t = useTranslations("ui");
  const requestClose = useContext(RequestCloseContext);
  if (!requestClose) throw new Error("DialogCancelButton belongs inside a Dialog");
  return (
    <Button variant="secondary" onClick={requestClose}>
      {children ?? t("dialog.cancel")}
    </Button>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** Names exactly what will change, e.g. "Disable maria@example.com? Her sessions end at once." */
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  danger,
  pending,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const t = useTranslations("ui");
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="text-sm text-slate-700 dark:text-slate-300">{message}</div>
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onClose}
          className="rounded-md border border-slate-300 px-3.5 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {t("dialog.cancel")}
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={onConfirm}
          className={`rounded-md px-3.5 py-2 text-sm font-medium text-white disabled:opacity-50 ${danger ? "bg-red-700 hover:bg-red-800" : "bg-sky-700 hover:bg-sky-800"}`}
        >
          {pending ? t("dialog.working") : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
