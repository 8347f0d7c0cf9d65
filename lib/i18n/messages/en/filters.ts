/** A list's filter bar (components/data-table/filter-form.tsx): its buttons, "More filters" and the chips. */
export const filters = {
  apply: "Apply filters",
  clear: "Clear",
  more: "More filters",
  moreActive: "More filters ({count} active)",
  fewer: "Fewer filters",
  active: "Active filters",
  chip: "{name}: {value}",
  remove: "Remove the filter {filter}",
  removeAll: "Remove all filters",
};
