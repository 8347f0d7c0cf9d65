import "server-only";
import type { ConnectionSummaryDto } from "@/lib/api/connection-summary";
import { CONNECTION_READ_PERMISSIONS } from "@/lib/connection-kinds";
import { text } from "@/lib/i18n/api-messages/text";
import { can, type Role } from "@/lib/permissions";
import type { Database } from "@/lib/server/db/client";
import { forbidden, notFound } from "@/lib/server/errors/api-error";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { callSummary } from "@/lib/server/vendors/kalliope/call-summary";
import { findConnectionEntry } from "./registry";
import { sharedSummary } from "./summary-answers";
import { kalliopeCdrFor, kayakoFor, kiwireIndexedFor, operatorExtensionsFor } from "./vendor-clients";

/**
 * The overview's figures of one connection, shared between asks (summary-answers.ts). A card must not wait for
 * a slow appliance as long as a list would: past `TIME_LIMIT_MS` it gets a timeout error while the read goes
 * on and fills the shared answer for the next ask.
 */
const TIME_LIMIT_MS = 8_000;

async function readSummary(db: Database, id: string, kind: ConnectionSummaryDto["kind"]) {
  switch (kind) {
    case "kalliope":
      return callSummary(await kalliopeCdrFor(db, id));
    case "kerio-operator": {
      const figures = await (await operatorExtensionsFor(db, id)).registrationSummary();
      return { kind, ...figures } satisfies ConnectionSummaryDto;
    }
    case "kiwire":
      return (await kiwireIndexedFor(db, id)).voucherSummary();
    case "kayako": {
      const { tickets } = await kayakoFor(db, id);
      const [openTickets, unassignedTickets] = await Promise.all([
        tickets.countMatching({ status: "open" }),
        tickets.countMatching({ status: "open", owner: "unassigned" }),
      ]);
      return { kind, openTickets, unassignedTickets } satisfies ConnectionSummaryDto;
    }
    case "kerio-connect":
    case "kerio-control":
      return { kind } satisfies ConnectionSummaryDto;
  }
}

function withinTimeLimit<T>(work: Promise<T>, name: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new VendorError(
            "timeout",
            text`${name} did not give its figures within ${TIME_LIMIT_MS / 1000} s; the overview asks again shortly.`,
          ),
        ),
      TIME_LIMIT_MS,
    );
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** A person sees a connection's figures with the permission that reads its vendor's data. */
export async function connectionSummary(
  db: Database,
  id: string,
  role: Role,
  now = Date.now(),
): Promise<ConnectionSummaryDto> {
  const entry = await findConnectionEntry(db, id);
  if (!entry) throw notFound(text`No connection with the id "${id}".`);
  const permission = CONNECTION_READ_PERMISSIONS[entry.kind];
  if (!can(role, permission))
    throw forbidden(
      text`Your role (${role}) does not have the ${permission} permission this connection's figures need.`,
    );
  const summary = sharedSummary(id, entry.kind, () => readSummary(db, id, entry.kind), now);
  return withinTimeLimit(summary, entry.name);
}
