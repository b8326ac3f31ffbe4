// Types for Vite-handled imports in src/web.
declare module '*.css';
