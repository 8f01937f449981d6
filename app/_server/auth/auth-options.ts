import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { readEnv } from "../env";
import { signIn } from "./sign-in";

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
  }
  interface User {
    sv: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: readEnv().sessionMaxAge },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "用户名密码",
      credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, req) {
        const headers = new Headers(req?.headers as Record<string, string> | undefined);
        const user = await signIn(credentials?.username ?? "", credentials?.password ?? "", headers);
        return user ? { id: user.id, name: user.displayName, sv: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sv;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid;
      session.sv = token.sv;
      return session;
    },
  },
};
