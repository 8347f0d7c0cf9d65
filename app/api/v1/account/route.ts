import { getAccount } from "@/lib/api/account";
import { accountOf, personOf } from "@/lib/server/account";
import { route } from "@/lib/server/api/route";

export const GET = route(getAccount, async ({ db, actor }) => accountOf(db, personOf(actor).id));
