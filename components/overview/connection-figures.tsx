"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { type ReactNode, useMemo } from "react";
import { useFormats, useLocale, useTranslations } from "@/components/i18n/i18n-provider";
import { QueryErrorState } from "@/components/ui/states";
import type {
  ConnectionSummaryDto,
  KalliopeSummaryDto,
  KayakoSummaryDto,
  KerioOperatorSummaryDto,
  KiwireSummaryDto,
} from "@/lib/api/connection-summary";
import { connectionQueries } from "@/lib/client/queries/connections";
import type { Formats } from "@/lib/i18n/formats";
import { INTL_TAGS } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translator";

// The trend is drawn once the figures are in, so the overview's first load carries no chart code.
const Sparkline = dynamic(() => import("@/components/charts/sparkline").then((module) => module.Sparkline), {
  loading: () => <div className="h-11 w-[140px]" />,
});

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
function comparedWithYesterday(
  t: Translate<"overview">,
  f: Formats,
  today: number,
  yesterday: number,
): string {
  const values = { yesterday: f.number(yesterday) };
  if (today === yesterday) return t("figures.sameAsYesterday", values);
  return t(today > yesterday ? "figures.upFromYesterday" : "figures.downFromYesterday", values);
}

/** A calendar day's weekday, short ("Mon") under the sparkline and long ("Monday 1 December") in its text. */
function useWeekdays() {
  const tag = INTL_TAGS[useLocale()];
  return useMemo(() => {
    const short = new Intl.DateTimeFormat(tag, { weekday: "short", timeZone: "UTC" });
    const long = new Intl.DateTimeFormat(tag, {
      weekday: "long",
      day: "numeric",
      month: "long",
      timeZone: "UTC",
    });
    const date = (day: string) => new Date(`${day}T00:00:00Z`);
    return { short: (day: string) => short.format(date(day)), long: (day: string) => long.format(date(day)) };
  }, [tag]);
}

function KalliopeFigures({ id, summary }: { id: string; summary: KalliopeSummaryDto }) {
  const t = useTranslations("overview");
  const f = useFormats();
  const weekday = useWeekdays();
  const calls = `/kalliope/calls?connection=${encodeURIComponent(id)}&preset=today`;
  return (
    <>
      <ul className="grid grid-cols-2 gap-2">
        <Figure
          label={t("figures.callsToday")}
          value={f.number(summary.callsToday)}
          href={calls}
          detail={comparedWithYesterday(t, f, summary.callsToday, summary.callsYesterdaySameTime)}
        />
        <Figure
          label={t("figures.answeredToday")}
          value={summary.answeredShare === null ? "—" : f.percent(summary.answeredShare)}
          href={`${calls}&status=OK`}
          detail={t("figures.answeredOf", {
            answered: f.number(summary.answeredToday),
            total: summary.callsToday,
          })}
        />
      </ul>
      <div className="mt-2">
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("figures.callsPerDay")}</p>
        <Sparkline
          title={t("figures.callsPerDay")}
          unit={t("figures.callsUnit")}
          points={summary.callsPerDay.map((point) => ({
            label: weekday.short(point.day),
            title: weekday.long(point.day),
            value: point.calls,
          }))}
        />
      </div>
    </>
  );
}

function KerioOperatorFigures({ id, summary }: { id: string; summary: KerioOperatorSummaryDto }) {
  const t = useTranslations("overview");
  const f = useFormats();
  const href = `/kerio/extensions?connection=${encodeURIComponent(id)}`;
  return (
    <ul className="grid grid-cols-2 gap-2">
      {summary.registered === null ? (
        <Figure
          label={t("figures.extensions")}
          value={f.number(summary.extensions)}
          href={href}
          detail={t("figures.registrationUnknown")}
        />
      ) : (
        <Figure
          label={t("figures.phonesRegistered")}
          value={`${f.number(summary.registered)} / ${f.number(summary.extensions)}`}
          href={href}
          detail={t("figures.unregistered", { count: summary.extensions - summary.registered })}
        />
      )}
    </ul>
  );
}

function KiwireFigures({ id, summary }: { id: string; summary: KiwireSummaryDto }) {
  const t = useTranslations("overview");
  const f = useFormats();
  const active = `/kiwire/vouchers?connection=${encodeURIComponent(id)}&status=active`;
  return (
    <ul className="grid grid-cols-2 gap-2">
      <Figure label={t("figures.activeVouchers")} value={f.number(summary.activeVouchers)} href={active} />
      <Figure
        label={t("figures.expiringToday")}
        value={f.number(summary.expiringToday)}
        href={`${active}&expires=${summary.today}`}
        detail={summary.today}
      />
    </ul>
  );
}

function KayakoFigures({ id, summary }: { id: string; summary: KayakoSummaryDto }) {
  const t = useTranslations("overview");
  const f = useFormats();
  const open = `/kayako/tickets?connection=${encodeURIComponent(id)}&status=open`;
  return (
    <ul className="grid grid-cols-2 gap-2">
      <Figure label={t("figures.openTickets")} value={f.number(summary.openTickets)} href={open} />
      <Figure
        label={t("figures.unassigned")}
        value={f.number(summary.unassignedTickets)}
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
  const t = useTranslations("overview");
  const summary = useQuery(connectionQueries.summary(connectionId));
  return (
    <section aria-label={t("figures.label")} className="mt-3" data-testid="connection-figures">
      {summary.isPending && (
        <div
          role="status"
          aria-label={t("figures.loading")}
          className="h-16 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800"
        />
      )}
      <QueryErrorState query={summary} />
      {summary.data && <Figures id={connectionId} summary={summary.data} />}
    </section>
  );
}
