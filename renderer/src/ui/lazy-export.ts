/**
 * React.lazy for a module's named export: the component's code loads the first time it renders
 * (inside a Suspense), and the modules keep their named exports.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// `any` props: the bound React.lazy itself puts on a component.
export function lazyExport<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
