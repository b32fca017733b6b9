// Monaco (bundled with @grafana/ui's CodeEditor) runs its editor worker from the host's build, as Grafana serves
// Monaco's workers itself; no CDN.
declare global {
  interface Window {
    MonacoEnvironment?: { getWorkerUrl: (moduleId: string, label: string) => string };
  }
}

window.MonacoEnvironment = {
  getWorkerUrl: () => '/host/monaco/editor.worker.js',
};

export {};
