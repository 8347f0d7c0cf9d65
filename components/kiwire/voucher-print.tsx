"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { useNonce } from "@/components/shell/nonce-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { keepTabWithin } from "@/components/ui/focus-wrap";
import { QrCode } from "@/components/ui/qr-code";
import { QueryErrorState } from "@/components/ui/states";
import type { AccountDto } from "@/lib/api/kiwire";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import { type VoucherQrSetting, voucherQrContent } from "@/lib/voucher-qr";

export type PrintLayout = "a4" | "slip";

export interface VoucherPrintProps {
  connectionId: string;
  vouchers: AccountDto[];
  siteName: string;
  onClose: () => void;
}

/**
 * The print view: Kiwire has no print API (notes §4), so the console lays out the codes itself, each with a
 * QR code holding what the connection says (the code, or the portal URL made from it). On screen it is a
 * modal <dialog> over the whole window: the browser moves focus into it, closes it on Escape and gives focus
 * back to the button that opened it; Tab stays inside (`keepTabWithin`). The print stylesheet hides everything but the
 * sheet, and picks the page size of the layout (A4 sheet of cut-out cards, or an 80 mm receipt roll).
 */
export function VoucherPrint({ connectionId, vouchers, siteName: initialSite, onClose }: VoucherPrintProps) {
  const t = useTranslations("kiwire");
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [layout, setLayout] = useState<PrintLayout>("a4");
  const [siteName, setSiteName] = useState(initialSite);
  const printSettings = useQuery(kiwireQueries.voucherPrintSettings(connectionId));
  const qr = printSettings.data?.qr;
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  // The print rules change with the layout, so they are a <style> element, which the CSP admits by nonce.
  const nonce = useNonce();
  // 80 × 297 mm is receipt printers' roll-paper page (a page height is required: `80mm auto` is invalid CSS).
  const pageRule =
    layout === "a4" ? "@page { size: A4; margin: 10mm; }" : "@page { size: 80mm 297mm; margin: 3mm; }";
  // A child of <body>, so printing can take the page out of the layout (`display: none` on everything else):
  // merely hidden, the page behind still filled sheets of blank paper after the vouchers.
  return createPortal(
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      aria-modal="true"
      onClose={onClose}
      onKeyDown={keepTabWithin}
      className="voucher-print-root fixed inset-0 m-0 h-full max-h-none w-full max-w-none overflow-auto border-0 bg-slate-100 p-4 text-slate-900 backdrop:bg-slate-950/50 dark:bg-slate-950 dark:text-slate-100"
    >
      <style nonce={nonce}>{`
        @media print {
          ${pageRule}
          body > :not(.voucher-print-root) { display: none !important; }
          .voucher-print-root {
            position: absolute !important; inset: 0 auto auto 0 !important; width: 100% !important;
            height: auto !important; max-height: none !important; margin: 0 !important; padding: 0 !important;
            overflow: visible !important; background: #fff !important;
          }
          .voucher-print-root::backdrop { background: transparent !important; }
          .voucher-print-controls { display: none !important; }
          .voucher-print-paper { padding: 0 !important; box-shadow: none !important; }
          .voucher-card, .voucher-slip { break-inside: avoid; page-break-inside: avoid; }
        }
      `}</style>
      <div className="voucher-print-controls mb-4 space-y-3 border-b border-slate-300 pb-3 dark:border-slate-700">
        <h2 id={headingId} className="text-lg font-semibold">
          {t("print.title")}
        </h2>
        <div className="flex flex-wrap items-end gap-3">
          <SelectField
            label={t("print.layout")}
            value={layout}
            onChange={(event) => setLayout(event.currentTarget.value as PrintLayout)}
            options={[
              { value: "a4", label: t("print.layoutA4") },
              { value: "slip", label: t("print.layoutSlip") },
            ]}
          />
          <TextField
            label={t("print.siteName")}
            value={siteName}
            onChange={(event) => setSiteName(event.currentTarget.value)}
          />
          <Button onClick={() => window.print()} disabled={printSettings.isPending}>
            {t("print.print", { count: vouchers.length })}
          </Button>
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t("print.close")}
          </Button>
        </div>
        {printSettings.isError && (
          <>
            <p className="text-sm">{t("print.qrUnavailable")}</p>
            <QueryErrorState query={printSettings} />
          </>
        )}
      </div>
      <div className="voucher-print-paper mx-auto w-fit bg-white p-4 text-black shadow">
        {layout === "a4" ? (
          <div data-testid="voucher-sheet" className="grid grid-cols-3 gap-0" style={{ width: "190mm" }}>
            {vouchers.map((voucher) => (
              <div
                key={voucher.username}
                data-testid="voucher-card"
                className="voucher-card flex items-center gap-2 border border-dashed border-slate-500 p-2"
                style={{ height: "38mm" }}
              >
                <div className="min-w-0 flex-1 text-center">
                  {siteName && <div className="truncate text-xs font-semibold uppercase">{siteName}</div>}
                  <div className="text-xs">{t("print.accessCode")}</div>
                  <div data-testid="voucher-code" className="my-1 break-all font-mono text-base font-bold">
                    {voucher.username}
                  </div>
                  <div className="text-xs">{voucher.profile}</div>
                  {voucher.expiresAt && (
                    <div className="text-xs">
                      {t("print.validUntil", { date: voucher.expiresAt.slice(0, 10) })}
                    </div>
                  )}
                </div>
                {qr && <VoucherQr setting={qr} code={voucher.username} size="card" />}
              </div>
            ))}
          </div>
        ) : (
          <div data-testid="voucher-slips" style={{ width: "74mm" }}>
            {vouchers.map((voucher) => (
              <div
                key={voucher.username}
                data-testid="voucher-card"
                className="voucher-slip border-b border-dashed border-slate-500 py-3 text-center"
              >
                {siteName && <div className="text-sm font-semibold">{siteName}</div>}
                <div className="text-xs">{t("print.accessCode")}</div>
                <div data-testid="voucher-code" className="my-1 font-mono text-xl font-bold">
                  {voucher.username}
                </div>
                {qr && <VoucherQr setting={qr} code={voucher.username} size="slip" />}
                <div className="text-xs">{t("print.plan", { plan: voucher.profile })}</div>
                {voucher.expiresAt && (
                  <div className="text-xs">{t("print.validUntil", { date: voucher.expiresAt })}</div>
                )}
              </div>
            ))}
          </div>
        )}
      </div>
    </dialog>,
    document.body,
  );
}

function VoucherQr({
  setting,
  code,
  size,
}: {
  setting: VoucherQrSetting;
  code: string;
  size: "card" | "slip";
}) {
  const t = useTranslations("kiwire");
  const value = voucherQrContent(setting, code);
  const label = t(setting.content === "code" ? "print.qrCode" : "print.qrPortal", { value });
  return <QrCode value={value} label={label} size={size} />;
}
