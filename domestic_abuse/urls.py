app_name = "domestic_abuse"

urlpatterns: list = []
