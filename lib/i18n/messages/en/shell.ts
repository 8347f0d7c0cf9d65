export const shell = {
  skipToContent: "Skip to content",
  productName: "Operator Console",
  mainNavigation: "Main",
  description: "One console for Kerio, Kiwire, KalliopePBX and Kayako",
  theme: {
    label: "Theme",
    selectLabel: "Colour theme",
    options: { system: "system", light: "light", dark: "dark" },
    notSaved: "The theme could not be saved. Check your connection and try again.",
  },
  yourAccount: "Your account",
  signOut: "Sign out",
  /** The API reference page; the operations themselves are described in English, as in the OpenAPI document. */
  apiDocs: {
    machineReadable: "{description} Machine-readable: {link}.",
    operationId: "Operation id {id}. {description}",
    required: "required",
    responses: "Responses: {responses}",
  },
  /** The full-page answers for 403 and 404. */
  status: {
    back: "Back to the overview",
    notFound: {
      title: "Page not found",
      text: "The address may be mistyped, or the page may have moved.",
    },
    forbidden: {
      title: "You do not have access to this page",
      text: "Your role does not include the permission this page needs. If you need it, ask a console admin to change your role.",
    },
  },
};
