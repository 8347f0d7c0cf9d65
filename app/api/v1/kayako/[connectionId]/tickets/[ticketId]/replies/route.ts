import { replyToTicket } from "@/lib/api/kayako";
import { text } from "@/lib/i18n/api-messages/text";
import { route } from "@/lib/server/api/route";
import { kayakoFor } from "@/lib/server/connections/vendor-clients";
import { conflict } from "@/lib/server/errors/api-error";
import { requireStaffId } from "@/lib/server/vendors/kayako/staff-map";

export const POST = route(replyToTicket, async ({ db, actor, params, body, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = params.ticketId;
  // The reply text belongs to the ticket, not the audit log: record its size and kind only, refusals too.
  audit.input = { isPrivate: body.isPrivate, length: body.contents.length };
  if (actor.kind !== "user") {
    throw conflict(
      text`API tokens cannot reply: a reply is sent as the Kayako staff member mapped to a signed-in person.`,
    );
  }
  const staffId = await requireStaffId(db, params.connectionId, actor.id);
  audit.input.staffId = staffId;
  const kayako = await kayakoFor(db, params.connectionId);
  return kayako.tickets.reply(params.ticketId, staffId, body);
});
