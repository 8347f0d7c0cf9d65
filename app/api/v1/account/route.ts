import { getAccount } from "@/lib/api/account";
import { route } from "@/lib/server/api/route";
import { accountOf, personOf } from "@/lib/server/auth/account";

export const GET = route(getAccount, async ({ db, actor }) => accountOf(db, personOf(actor).id));
