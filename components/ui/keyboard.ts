/** Input types whose keys are not text: a shortcut pressed on them is still a shortcut. */
const NOT_TEXT = new Set([
  "button",
  "checkbox",
  "color",
  "file",
  "radio",
  "range",
  "reset",
  "submit",
  "image",
]);

/**
 * Whether a key press belongs to what the person is typing (a text field, a select, an editable area):
 * single-key shortcuts such as `/` must leave it alone.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}
