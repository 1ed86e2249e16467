app_name = "hate_crime"

urlpatterns: list = []
