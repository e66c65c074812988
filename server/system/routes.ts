/** /api/v1/system — what the installation is, public (the sign-in page shows the demo banner from it). */
import { ZSystemInfo, type TSystemInfo } from '../../common/schemas/system.ts';
import type { App } from '../lib/http.ts';
import { countAccounts, readInstallation } from './installation.ts';
import { APP_NAME, APP_VERSION } from './version.ts';

const tags = ['system'];

export function systemRoutes(app: App): void {
  const { db } = app;

  app.get(
    '/system/info',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Thông tin cài đặt: phiên bản, bản dùng thử (dữ liệu mẫu) hay cài đặt thật, đã có tài khoản chưa',
        security: [],
        response: { 200: ZSystemInfo },
      },
    },
    async (): Promise<TSystemInfo> => {
      const [state, accounts] = await Promise.all([readInstallation(db), countAccounts(db)]);
      return {
        name: APP_NAME,
        version: APP_VERSION,
        demo: state.demo,
        demoLoadedAt: state.demoLoadedAt ? state.demoLoadedAt.toISOString() : null,
        needsSetup: accounts === 0,
      };
    },
  );
}
