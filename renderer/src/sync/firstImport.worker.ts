// The import of a new database's first sync (./importPages.ts) in a worker of its own: parsing the
// pages, sealing the personal fields and IndexedDB's copies of the documents stay off the UI thread.
import { importCollections, type ImportedPage, type ImportRequest } from './importPages';

export type ImportMessage = { kind: 'page'; page: ImportedPage } | { kind: 'done' } | { kind: 'failed'; message: string };

// The renderer compiles with DOM types: describe the little of a worker's global scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportMessage): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  importCollections(event.data, (page) => scope.postMessage({ kind: 'page', page })).then(
    () => scope.postMessage({ kind: 'done' }),
    (error: unknown) => scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
