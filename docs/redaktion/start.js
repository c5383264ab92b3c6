// Starts Decap CMS in Danish. config.yml beside this page describes what it edits; this file runs before the
// bundle (decap-cms.js), so the editor waits for CMS.init() instead of starting on its own.
window.CMS_MANUAL_INIT = true;
window.addEventListener("DOMContentLoaded", function () {
  window.CMS.init({ config: { locale: "da" } });
});
