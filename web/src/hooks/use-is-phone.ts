import { Grid } from 'antd';

/** True below the md breakpoint (phones): the side menu becomes a drawer, tables become compact. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
