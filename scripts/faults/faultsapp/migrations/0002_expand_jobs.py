# An "expand" step on the hot table the load writes to, as a real deploy would do: a nullable
# column (the running code never selects it) and an index. Both take locks on jobs_job.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("faultsapp", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE jobs_job ADD COLUMN faults_note varchar(50) NULL",
            "ALTER TABLE jobs_job DROP COLUMN faults_note",
        ),
        migrations.RunSQL(
            "CREATE INDEX faults_job_employer ON jobs_job (employer)",
            "DROP INDEX faults_job_employer",
        ),
    ]
