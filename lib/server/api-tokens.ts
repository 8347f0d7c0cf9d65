import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { ApiTokenDto, CreateApiTokenInput } from "@/lib/api/api-tokens";
import { notFound } from "@/lib/server/api/errors";
import type { Database } from "@/lib/server/db/client";
import { apiTokens } from "@/lib/server/db/schema";

type TokenRow = typeof apiTokens.$inferSelect;

/** Recognisable prefix, so leaked tokens are easy to spot in logs and by secret scanners. */
const TOKEN_PREFIX = "oc_";
/** last_used_at is a hint for admins, not a log: write it at most once a minute per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function toDto(row: TokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiToken(db: Database, input: CreateApiTokenInput, createdBy: string | null) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt =
    input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 86_400_000);
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
  if (!existing) throw notFound("No API token with that id.");
  if (existing.revokedAt) return toDto(existing);
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(eq(apiTokens.id, id))
    .returning();
  return toDto(row ?? existing);
}

/** The token's row when it exists, is not revoked and has not expired; records when it was last used. */
export async function findActiveToken(db: Database, token: string): Promise<TokenRow | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const now = new Date();
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  if (!row) return null;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale))));
  return row;
}
