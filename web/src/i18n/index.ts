/**
 * The message catalogue. Every string the UI shows comes from the Vietnamese
 * catalogue (vi.json + areas/*.vi.json, merged in catalogues.ts; the language
 * of the users); the English files carry the same keys for reviewers and
 * future use. Keys are typed, so a missing key fails the type check.
 */
import { vi } from './catalogues.ts';

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;
export type Params = Record<string, string | number | null | undefined>;

let current: Messages = vi;

/** Replace `{name}` placeholders with params; unknown placeholders stay visible so mistakes show. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

export function t(key: MessageKey, params?: Params): string {
  return format(current[key] ?? key, params);
}

/** Switch catalogue (tests, or a future language menu). */
export function setCatalogue(messages: Messages): void {
  current = messages;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}
