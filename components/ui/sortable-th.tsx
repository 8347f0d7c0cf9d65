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
