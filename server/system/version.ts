/** The application's version (package.json), for /system/info and anything else that records it. */
import packageJson from '../../package.json' with { type: 'json' };

export const APP_NAME = 'Điển hình';
export const APP_VERSION: string = packageJson.version;
