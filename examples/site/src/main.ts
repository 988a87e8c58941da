// npm start: DATELINE_URL=http://localhost:8080 PORT=3000 npm start
import { createSite } from "./server.ts";

const datelineUrl = process.env.DATELINE_URL ?? "http://localhost:8080";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const site = createSite({ datelineUrl, secureCookies: process.env.SECURE_COOKIES === "true", locale: process.env.SITE_LOCALE ?? "en" });
site.listen(port, host, () => console.log(`Dateline site on http://${host}:${port} (reading ${datelineUrl})`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => site.close(() => process.exit(0)));
