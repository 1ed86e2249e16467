"""Public pages: the published Case Review figures (the application journey itself is asb.flow)."""

import csv

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from asb.queries import published_figures
from csphub.decorators import public


@public
def review_statistics(request: HttpRequest) -> HttpResponse:
    return render(request, "asb/review_statistics.html", {"rows": published_figures()})


@public
def review_statistics_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="asb-case-review-figures.csv"'
    writer = csv.writer(response)
    writer.writerow(["year", "applications received", "threshold not met", "reviews carried out",
                     "reviews resulting in recommendations"])
    for row in published_figures():
        writer.writerow([row["year"], row["received"], row["not_met"], row["reviews"], row["with_recommendations"]])
    return response
