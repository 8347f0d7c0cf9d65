"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { type ReactNode, useEffect, useState } from "react";
import { retryReads } from "@/lib/client/query-retry";
import { NonceContext } from "./nonce-context";

// Loaded after the page, like every toast (components/ui/toast.ts): sonner stays out of the first load.
const Toaster = dynamic(() => import("@/components/ui/toaster").then((module) => module.Toaster), {
  ssr: false,
});

export interface ProvidersProps {
  /** The page's CSP nonce (proxy.ts), for client-rendered elements the policy would block. */
  nonce: string | undefined;
  children: ReactNode;
}

export function Providers({ nonce, children }: ProvidersProps) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Vendor data changes under us (other operators, the appliance itself): refetch, but not on every focus.
          queries: { staleTime: 15_000, refetchOnWindowFocus: false, retry: retryReads },
        },
      }),
  );
  useEffect(() => {
    // Marks the page interactive: end-to-end tests wait for it instead of clicking server-rendered buttons
    // whose handlers are not attached yet.
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <NonceContext value={nonce}>
      <QueryClientProvider client={queryClient}>
        <NuqsAdapter>{children}</NuqsAdapter>
        <Toaster />
      </QueryClientProvider>
    </NonceContext>
  );
}
