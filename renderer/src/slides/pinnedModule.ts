// Loads a chunk of the build that the app imports on demand (the chart engine) under the page's CSP, which admits
// scripts only by their hashes: an import() request carries no integrity and would be refused, so the chunk is first
// loaded through a module script element carrying the integrity that the page names for it (vite.config.ts cspMeta);
// the import() that follows then finds the module already loaded. A page without the pin (the single-file export,
// whose one script holds everything; the dev server) goes straight to the import().
import { PINNED_MODULE_META } from '../../../decks/common/csp.ts';

const pinned = new Map<string, Promise<void>>();

export function loadPinnedModule(name: string): Promise<void> {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${PINNED_MODULE_META}${name}"]`);
  if (!meta) return Promise.resolve();
  let done = pinned.get(name);
  if (!done) {
    const [src = '', integrity = ''] = meta.content.split(' ');
    done = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.type = 'module';
      script.crossOrigin = 'anonymous';
      script.integrity = integrity;
      script.src = new URL(src, document.baseURI).href;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`${name} could not be loaded`));
      document.head.append(script);
    });
    pinned.set(name, done);
  }
  return done;
}
