from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "tenants.demo"
    label = "demo"
    verbose_name = "Demo data"
