"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import type { ReactNode } from "react";
import { QueryErrorState } from "@/components/ui/states";
import type {
  ConnectionSummaryDto,
  KalliopeSummaryDto,
  KayakoSummaryDto,
  KerioOperatorSummaryDto,
  KiwireSummaryDto,
} from "@/lib/api/connection-summary";
import { connectionQueries } from "@/lib/client/queries/connections";

// The trend is drawn once the figures are in, so the overview's first load carries no chart code.
const Sparkline = dynamic(() => import("@/components/charts/sparkline").then((module) => module.Sparkline), {
  loading: () => <div className="h-11 w-[140px]" />,
});

const number = (value: number) => value.toLocaleString("en");

interface FigureProps {
  label: string;
  value: string;
  /** The list filtered to what the figure counts. */
  href: string;
  detail?: ReactNode;
}

/** One figure, the whole of it a link: its name, value and detail are the link's name for a screen reader. */
function Figure({ label, value, href, detail }: FigureProps) {
  return (
    <li>
      <Link
        href={href}
        className="block rounded-md border border-slate-200 px-3 py-2 hover:border-sky-600 hover:bg-sky-50 dark:border-slate-700 dark:hover:border-sky-400 dark:hover:bg-slate-800"
      >
        <span className="block text-xs text-slate-600 dark:text-slate-400">{label}</span>
        <span className="block text-xl font-semibold tabular-nums" data-testid="figure-value">
          {value}
        </span>
        {detail && <span className="block text-xs text-slate-600 dark:text-slate-400">{detail}</span>}
      </Link>
    </li>
  );
}

/** "up from 12 by this time yesterday": the change in words, so it needs no colour or arrow to be read. */
function comparedWithYesterday(today: number, yesterday: number): string {
  if (today === yesterday) return `same as by this time yesterday (${number(yesterday)})`;
  return `${today > yesterday ? "up" : "down"} from ${number(yesterday)} by this time yesterday`;
}

const weekday = (day: string, style: "short" | "long") =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    weekday: style,
    ...(style === "long" && { day: "numeric", month: "long" }),
    timeZone: "UTC",
  });

function KalliopeFigures({ id, summary }: { id: string; summary: KalliopeSummaryDto }) {
  const calls = `/kalliope/calls?connection=${encodeURIComponent(id)}&preset=today`;
  return (
    <>
      <ul className="grid grid-cols-2 gap-2">
        <Figure
          label="Calls today"
          value={number(summary.callsToday)}
          href={calls}
          detail={comparedWithYesterday(summary.callsToday, summary.callsYesterdaySameTime)}
        />
        <Figure
          label="Answered today"
          value={summary.answeredShare === null ? "—" : `${Math.round(summary.answeredShare * 100)} %`}
          href={`${calls}&status=OK`}
          detail={`${number(summary.answeredToday)} of ${number(summary.callsToday)} calls`}
        />
      </ul>
      <div className="mt-2">
        <p className="text-xs text-slate-600 dark:text-slate-400">Calls per day, last 7 days</p>
        <Sparkline
          title="Calls per day, last 7 days"
          unit="calls"
          points={summary.callsPerDay.map((point) => ({
            label: weekday(point.day, "short"),
            title: weekday(point.day, "long"),
            value: point.calls,
          }))}
        />
      </div>
    </>
  );
}

function KerioOperatorFigures({ id, summary }: { id: string; summary: KerioOperatorSummaryDto }) {
  const href = `/kerio/extensions?connection=${encodeURIComponent(id)}`;
  return (
    <ul className="grid grid-cols-2 gap-2">
      {summary.registered === null ? (
        <Figure
          label="Extensions"
          value={number(summary.extensions)}
          href={href}
          detail="This Operator does not report which phones are registered."
        />
      ) : (
        <Figure
          label="Phones registered"
          value={`${number(summary.registered)} / ${number(summary.extensions)}`}
          href={href}
          detail={`${number(summary.extensions - summary.registered)} extensions without a registered phone`}
        />
      )}
    </ul>
  );
}

function KiwireFigures({ id, summary }: { id: string; summary: KiwireSummaryDto }) {
  const active = `/kiwire/vouchers?connection=${encodeURIComponent(id)}&status=active`;
  return (
    <ul className="grid grid-cols-2 gap-2">
      <Figure label="Active vouchers" value={number(summary.activeVouchers)} href={active} />
      <Figure
        label="Expiring today"
        value={number(summary.expiringToday)}
        href={`${active}&expires=${summary.today}`}
        detail={summary.today}
      />
    </ul>
  );
}

function KayakoFigures({ id, summary }: { id: string; summary: KayakoSummaryDto }) {
  const open = `/kayako/tickets?connection=${encodeURIComponent(id)}&status=open`;
  return (
    <ul className="grid grid-cols-2 gap-2">
      <Figure label="Open tickets" value={number(summary.openTickets)} href={open} />
      <Figure
        label="Unassigned"
        value={number(summary.unassignedTickets)}
        href={`${open}&owner=unassigned`}
      />
    </ul>
  );
}

function Figures({ id, summary }: { id: string; summary: ConnectionSummaryDto }) {
  switch (summary.kind) {
    case "kalliope":
      return <KalliopeFigures id={id} summary={summary} />;
    case "kerio-operator":
      return <KerioOperatorFigures id={id} summary={summary} />;
    case "kiwire":
      return <KiwireFigures id={id} summary={summary} />;
    case "kayako":
      return <KayakoFigures id={id} summary={summary} />;
    case "kerio-connect":
    case "kerio-control":
      return null;
  }
}

/**
 * A connection's live figures on its overview card: fetched by the card itself, so a slow or failing
 * appliance shows its loading state or its error here while every other card carries on.
 */
export function ConnectionFigures({ connectionId }: { connectionId: string }) {
  const summary = useQuery(connectionQueries.summary(connectionId));
  return (
    <section aria-label="Figures" className="mt-3" data-testid="connection-figures">
      {summary.isPending && (
        <div
          role="status"
          aria-label="Loading figures"
          className="h-16 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800"
        />
      )}
      <QueryErrorState query={summary} />
      {summary.data && <Figures id={connectionId} summary={summary.data} />}
    </section>
  );
}
