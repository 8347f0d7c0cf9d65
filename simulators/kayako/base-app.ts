import { action, type Controller, notSimulatedActions } from "./controller";
import { mysqlNumber, phpEmpty, phpIntval } from "./php";
import { renderDepartments, renderOrganizations, renderStaff, renderUsers } from "./render";
import { statusReply, xmlReply } from "./responses";
import { searchUsers } from "./search";
import type { KayakoStore } from "./store";

/** The `Base` app controllers the console uses (S6, `__swift/apps/base/api`). */

const file = (name: string) => `./__swift/apps/base/api/class.Controller_${name}.php`;

/** Users are read at most 1000 at a time (`ProcessUsers`). */
const USER_PAGE = 1000;

/**
 * `Get($id)` of Department, Staff and UserOrganization: the ID is cast with `(int)` first, so "0", "abc"
 * and "" all list everything.
 */
function byIntId<T extends { id: number }>(
  name: string,
  all: (store: KayakoStore) => readonly T[],
  render: (items: readonly T[]) => string,
): Controller {
  return {
    name,
    file: file(name),
    actions: [
      action("GetList", 0, (ctx) => xmlReply(render(all(ctx.store)))),
      action("Get", 1, (ctx, [raw]) => {
        const id = phpIntval(raw);
        const items = all(ctx.store);
        return xmlReply(render(id === 0 ? items : items.filter((item) => item.id === id)));
      }),
      ...notSimulatedActions("Post", "Put", "Delete"),
    ],
  };
}

const userController: Controller = {
  name: "User",
  file: file("User"),
  actions: [
    action("GetList", 0, (ctx) => xmlReply(renderUsers(ctx.store.users.slice(0, USER_PAGE)))),
    action(
      "Filter",
      0,
      (ctx, [marker, maxItems]) => {
        // `userid >= '<marker>'` (MySQL casts the string); max items capped at 1000, non-positive means 1000.
        const from = phpEmpty(marker) ? 0 : mysqlNumber(marker ?? "");
        const requested = maxItems === undefined ? USER_PAGE : phpIntval(maxItems);
        const max = requested > 0 && requested < USER_PAGE ? requested : USER_PAGE;
        return xmlReply(renderUsers(ctx.store.users.filter((u) => u.id >= from).slice(0, max)));
      },
      2,
    ),
    action("Get", 1, (ctx, [raw]) => {
      // `!empty($id)` then `WHERE userid = '<raw>'`: "0" lists the first 1000 users, "abc" matches none.
      if (phpEmpty(raw)) return xmlReply(renderUsers(ctx.store.users.slice(0, USER_PAGE)));
      const id = mysqlNumber(raw ?? "");
      return xmlReply(renderUsers(ctx.store.users.filter((u) => u.id === id)));
    }),
    ...notSimulatedActions("Post", "Put", "Delete"),
  ],
};

const USER_SEARCH_NOT_IMPLEMENTED = "Not Implemented, Call POST /Base/UserSearch instead.";

const userSearchController: Controller = {
  name: "UserSearch",
  file: file("UserSearch"),
  actions: [
    action("Post", 0, (ctx) => {
      const query = phpEmpty(ctx.post.query) ? "" : (ctx.post.query ?? "");
      if (query === "") return statusReply(400, "Query should not be empty");
      const phrase = phpIntval(ctx.post.phrase) === 1;
      const ids = new Set(searchUsers(ctx.store, query, phrase));
      return xmlReply(renderUsers(ctx.store.users.filter((u) => ids.has(u.id))));
    }),
    action("GetList", 0, () => statusReply(400, USER_SEARCH_NOT_IMPLEMENTED)),
    action("Get", 0, () => statusReply(400, USER_SEARCH_NOT_IMPLEMENTED)),
    action("Put", 0, () => statusReply(400, USER_SEARCH_NOT_IMPLEMENTED)),
    action("Delete", 0, () => statusReply(400, USER_SEARCH_NOT_IMPLEMENTED)),
  ],
};

const unsimulated = (name: string): Controller => ({
  name,
  file: file(name),
  actions: notSimulatedActions("GetList", "Get", "Post", "Put", "Delete"),
});

export const BASE_APP: readonly Controller[] = [
  byIntId("Department", (store) => store.departments, renderDepartments),
  byIntId("Staff", (store) => store.staff, renderStaff),
  byIntId("UserOrganization", (store) => store.organizations, renderOrganizations),
  userController,
  userSearchController,
  unsimulated("UserGroup"),
  unsimulated("StaffGroup"),
  unsimulated("CustomField"),
  unsimulated("CustomFieldGroup"),
];
