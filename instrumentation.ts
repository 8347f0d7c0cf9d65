export async function register() {
  // Bootstrap touches the database and the file system, so it is loaded only in the Node.js runtime.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startConsole } = await import("@/lib/server/startup/bootstrap");
    await startConsole();
  }
}
