import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/auth-options";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

// Built per request so the secret is read after start-up configuration (it may be generated on first run).
function handler(request: Request, context: NextAuthContext) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
