/**
 * Toasts load sonner when the first one is shown, and the shell mounts its toaster (`toaster.tsx`, in the
 * page's theme) lazily too: the library stays out of every page's first load (about 9 KiB gzip). A toast
 * raised before the toaster has mounted is not lost: sonner's toaster shows the active toasts when it subscribes.
 */
let sonner: Promise<typeof import("sonner")> | undefined;
const loadSonner = () => {
  sonner ??= import("sonner");
  return sonner;
};

export const toast = {
  success: (message: string) => void loadSonner().then((module) => module.toast.success(message)),
  error: (message: string) => void loadSonner().then((module) => module.toast.error(message)),
};
