/** The foldable parts of pages (components/ui/collapsible-section.tsx). */
export const sections = {
  notRemembered: "Your choice to fold or open this part was not remembered: {message}",
};
