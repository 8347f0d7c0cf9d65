"use client";

import { useState } from "react";
import { useNonce } from "@/components/shell/nonce-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { AccountDto } from "@/lib/api/kiwire";

export type PrintLayout = "a4" | "slip";

export interface VoucherPrintProps {
  vouchers: AccountDto[];
  siteName: string;
  onClose: () => void;
}

/**
 * The print view: Kiwire has no print API (notes §4), so the console lays out the codes itself. On screen it
 * is a full-window overlay with its controls; the print stylesheet hides everything else and the controls,
 * and picks the page size of the layout (A4 sheet of cut-out cards, or an 80 mm receipt roll).
 */
export function VoucherPrint({ vouchers, siteName: initialSite, onClose }: VoucherPrintProps) {
  const [layout, setLayout] = useState<PrintLayout>("a4");
  const [siteName, setSiteName] = useState(initialSite);
  // The print rules change with the layout, so they are a <style> element, which the CSP admits by nonce.
  const nonce = useNonce();
  const pageRule =
    layout === "a4" ? "@page { size: A4; margin: 10mm; }" : "@page { size: 80mm auto; margin: 3mm; }";
  return (
    <div
      role="dialog"
      aria-label="Print vouchers"
      className="voucher-print-root fixed inset-0 z-50 overflow-auto bg-white p-4 text-black"
    >
      <style nonce={nonce}>{`
        @media print {
          ${pageRule}
          body * { visibility: hidden !important; }
          .voucher-print-root, .voucher-print-root * { visibility: visible !important; }
          .voucher-print-root { position: absolute !important; inset: 0 !important; padding: 0 !important; overflow: visible !important; }
          .voucher-print-controls { display: none !important; }
          .voucher-card, .voucher-slip { break-inside: avoid; page-break-inside: avoid; }
        }
      `}</style>
      <div className="voucher-print-controls mb-4 flex flex-wrap items-end gap-3 border-b border-slate-300 pb-3">
        <SelectField
          label="Layout"
          value={layout}
          onChange={(event) => setLayout(event.currentTarget.value as PrintLayout)}
          options={[
            { value: "a4", label: "A4 sheet of cut-out cards" },
            { value: "slip", label: "80 mm receipt slips" },
          ]}
        />
        <TextField
          label="Site name"
          value={siteName}
          onChange={(event) => setSiteName(event.currentTarget.value)}
        />
        <Button onClick={() => window.print()}>Print {vouchers.length.toLocaleString("en")} vouchers</Button>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
      {layout === "a4" ? (
        <div data-testid="voucher-sheet" className="grid grid-cols-3 gap-0">
          {vouchers.map((voucher) => (
            <div
              key={voucher.username}
              className="voucher-card border border-dashed border-slate-500 p-3 text-center"
              style={{ height: "38mm" }}
            >
              {siteName && <div className="text-xs font-semibold uppercase">{siteName}</div>}
              <div className="text-xs">Wi-Fi access code</div>
              <div data-testid="voucher-code" className="my-1 font-mono text-lg font-bold tracking-wider">
                {voucher.username}
              </div>
              <div className="text-xs">{voucher.profile}</div>
              {voucher.expiresAt && (
                <div className="text-xs">Valid until {voucher.expiresAt.slice(0, 10)}</div>
              )}
            </div>
          ))}
        </div>
      ) : (
        <div data-testid="voucher-slips" className="mx-auto" style={{ width: "74mm" }}>
          {vouchers.map((voucher) => (
            <div
              key={voucher.username}
              className="voucher-slip border-b border-dashed border-slate-500 py-3 text-center"
            >
              {siteName && <div className="text-sm font-semibold">{siteName}</div>}
              <div className="text-xs">Wi-Fi access code</div>
              <div data-testid="voucher-code" className="my-1 font-mono text-xl font-bold">
                {voucher.username}
              </div>
              <div className="text-xs">Plan: {voucher.profile}</div>
              {voucher.expiresAt && <div className="text-xs">Valid until {voucher.expiresAt}</div>}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
