"""URLs for test_flow: the test-only question flow plus the project's own URLs, so base.html's links resolve."""

from django.urls import include, path

import csphub.urls
from intake.tests.test_flow import flow

urlpatterns = [
    path("test-flow/", include(flow.urls())),
    *csphub.urls.urlpatterns,
]
