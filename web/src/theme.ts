/** The look: restrained Party red as the brand colour, neutral surfaces, readable type for long Vietnamese text. */
import type { ThemeConfig } from 'antd';

export const BRAND_RED = '#a8071a';
export const BRAND_GOLD = '#ffd666';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorLink: '#1d4f91',
    borderRadius: 6,
    fontFamily:
      "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'",
    fontSize: 14,
    colorBgLayout: '#f4f5f7',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { itemSelectedBg: '#fff1f0', itemSelectedColor: BRAND_RED },
    Table: { headerBg: '#fafafa' },
  },
};
