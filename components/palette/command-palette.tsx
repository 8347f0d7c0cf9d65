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
import { searchIntents } from "@/lib/search-query";
import { SEARCH_KIND_SOURCES, SEARCH_QUERY_MAX } from "@/lib/search-vocabulary";
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

function pageOptions(role: Role, nav: Translate<"nav">): Option[] {
  return NAVIGATION.flatMap((section) =>
    section.items
      .filter((item) => can(role, item.permission))
      .map((item) => ({
        key: `page:${item.href}`,
        href: item.href,
        label: nav(`pages.${item.page}`),
        detail: nav(`sections.${section.section}`),
        group: "Page",
      })),
  );
}

function sourceGroup(source: SearchSourceDto): Group {
  const { label, noun } = SEARCH_KIND_SOURCES[source.kind];
  const notes = [`Searched ${source.searched}.`];
  if (source.message) notes.push(source.message);
  else if (source.items.length === 0) notes.push("Nothing found.");
  return {
    key: `${source.kind}:${source.connectionId}`,
    heading: `${label} · ${source.connectionName}`,
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
  const searchable = searchIntents(query).length > 0;
  const nav = useTranslations("nav");
  const results = useQuery({ ...searchQueries.results(query), enabled: searchable });
  const savedViews = useSavedViewGroups(typed);

  useEffect(() => {
    dialog.current?.showModal();
    input.current?.focus();
  }, []);

  const lower = typed.toLowerCase();
  const pages = pageOptions(role, nav).filter(
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
                  heading: "Recent",
                  notes: [],
                  tone: "normal" as const,
                  options: recent.map((item) => ({ ...item, key: `recent:${item.href}` })),
                },
              ]
            : []),
          { key: "pages", heading: "Pages", notes: [], tone: "normal", options: pages },
          ...savedViews,
        ]
      : [
          ...(pages.length > 0
            ? [{ key: "pages", heading: "Pages", notes: [], tone: "normal" as const, options: pages }]
            : []),
          ...savedViews,
          // A stale answer (the debounce or the request still running) is not shown as this text's result.
          ...(searchable && query === typed && results.data && !results.isPlaceholderData
            ? results.data.sources.map(sourceGroup)
            : []),
          ...(searchable && query === typed && results.isError
            ? [
                {
                  key: "error",
                  heading: "Search",
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
      aria-label="Command palette"
      data-command-palette=""
      onClose={onClose}
      className="mx-auto mt-[12vh] w-full max-w-xl rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="border-b border-slate-200 p-3 dark:border-slate-800">
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label="Go to a page, or find an extension, voucher, ticket, call or hotspot user"
          aria-expanded="true"
          aria-controls={`${id}-listbox`}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          maxLength={SEARCH_QUERY_MAX}
          value={text}
          placeholder="Page, extension number, voucher code, ticket id or mask, call id, user…"
          onChange={(event) => {
            setText(event.currentTarget.value);
            setActiveIndex(0);
          }}
          onKeyDown={onKeyDown}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-400"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          ↑ ↓ to move, Enter to open, Esc to close.
        </p>
      </div>
      <div
        id={`${id}-listbox`}
        role="listbox"
        aria-label="Results"
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
        {statusLine({
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

function statusLine(state: {
  typed: string;
  searching: boolean;
  count: number;
  problems: number;
  searchable: boolean;
}): string {
  if (state.searching) return "Searching the appliances…";
  const found = state.count === 1 ? "1 result" : `${state.count} results`;
  const trouble =
    state.problems > 0
      ? ` ${state.problems === 1 ? "One source" : `${state.problems} sources`} did not answer.`
      : "";
  if (state.typed !== "" && !state.searchable && state.count === 0)
    return "No page matches. Type an extension number, a voucher code, a ticket id or mask (ABC-123-45678), a call's unique id or a hotspot user's name.";
  return `${found}.${trouble}`;
}
