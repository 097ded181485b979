"""The Celery app. Every message carries the schema it was sent from (tenant-schemas-celery);
the worker switches to that schema before the task runs and restores the previous one after."""

import os

from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = CeleryApp("congress")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
