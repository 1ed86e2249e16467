app_name = "vawg"

urlpatterns: list = []
