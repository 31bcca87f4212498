import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypeScript,
  // next.config.js is CommonJS because the package has no "type" (the App Router build needs that).
  { files: ['next.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { ignores: ['.next/**', 'lib/generated/**', 'node_modules/**', '.data/**', '.worktrees/**', 'next-env.d.ts'] },
];

export default config;
