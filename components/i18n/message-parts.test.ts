import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messageParts } from "./message-parts";

const html = (message: string, parts: Parameters<typeof messageParts>[1]) =>
  renderToStaticMarkup(createElement(Fragment, null, messageParts(message, parts)));

describe("an element inside a translated sentence", () => {
  it("puts each element where its placeholder is, in any order a translation chooses", () => {
    const api = createElement("a", { href: "/api-docs" }, "console API");
    expect(html("Scripts call the {api} with {header}.", { api, header: "a header" })).toBe(
      'Scripts call the <a href="/api-docs">console API</a> with a header.',
    );
    expect(html("Con {header}, gli script chiamano l'{api}.", { api, header: "a header" })).toBe(
      'Con a header, gli script chiamano l&#x27;<a href="/api-docs">console API</a>.',
    );
  });

  it("leaves a placeholder it has no element for as written, so a gap shows", () => {
    expect(html("All set. {link}", {})).toBe("All set. {link}");
  });
});
