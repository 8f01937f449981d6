import { db } from "../db";

/** A demo deployment is one whose database was filled by the demo seed (docs/product.md §2: demo mode). */
export async function isDemoDeployment(): Promise<boolean> {
  const prisma = await db();
  return (await prisma.systemSetting.count({ where: { key: "demo" } })) > 0;
}
