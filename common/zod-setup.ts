/** Zod speaks Vietnamese everywhere (server validation and web forms). */
import { z } from 'zod';

z.config(z.locales.vi());

export { z };
