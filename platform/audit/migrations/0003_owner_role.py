from django.db import migrations

from audit.ownership import protect_sql

# Back to the migrating role (the application's own, in development): the owner role stays.
GIVE_BACK = """
ALTER TABLE audit_auditentry OWNER TO CURRENT_USER;
ALTER FUNCTION audit_refuse_change() OWNER TO CURRENT_USER;
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only")]

    operations = [migrations.RunSQL(protect_sql(), GIVE_BACK)]
