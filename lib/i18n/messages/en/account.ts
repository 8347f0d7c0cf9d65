export const account = {
  language: {
    hint: "The console and its messages to you use this language, on every device you sign in from.",
  },
};
