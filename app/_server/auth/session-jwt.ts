import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

const keys = new Map<string, Uint8Array>();

/**
 * next-auth's `decode` for the session cookie (an encrypted JWT: "dir" + A256GCM, with a key derived from the
 * secret by HKDF), with the key derived once per secret instead of on every call. HKDF cost about a millisecond
 * a request, twice: in proxy.ts (withAuth) and in getSession. Same claims, same 15 s clock tolerance; a token
 * that does not decrypt or has expired throws, as next-auth's does.
 */
export async function decodeSessionJwt({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const id = `${salt}\u0000${typeof secret === "string" ? secret : secret.toString("base64")}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    keys.set(id, (key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32))));
  }
  const { payload } = await jwtDecrypt(token, key, { clockTolerance: 15 });
  return payload as JWT;
}
