"use client";

import { useSyncExternalStore } from "react";
import { type Theme, themeOfRootClasses } from "@/lib/theme";

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

/**
 * The theme <html> shows now, following the theme menu as it changes the class: for components that draw their
 * own colours (sonner's toaster) instead of Tailwind's `dark:` variant.
 */
export function useDocumentTheme(): Theme {
  return useSyncExternalStore(
    subscribe,
    () => themeOfRootClasses(document.documentElement.classList),
    () => "system",
  );
}
