// Vite bundles a page's stylesheet into that page's chunk; the import has no value.
declare module '*.css';
