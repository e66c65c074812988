/** Names of those honoured or proposed: how they sort (individuals by given name) and how they are searched (without diacritics). */
import { foldVietnamese, personNameSortKey, vietnameseSortKey } from '../../common/vn-text.ts';

export function honoureeSortKey(subject: 'collective' | 'individual', displayName: string): string {
  return subject === 'individual' ? personNameSortKey(displayName) : vietnameseSortKey(displayName);
}

export function honoureeSearchText(...parts: Array<string | null | undefined>): string {
  return foldVietnamese(parts.filter(Boolean).join(' '));
}
