import { db } from "../db";

const answers = new WeakMap<object, Promise<boolean>>();

/**
 * A demo deployment is one whose database was filled by the demo seed (docs/product.md §2: demo mode). The seed
 * runs at start-up, before the first request, and nothing removes the mark: asked once per database, not per page.
 */
export async function isDemoDeployment(): Promise<boolean> {
  const prisma = await db();
  let answer = answers.get(prisma);
  if (!answer) answers.set(prisma, (answer = prisma.systemSetting.count({ where: { key: "demo" } }).then((n) => n > 0)));
  return answer;
}
