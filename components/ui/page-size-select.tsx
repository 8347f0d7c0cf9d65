export interface PageSizeSelectProps {
  value: number;
  sizes: readonly number[];
  /** Changing the size goes back to the first page, so the caller sets both in the URL. */
  onChange: (size: number) => void;
}

export function PageSizeSelect({ value, sizes, onChange }: PageSizeSelectProps) {
  return (
    <select
      aria-label="Rows per page"
      value={value}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
    >
      {sizes.map((size) => (
        <option key={size} value={size}>
          {size} per page
        </option>
      ))}
    </select>
  );
}
