/** A list's filter bar: the fields behind "More filters" and the active filters as chips. */
export const filters = {
  more: "More filters",
  moreActive: "More filters ({count} active)",
  fewer: "Fewer filters",
  active: "Active filters",
  remove: "Remove the filter {filter}",
  removeAll: "Remove all filters",
};
