import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-red-700 dark:text-red-400">403</p>
        <h1 className="mt-1 text-2xl font-semibold">You do not have access to this page</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Your role does not include the permission this page needs. If you need it, ask a console admin to
          change your role.
        </p>
        <Link href="/" className="mt-4 inline-block font-medium text-sky-700 underline dark:text-sky-400">
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
