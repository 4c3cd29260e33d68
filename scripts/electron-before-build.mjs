// electron-builder's beforeBuild hook (build/electron-builder.yml). The app's code is esbuild
// bundles and a static web build, so it needs no node_modules. Answering false tells electron-builder
// that node_modules are handled outside it: it then neither installs nor rebuilds them, and does not
// copy the root package's production dependencies (the server's: fastify, pg, …) into app.asar.
export async function beforeBuild() {
  return false;
}

export default beforeBuild;
