import type { NavigateOptions, To } from 'react-router';

// The app uses <BrowserRouter>, whose navigate() returns nothing (React Router's own advice for
// its `void | Promise<void>` return type, which is a promise only under a data router).
declare module 'react-router' {
  interface NavigateFunction {
    (to: To, options?: NavigateOptions): void;
    (delta: number): void;
  }
}
