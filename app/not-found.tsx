import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>There is no claim or source at this address. It may have been mistyped; withdrawn claims keep their address, so it was never here.</p>
      <p>
        <Link href="/claims">Browse all claims</Link> · <Link href="/sources">Browse all sources</Link> · <Link href="/">Home</Link>
      </p>
    </>
  );
}
