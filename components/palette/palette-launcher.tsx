"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import type { Role } from "@/lib/permissions";

// Loaded on first use: the palette, its search and the navigation list stay out of every page's first load.
const CommandPalette = dynamic(() => import("./command-palette").then((module) => module.CommandPalette), {
  ssr: false,
});
const preload = () => void import("./command-palette");

export interface PaletteLauncherProps {
  userId: string;
  role: Role;
}

/** Ctrl+K / ⌘K anywhere in the console, and a header button that says so, open the command palette. */
export function PaletteLauncher({ userId, role }: PaletteLauncherProps) {
  const t = useTranslations("palette");
  const [open, setOpen] = useState(false);
  const [apple, setApple] = useState(false);
  const isOpen = useRef(false);
  const returnFocus = useRef<HTMLElement | null>(null);

  const show = useCallback(() => {
    if (isOpen.current) return;
    isOpen.current = true;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  }, []);
  const close = useCallback(() => {
    isOpen.current = false;
    setOpen(false);
    // Back where the person was; after a jump to another page the old element is gone and Next places focus.
    if (returnFocus.current?.isConnected) returnFocus.current.focus();
  }, []);

  useEffect(() => {
    // After hydration only: the server cannot know the keyboard, and the label must match its first render.
    setApple(/Mac|iPhone|iPad/.test(navigator.platform));
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.key.toLowerCase() !== "k" ||
        !(event.ctrlKey || event.metaKey) ||
        event.altKey ||
        event.shiftKey
      )
        return;
      event.preventDefault();
      show();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [show]);

  return (
    <>
      <button
        type="button"
        onClick={show}
        onPointerEnter={preload}
        onFocus={preload}
        aria-keyshortcuts="Control+K Meta+K"
        aria-haspopup="dialog"
        className="mr-auto inline-flex items-center gap-3 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        {/* Not "Search": every list has a Search button, and two of them on a page would be ambiguous. */}
        <span>{t("launcher")}</span>
        <kbd className="rounded border border-slate-300 px-1 font-sans text-xs dark:border-slate-600">
          {apple ? "⌘K" : "Ctrl K"}
        </kbd>
      </button>
      {open && <CommandPalette userId={userId} role={role} onClose={close} />}
    </>
  );
}
