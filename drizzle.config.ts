import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/adapters/db/schema.ts',
  out: './migrations',
});
