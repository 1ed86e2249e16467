// Progressive enhancement for GOV.UK Frontend components. Every page works
// without this file; it only adds the behaviour the components' JavaScript
// provides (error summary focus, mobile navigation toggle, double-click guard).
//
// The import is relative to this module's own URL, so it resolves to
// {STATIC_URL}govuk/govuk-frontend.min.js whatever STATIC_URL is.
import { initAll } from "../govuk/govuk-frontend.min.js";

// GOV.UK's template sets these classes with an inline script, which our
// Content-Security-Policy forbids. A browser running this file supports ES
// modules, which is exactly what "govuk-frontend-supported" signals.
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
