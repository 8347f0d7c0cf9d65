"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { useSavedViewGroups } from "@/components/saved-views/use-saved-view-groups";
import type { SearchSourceDto } from "@/lib/api/search";
import { searchQueries } from "@/lib/client/queries/search";
import type { Translate } from "@/lib/i18n/translator";
import { NAVIGATION } from "@/lib/navigation";
import { searchItemHref } from "@/lib/palette-targets";
import { can, type Role } from "@/lib/permissions";
import { type SearchIntent, searchIntents } from "@/lib/search-query";
import { SEARCH_QUERY_MAX } from "@/lib/search-vocabulary";
import { type RecentItem, readRecentItems, rememberRecentItem } from "./recent-items";

/** Long enough that a number typed at speed is asked once, short enough to feel live. */
const DEBOUNCE_MS = 250;

interface Option extends RecentItem {
  key: string;
}

interface Group {
  key: string;
  heading: string;
  /** Said with the heading: what was searched, and how the source answered when it did not. */
  notes: string[];
  tone: "normal" | "problem";
  options: Option[];
}

function useDebounced(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

function pageOptions(role: Role, nav: Translate<"nav">, t: Translate<"palette">): Option[] {
  return NAVIGATION.flatMap((section) =>
    section.items
      .filter((item) => can(role, item.permission))
      .map((item) => ({
        key: `page:${item.href}`,
        href: item.href,
        label: nav(`pages.${item.page}`),
        detail: nav(`sections.${section.section}`),
        group: t("page"),
      })),
  );
}

function sourceGroup(source: SearchSourceDto, intents: SearchIntent[], t: Translate<"palette">): Group {
  const label = t(`kinds.${source.kind}.label`);
  const noun = t(`kinds.${source.kind}.noun`);
  // The query's one meaning for this kind, said in the person's language (the API says it in English).
  const intent = intents.find((candidate) => candidate.kind === source.kind);
  const what = intent ? t(`searched.${intent.meaning}`, { value: intent.value }) : source.searched;
  const notes = [t("searchedNote", { what })];
  if (source.message) notes.push(source.message);
  else if (source.items.length === 0) notes.push(t("nothingFound"));
  return {
    key: `${source.kind}:${source.connectionId}`,
    heading: `${label} · ${source.connectionName}`, // literal: two names, joined as every list joins them
    notes,
    tone: source.status === "ok" ? "normal" : "problem",
    options: source.items.map((item) => ({
      key: `${source.kind}:${source.connectionId}:${item.id}`,
      href: searchItemHref(item.kind, source.connectionId, item.id),
      label: item.label,
      detail: item.detail,
      group: `${noun} · ${source.connectionName}`,
    })),
  };
}

export interface CommandPaletteProps {
  userId: string;
  role: Role;
  onClose: () => void;
}

/**
 * The command palette: a modal combobox (WAI-ARIA 1.2 pattern) over pages the role may open, the person's
 * recent items, and what the console search finds on the appliances. Focus stays in the text field; the
 * arrow keys move the active option, Enter opens it, Escape closes (the native dialog's cancel).
 */
export function CommandPalette({ userId, role, onClose }: CommandPaletteProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState("");
  const [activeIndex, setActiveIndex] = useState(0);
  const [recent] = useState(() => readRecentItems(window.localStorage, userId));
  const typed = text.trim();
  const query = useDebounced(typed, DEBOUNCE_MS);
  const intents = searchIntents(query);
  const searchable = intents.length > 0;
  const nav = useTranslations("nav");
  const t = useTranslations("palette");
  const results = useQuery({ ...searchQueries.results(query), enabled: searchable });
  const savedViews = useSavedViewGroups(typed);

  useEffect(() => {
    dialog.current?.showModal();
    input.current?.focus();
  }, []);

  const lower = typed.toLowerCase();
  const pages = pageOptions(role, nav, t).filter(
    (page) =>
      lower === "" || page.label.toLowerCase().includes(lower) || page.detail.toLowerCase().includes(lower),
  );
  const groups: Group[] =
    typed === ""
      ? [
          ...(recent.length > 0
            ? [
                {
                  key: "recent",
                  heading: t("groups.recent"),
                  notes: [],
                  tone: "normal" as const,
                  options: recent.map((item) => ({ ...item, key: `recent:${item.href}` })),
                },
              ]
            : []),
          { key: "pages", heading: t("groups.pages"), notes: [], tone: "normal", options: pages },
          ...savedViews,
        ]
      : [
          ...(pages.length > 0
            ? [
                {
                  key: "pages",
                  heading: t("groups.pages"),
                  notes: [],
                  tone: "normal" as const,
                  options: pages,
                },
              ]
            : []),
          ...savedViews,
          // A stale answer (the debounce or the request still running) is not shown as this text's result.
          ...(searchable && query === typed && results.data && !results.isPlaceholderData
            ? results.data.sources.map((source) => sourceGroup(source, intents, t))
            : []),
          ...(searchable && query === typed && results.isError
            ? [
                {
                  key: "error",
                  heading: t("groups.search"),
                  notes: [results.error.message],
                  tone: "problem" as const,
                  options: [],
                },
              ]
            : []),
        ];
  const options = groups.flatMap((group) => group.options);
  const active = Math.min(activeIndex, Math.max(options.length - 1, 0));
  const activeOption = options[active];
  const optionId = (index: number) => `${id}-option-${index}`;
  const searching =
    typed !== "" && searchIntents(typed).length > 0 && (query !== typed || results.isFetching);
  const problems = results.data?.sources.filter((source) => source.status !== "ok").length ?? 0;

  const openOption = (option: Option) => {
    rememberRecentItem(window.localStorage, userId, {
      href: option.href,
      label: option.label,
      detail: option.detail,
      group: option.group,
    });
    router.push(option.href);
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = options.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active >= last ? 0 : active + 1,
      ArrowUp: active <= 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves && options.length > 0) {
      // Home and End keep their meaning in the text field once something is typed.
      if ((event.key === "Home" || event.key === "End") && text !== "") return;
      event.preventDefault();
      setActiveIndex(moves[event.key] ?? 0);
      document.getElementById(optionId(moves[event.key] ?? 0))?.scrollIntoView({ block: "nearest" });
    } else if (event.key === "Enter" && activeOption) {
      event.preventDefault();
      openOption(activeOption);
    }
  };

  let index = -1;
  return (
    <dialog
      ref={dialog}
      aria-label={t("title")}
      data-command-palette=""
      onClose={onClose}
      className="mx-auto mt-[12vh] w-full max-w-xl rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="border-b border-slate-200 p-3 dark:border-slate-800">
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label={t("inputLabel")}
          aria-expanded="true"
          aria-controls={`${id}-listbox`}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          maxLength={SEARCH_QUERY_MAX}
          value={text}
          placeholder={t("placeholder")}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setActiveIndex(0);
          }}
          onKeyDown={onKeyDown}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-400"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {t("hint")}
        </p>
      </div>
      <div
        id={`${id}-listbox`}
        role="listbox"
        aria-label={t("results")}
        className="max-h-[60vh] overflow-y-auto p-2"
      >
        {groups.map((group) => (
          <div key={group.key} role="presentation" className="mb-2">
            {/* Hidden from assistive technology here: it names the group below through aria-labelledby. */}
            <div
              id={`${id}-${group.key}-heading`}
              aria-hidden="true"
              className="px-2 pt-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400"
            >
              {group.heading}
            </div>
            {group.notes.map((note, n) => (
              <div
                key={note}
                id={`${id}-${group.key}-note-${n}`}
                aria-hidden="true"
                className={`px-2 text-xs ${group.tone === "problem" ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}
              >
                {note}
              </div>
            ))}
            {/* biome-ignore lint/a11y/useSemanticElements: a listbox groups its options with role=group; a fieldset is for form controls */}
            <div
              role="group"
              aria-labelledby={[
                `${id}-${group.key}-heading`,
                ...group.notes.map((_, n) => `${id}-${group.key}-note-${n}`),
              ].join(" ")}
            >
              {group.options.map((option) => {
                index += 1;
                const at = index;
                const selected = at === active;
                return (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's text field handles the keys (focus never leaves it)
                  <div
                    key={option.key}
                    id={optionId(at)}
                    role="option"
                    tabIndex={-1}
                    aria-selected={selected}
                    onClick={() => openOption(option)}
                    onMouseMove={() => setActiveIndex(at)}
                    className={`flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-2 py-1.5 text-sm ${selected ? "bg-sky-100 text-sky-950 dark:bg-sky-900 dark:text-white" : ""}`}
                  >
                    <span className="font-medium">{option.label}</span>{" "}
                    <span
                      className={`truncate text-xs ${selected ? "text-sky-900 dark:text-sky-100" : "text-slate-600 dark:text-slate-400"}`}
                    >
                      {group.key === "recent"
                        ? [option.group, option.detail].filter(Boolean).join(" · ")
                        : option.detail}
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </div>
      <p
        role="status"
        className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400"
      >
        {statusLine(t, {
          typed,
          searching,
          count: options.length,
          problems,
          searchable: searchIntents(typed).length > 0,
        })}
      </p>
    </dialog>
  );
}

interface SearchState {
  typed: string;
  searching: boolean;
  count: number;
  problems: number;
  searchable: boolean;
}

function statusLine(t: Translate<"palette">, state: SearchState): string {
  if (state.searching) return t("searching");
  if (state.typed !== "" && !state.searchable && state.count === 0) return t("noMatch");
  const found = t("found", { count: state.count });
  return state.problems > 0 ? `${found} ${t("trouble", { count: state.problems })}` : found;
}
