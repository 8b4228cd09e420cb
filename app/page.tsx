import { redirect } from "next/navigation";
import { currentContext } from "@/lib/auth/session";

export default async function Home() {
  redirect((await currentContext()) ? "/keys" : "/login");
}
