// The four services' OpenAPI documents, each served by the gateway at /api-docs/<service>;
// the top bar lets a reader switch between them.
window.ui = SwaggerUIBundle({
  dom_id: '#swagger-ui',
  urls: [
    { url: '/api-docs/recommendations', name: 'recommendations-service' },
    { url: '/api-docs/groups', name: 'groups-service' },
    { url: '/api-docs/reporting', name: 'reporting-service' },
    { url: '/api-docs/notifications', name: 'notifications-service' }
  ],
  'urls.primaryName': 'recommendations-service',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  plugins: [SwaggerUIBundle.plugins.DownloadUrl],
  layout: 'StandaloneLayout'
});
