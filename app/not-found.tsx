import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-slate-600 dark:text-slate-400">404</p>
        <h1 className="mt-1 text-2xl font-semibold">Page not found</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          The address may be mistyped, or the page may have moved.
        </p>
        <Link href="/" className="mt-4 inline-block font-medium text-sky-700 underline dark:text-sky-400">
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
