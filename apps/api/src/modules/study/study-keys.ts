import { itemIdOf, parseItemId } from '@prep/contracts';
import type { ItemKey } from './study.types';

export function toKey(itemId: string): ItemKey {
  const { kind, ref } = parseItemId(itemId);
  return { kind, refId: ref };
}

/** The fuzz seed of one learner's item (with the repetition count, see seedStrategy). */
export function seedOf(userId: string, key: ItemKey): string {
  return `${userId}:${itemIdOf(key.kind, key.refId)}`;
}
