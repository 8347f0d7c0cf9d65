/** Words every area uses. An area's own wording stays in its own file, even when it repeats one of these. */
export const common = {
  language: {
    label: "Language",
    browser: "Same as my browser ({language})",
  },
};
