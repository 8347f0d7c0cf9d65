import type { FormEvent } from "react";

/**
 * onSubmit handler that hands over the form's data. Used instead of React's `action` prop, which resets the
 * form after every submission: a form refused by the server must keep what the person typed.
 */
export function submitWith(handle: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    handle(new FormData(event.currentTarget));
  };
}
