import { redirect } from "next/navigation";
import { homePathFor } from "@/app/_domain/permissions";
import { requireSession } from "@/app/_server/auth/current-session";

/** "/" sends each user to the home page of their role. */
export default async function Home() {
  const session = await requireSession();
  redirect(homePathFor(session.roles));
}
