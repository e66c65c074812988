import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A search box's text: shown as typed, handed to `onSettled` (trimmed) once typing has paused for `delay` ms.
 * The list is asked again from the event, not from an effect watching a debounced value. The third element
 * replaces the text without reporting it (the filter was cleared elsewhere).
 */
export function useSettledText(
  initial: string,
  onSettled: (text: string) => void,
  delay = 300,
): [string, (text: string) => void, (text: string) => void] {
  const [text, setText] = useState(initial);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(onSettled);
  useEffect(() => {
    latest.current = onSettled;
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const change = useCallback(
    (next: string) => {
      setText(next);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => latest.current(next.trim()), delay);
    },
    [delay],
  );
  return [text, change, setText];
}
