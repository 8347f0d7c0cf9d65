import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { ApiTokenDto, CreateApiTokenInput } from "@/lib/api/api-tokens";
import { text } from "@/lib/i18n/api-messages/text";
import { serverConfig } from "@/lib/server/config/config";
import type { Database } from "@/lib/server/db/client";
import { apiTokens, users } from "@/lib/server/db/schema";
import { notFound, validationFailed } from "@/lib/server/errors/api-error";
import { InvalidatedCache } from "@/lib/server/shared-state/invalidated-cache";
import {
  AUTH_CACHE_TTL_MS,
  authBus,
  forgetToken,
  tokenTag,
  userTag,
} from "@/lib/server/users/auth-invalidation";

type TokenRow = typeof apiTokens.$inferSelect;

/** Recognisable prefix, so leaked tokens are easy to spot in logs and by secret scanners. */
const TOKEN_PREFIX = "oc_";
/** last_used_at is a hint for admins, not a log: write it at most once a minute per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const DAY_MS = 86_400_000;
const maxLifetimeMs = () => serverConfig().API_TOKEN_MAX_LIFETIME_DAYS * DAY_MS;

/**
 * When a token stops working: its own expiry, but never later than creation + the maximum lifetime, so tokens
 * made "never expiring" (or longer) before the limit existed, or before it was lowered, are held to it too.
 */
function effectiveExpiry(row: TokenRow): Date {
  const limit = new Date(row.createdAt.getTime() + maxLifetimeMs());
  return row.expiresAt && row.expiresAt < limit ? row.expiresAt : limit;
}

function toDto(row: TokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: effectiveExpiry(row).toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** A token answers to the person who made it: it works only while they are active (see findActiveToken). */
export async function createApiToken(db: Database, input: CreateApiTokenInput, createdBy: string) {
  const maxDays = serverConfig().API_TOKEN_MAX_LIFETIME_DAYS;
  if (input.expiresInDays > maxDays) {
    const message = text`At most ${maxDays} days: this console limits API tokens to ${maxDays} days (API_TOKEN_MAX_LIFETIME_DAYS)`;
    throw validationFailed(text`Invalid body — expiresInDays: ${message}`, [
      { field: "expiresInDays", message },
    ]);
  }
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
  const [row] = await db
    .insert(apiTokens)
    .values({
      name: input.name,
      role: input.role,
      tokenHash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      createdBy,
      expiresAt,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return { ...toDto(row), token };
}

export async function listApiTokens(db: Database): Promise<ApiTokenDto[]> {
  const rows = await db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt));
  return rows.map(toDto);
}

export async function revokeApiToken(db: Database, id: string): Promise<ApiTokenDto> {
  const [existing] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  if (!existing) throw notFound(text`No API token with that id.`);
  if (existing.revokedAt) return toDto(existing);
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(eq(apiTokens.id, id))
    .returning();
  await forgetToken(id);
  return toDto(row ?? existing);
}

/** Tokens found active lately, by hash; revoking one or changing its creator drops it (auth-invalidation.ts). */
const activeTokens = new InvalidatedCache<TokenRow>({
  bus: authBus(),
  ttlMs: AUTH_CACHE_TTL_MS,
  maxEntries: 2_000,
  tagsOf: (row) => [tokenTag(row.id), ...(row.createdBy ? [userTag(row.createdBy)] : [])],
});

/**
 * The token's row when it exists, is not revoked, has not expired (by its own date or the maximum lifetime)
 * and its creator is still an active person; records when it was last used. A token with no creator (one made
 * by another token before tokens were refused that) answers to nobody and does not work. Read from memory
 * while nothing changed; the expiry, which changes with the clock alone, is checked on every use.
 */
export async function findActiveToken(db: Database, token: string): Promise<TokenRow | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const tokenHash = hashToken(token);
  const row = await activeTokens.read(tokenHash, () => loadActiveToken(db, tokenHash));
  const now = new Date();
  if (!row || effectiveExpiry(row) <= now) return null;
  await noteUse(db, row, now);
  return row;
}

async function loadActiveToken(db: Database, tokenHash: string): Promise<TokenRow | undefined> {
  const now = new Date();
  const [found] = await db
    .select({ token: apiTokens })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        gt(apiTokens.createdAt, new Date(now.getTime() - maxLifetimeMs())),
        isNull(users.disabledAt),
      ),
    );
  return found?.token;
}

/**
 * Writes last_used_at when the one known here is older than its resolution: once a minute per token and
 * instance at most, so a busy script does not cost a write per request. The cached row learns the new time.
 */
async function noteUse(db: Database, row: TokenRow, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (row.lastUsedAt && row.lastUsedAt >= stale) return;
  row.lastUsedAt = now;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale))));
}
