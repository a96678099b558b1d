'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { TApiResult } from '../../lib/api/result';
import { useToast } from '../ui/toast';

/**
 * One way for an admin control to change something: send, tell the admin what happened (a toast, with the API's
 * reason on failure), and re-read the server-rendered page so every part of it shows the new state.
 */
export function useAdminCall() {
  const router = useRouter();
  const notify = useToast();
  const [pending, setPending] = useState(false);

  async function call<T>(
    send: () => Promise<TApiResult<T>>,
    messages: { success?: string | ((data: T) => string); failure: string },
    { refresh = true }: { refresh?: boolean } = {},
  ): Promise<TApiResult<T>> {
    setPending(true);
    const result = await send();
    setPending(false);
    if (!result.ok) {
      notify({ tone: 'danger', title: messages.failure, description: result.message });
      return result;
    }
    if (messages.success) {
      notify({ tone: 'success', title: typeof messages.success === 'function' ? messages.success(result.data) : messages.success });
    }
    if (refresh) router.refresh();
    return result;
  }

  return { pending, call, router, notify };
}
