/** One active filter as a person reads it ("Caller: contains 0612") and what removing it does. */
export interface FilterChip {
  /** The URL keys the filter spans (a number and how it must match): removing the chip resets them all. */
  keys: readonly string[];
  name: string;
  value: string;
  remove: () => void;
}

/** A list filter a chip can show: its name, and its value as a person reads it. */
export interface ChipField<S> {
  keys: readonly (keyof S & string)[];
  name: string;
  /** The value as a person reads it, or null while the filter does not narrow the list (empty, the default). */
  value: (state: S) => string | null;
}

/**
 * The chips of the filters that narrow a list now, in the order of its fields. `reset` puts keys back to their
 * defaults (for a URL-kept list: `setFilters` with nulls), so a chip removes exactly what it shows.
 */
export function filterChips<S>(
  state: S,
  fields: readonly ChipField<S>[],
  reset: (keys: readonly (keyof S & string)[]) => void,
): FilterChip[] {
  return fields.flatMap((field) => {
    const value = field.value(state);
    return value === null
      ? []
      : [{ keys: field.keys, name: field.name, value, remove: () => reset(field.keys) }];
  });
}

/** The URL patch that puts these filters back to their defaults (a list's `setFilters` reads null so). */
export const cleared = <K extends string>(keys: readonly K[]): Record<K, null> =>
  Object.fromEntries(keys.map((key) => [key, null])) as Record<K, null>;
