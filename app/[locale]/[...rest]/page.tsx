import { notFound } from 'next/navigation';

// Any other path under a locale: the locale's own not-found page (there is no root layout
// above [locale] for Next's default one to render in).
export default function UnknownPage() {
  notFound();
}
