import type { ReactNode } from "react";
import { Th } from "./table";

export interface SortableThProps {
  label: ReactNode;
  /** The column's current direction, or null when the list is sorted by another column. */
  direction: "asc" | "desc" | null;
  onSort: () => void;
}

/** A column header that sorts on the server when pressed, announcing its state to screen readers. */
export function SortableTh({ label, direction, onSort }: SortableThProps) {
  return (
    <Th aria-sort={direction === null ? "none" : direction === "asc" ? "ascending" : "descending"}>
      <button type="button" className="font-semibold hover:underline" onClick={onSort}>
        {label}
        {direction === null ? "" : direction === "asc" ? " ▲" : " ▼"}
      </button>
    </Th>
  );
}

/**
 * The list state a press on a sortable header sets: another column sorts in its `first` direction (ascending,
 * or descending where the newest or longest matter first), the sorted one flips, and the list goes back to
 * its first page.
 */
export function sortPressed<TSort>(
  current: { sort: TSort; dir: "asc" | "desc" },
  sort: TSort,
  first: "asc" | "desc" = "asc",
) {
  const flipped = first === "asc" ? "desc" : "asc";
  const dir: "asc" | "desc" = current.sort === sort && current.dir === first ? flipped : first;
  return { sort, dir, page: 1 };
}
