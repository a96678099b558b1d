'use client';

import { RotateCcw } from 'lucide-react';
import { useRouter } from 'next/navigation';

export function ReloadButton({ label = 'Try again' }: { label?: string }) {
  const router = useRouter();
  return (
    <button type="button" className="button button--primary" onClick={() => router.refresh()}>
      <RotateCcw size={16} aria-hidden="true" /> {label}
    </button>
  );
}
