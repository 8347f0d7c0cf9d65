export const shell = {
  skipToContent: "Skip to content",
  productName: "Operator Console",
  mainNavigation: "Main",
};
