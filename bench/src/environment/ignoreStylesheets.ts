// Grafana's UI packages (loaded through @grafana/runtime) require their CSS files; outside a browser a stylesheet
// means nothing, so — as the plugin's Jest config maps them to a proxy — Node gets an empty module for each.
// Imported before anything that loads @grafana/*.
require.extensions['.css'] = (module) => {
  module.exports = {};
};
